import { hasErrors, type Diagnostic } from "../diagnostics/index.ts";
import type { Io } from "./io-types.ts";
import { renderHuman, summary } from "../diagnostics/render.ts";

/**
 * Prints errors and warnings to stderr for commands whose stdout is their product (info notes are
 * only counted: `handoff check --info` shows them); true when any is an error.
 */
export function reportToStderr(io: Io, file: string, source: string, diagnostics: readonly Diagnostic[]): boolean {
  const shown = diagnostics.filter((d) => d.severity !== "info");
  for (const d of shown) io.stderr(renderHuman(file, source, d) + "\n");
  if (shown.length > 0) io.stderr(`${file}: ${summary(diagnostics)}\n`);
  return hasErrors(diagnostics);
}
