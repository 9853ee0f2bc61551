/**
 * A diagnostic: plain data with a stable code from the catalog.
 *
 * Messages are one sentence in the author's terms with user input in backticks; detail goes in
 * `hint`. A `fix` is an edit that resolves the problem; the CLI prints it with the hint and the
 * language server offers it as a quick fix, so neither re-reads the hint's wording.
 */
import { catalog, type DiagnosticCode, type Severity } from "./catalog.ts";
import type { Span } from "./span.ts";

/** A concrete, valid input (a value for every signal) that demonstrates an analysis' claim. */
export type Example = Readonly<Record<string, number | string | boolean>>;

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly hint?: string;
  /** Only from the analyses: an input ready to pass to `decide`. */
  readonly example?: Example;
  /** Edits that resolve the diagnostic, best first. */
  readonly fixes?: readonly Fix[];
}

/** Replace the text of `span` with `text` (an empty span inserts). `title` says it in the author's terms. */
export interface Fix {
  readonly title: string;
  readonly span: Span;
  readonly text: string;
  /**
   * The fix surely says what the author meant (a misspelt name), so an editor may apply it on its own.
   * Absent when the author has to choose (which `otherwise` to add).
   */
  readonly preferred?: true;
}

/** Builds a diagnostic whose severity comes from the catalog. */
export function diagnostic(code: DiagnosticCode, span: Span, message: string, hint?: string, fixes?: readonly Fix[]): Diagnostic {
  return {
    code,
    severity: catalog[code].severity,
    message,
    span,
    ...(hint === undefined ? {} : { hint }),
    ...(fixes === undefined || fixes.length === 0 ? {} : { fixes }),
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Source order, then code, so output is deterministic. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.span.startOffset - b.span.startOffset ||
      a.span.endOffset - b.span.endOffset ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
