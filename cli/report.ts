import { hasErrors, type Diagnostic } from "../compiler/diagnostics.ts";
import type { Io } from "./io-types.ts";
import { renderHuman, summary } from "./render.ts";

/** Prints diagnostics to stderr for commands whose stdout is their product; true when any is an error. */
export function reportToStderr(io: Io, file: string, source: string, diagnostics: readonly Diagnostic[]): boolean {
  for (const d of diagnostics) io.stderr(renderHuman(file, source, d) + "\n");
  const failed = hasErrors(diagnostics);
  if (diagnostics.length > 0) io.stderr(`${file}: ${summary(diagnostics)}\n`);
  return failed;
}
