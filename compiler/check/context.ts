/**
 * What every check reads and writes: the source (for quoting the author's words), the diagnostics
 * found so far, and the declarations in scope.
 */
import type { SignalDecl, Span } from "../../grammar/ast.ts";
import { diagnostic, type Diagnostic, type DiagnosticCode, type Fix } from "../../diagnostics/index.ts";
import type { CalendarModel, FieldModel, OwnerModel, SignalType, SignalValue } from "../model.ts";

export interface SignalInfo {
  readonly name: string;
  readonly decl: SignalDecl;
  /** Null when the declared type was wrong (already reported): uses of the signal are then not checked. */
  readonly type: SignalType | null;
  /** Absent when the signal has no (valid) default. */
  readonly defaultValue?: SignalValue;
}

/** The declarations; the first declaration of a name wins. */
export interface Scope {
  /** False when there is no `signals` block: `missing-signals` is reported once, not every use. */
  readonly hasSignals: boolean;
  readonly signals: ReadonlyMap<string, SignalInfo>;
  /** Null when there is no `fields` block: any field name is then accepted. */
  readonly fields: ReadonlyMap<string, FieldModel> | null;
  /** Null when there is no `owners` block: any target is then accepted. */
  readonly owners: ReadonlyMap<string, OwnerModel> | null;
  /** Null when there is no `calendars` block; a calendar with errors (already reported) maps to null. */
  readonly calendars?: ReadonlyMap<string, CalendarModel | null> | null;
}

export interface Context {
  readonly source: string;
  readonly diagnostics: Diagnostic[];
  report(code: DiagnosticCode, span: Span, message: string, hint?: string, fixes?: readonly Fix[]): void;
  /** The author's text under `span`, in backticks, whitespace collapsed, long text cut with "…". */
  quote(span: Span): string;
}

const MAX_QUOTE = 40;

/** `source` is the text as parsed (`ParseResult.source`, without a byte-order mark): spans index it. */
export function createContext(source: string): Context {
  const diagnostics: Diagnostic[] = [];
  return {
    source,
    diagnostics,
    report(code, span, message, hint, fixes) {
      diagnostics.push(diagnostic(code, span, message, hint, fixes));
    },
    quote(span) {
      return code(source.slice(span.startOffset, span.endOffset).replace(/\s+/g, " "));
    },
  };
}

/** `text` in backticks, cut with "…" when long. */
export function code(text: string): string {
  const cut = [...text];
  return `\`${cut.length > MAX_QUOTE ? cut.slice(0, MAX_QUOTE - 1).join("") + "…" : text}\``;
}
