/** Diagnostics as people and programs read them. */
import type { Diagnostic, Fix } from "./diagnostic.ts";
import { withoutByteOrderMark } from "./span.ts";
import { printExample } from "./values.ts";

export interface FileDiagnostic {
  readonly file: string;
  readonly diagnostic: Diagnostic;
}

/**
 * The source split into lines once, as the lexer counts them (`\n`, `\r\n`, a lone `\r`), with control
 * characters other than tab shown as U+FFFD. Spans index the text after a byte-order mark, so it is dropped.
 */
export class SourceLines {
  private readonly lines: readonly string[];
  constructor(source: string) {
    this.lines = withoutByteOrderMark(source).split(/\r\n|\r|\n/);
  }
  /** One-based line `n`, or null past the end. */
  line(n: number): string | null {
    const line = this.lines[n - 1];
    return line === undefined ? null : line.replace(/\p{Cc}/gu, (c) => (c === "\t" ? c : "\uFFFD"));
  }
}

let lastSource: string | undefined;
let lastLines: SourceLines | undefined;

/** The line index of `source`, kept for the last source seen (diagnostics of one file render in a run). */
function linesOf(source: string | SourceLines): SourceLines {
  if (typeof source !== "string") return source;
  if (source !== lastSource || !lastLines) {
    lastSource = source;
    lastLines = new SourceLines(source);
  }
  return lastLines;
}

/** `file:line:col severity code: message`, the source line, a caret under the span, the hint and any fix. */
export function renderHuman(file: string, source: string | SourceLines, d: Diagnostic): string {
  const { startLine, startColumn, endLine, endColumn } = d.span;
  let out = `${file}:${startLine}:${startColumn} ${d.severity} ${d.code}: ${d.message}\n`;
  const line = linesOf(source).line(startLine);
  if (line !== null) {
    const shown = line.replace(/\t/g, " ");
    const width = endLine === startLine ? Math.max(1, endColumn - startColumn) : Math.max(1, line.length - startColumn + 1);
    const gutter = String(startLine);
    out += ` ${gutter} | ${shown}\n`;
    out += ` ${" ".repeat(gutter.length)} | ${" ".repeat(Math.max(0, startColumn - 1))}${"^".repeat(width)}\n`;
  }
  if (d.hint) out += `  hint: ${d.hint}\n`;
  if (d.example) out += `  example: ${printExample(d.example)}\n`;
  return out;
}

export function toJson(file: string, d: Diagnostic) {
  return {
    file,
    line: d.span.startLine,
    column: d.span.startColumn,
    endLine: d.span.endLine,
    endColumn: d.span.endColumn,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.hint === undefined ? {} : { hint: d.hint }),
    ...(d.example === undefined ? {} : { example: d.example }),
    ...(d.fixes === undefined ? {} : { fixes: d.fixes.map(fixToJson) }),
  };
}

/** A fix with its span as one-based lines and columns, like the diagnostic's. */
function fixToJson(f: Fix) {
  const { startLine: line, startColumn: column, endLine, endColumn } = f.span;
  return { title: f.title, line, column, endLine, endColumn, text: f.text, ...(f.preferred ? { preferred: true } : {}) };
}

/** "2 errors, 1 warning" — or "no problems". */
export function summary(diagnostics: readonly Diagnostic[]): string {
  const count = (s: Diagnostic["severity"]) => diagnostics.filter((d) => d.severity === s).length;
  const parts = [
    [count("error"), "error"],
    [count("warning"), "warning"],
    [count("info"), "info"],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, word]) => `${n} ${word}${n === 1 || word === "info" ? "" : "s"}`);
  return parts.length === 0 ? "no problems" : parts.join(", ");
}
