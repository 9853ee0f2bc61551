/** Diagnostics printed as the CLI prints them (diagnostics/render.ts), for tools that show them to people. */
import { renderHuman, summary, type Diagnostic } from "../diagnostics/index.ts";

/**
 * `file:line:col severity code: message`, the source line with a caret under the span, then the hint
 * and example if any, each line ending in a newline: what `handoff check` prints. `source` is the text
 * the diagnostic came from (needed for the source line). Never throws on a diagnostic from this API.
 */
export function renderDiagnostic(file: string, source: string, diagnostic: Diagnostic): string {
  return renderHuman(file, source, diagnostic);
}

/** "2 errors, 1 warning", or "no problems": the last line `handoff check` prints after the file name. Never throws. */
export function renderSummary(diagnostics: readonly Diagnostic[]): string {
  return summary(diagnostics);
}
