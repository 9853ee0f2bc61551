import { hasErrors, type Diagnostic } from "../diagnostics/index.ts";
import type { Io } from "./io-types.ts";
import { summary } from "../diagnostics/render.ts";
import { renderDiagnostics } from "./summarise.ts";

/**
 * Prints errors and warnings to stderr for commands whose stdout is their product (info notes are
 * only counted: `handoff check --info` shows them), summarised per code as `check` does when there are
 * many; true when any is an error.
 */
export function reportToStderr(io: Io, file: string, source: string, diagnostics: readonly Diagnostic[]): boolean {
  const shown = diagnostics.filter((d) => d.severity !== "info");
  const seeAll = `\`handoff check --all ${file}\` prints every one`;
  for (const item of renderDiagnostics(file, source, shown, false, seeAll)) io.stderr(item + "\n");
  if (shown.length > 0) io.stderr(`${file}: ${summary(diagnostics)}\n`);
  return hasErrors(diagnostics);
}
