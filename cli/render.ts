/** Diagnostics as people and programs read them. */
import type { Diagnostic } from "../compiler/diagnostics.ts";

export interface FileDiagnostic {
  readonly file: string;
  readonly diagnostic: Diagnostic;
}

/** `file:line:col severity code: message`, the source line, a caret under the span, and the hint. */
export function renderHuman(file: string, source: string, d: Diagnostic): string {
  const { startLine, startColumn, endLine, endColumn } = d.span;
  let out = `${file}:${startLine}:${startColumn} ${d.severity} ${d.code}: ${d.message}\n`;
  const line = sourceLine(source, startLine);
  if (line !== null) {
    const shown = line.replace(/\t/g, " ");
    const width = endLine === startLine ? Math.max(1, endColumn - startColumn) : Math.max(1, line.length - startColumn + 1);
    const gutter = String(startLine);
    out += ` ${gutter} | ${shown}\n`;
    out += ` ${" ".repeat(gutter.length)} | ${" ".repeat(Math.max(0, startColumn - 1))}${"^".repeat(width)}\n`;
  }
  if (d.hint) out += `  hint: ${d.hint}\n`;
  if (d.example) out += `  example: ${renderExample(d.example)}\n`;
  return out;
}

/** An input as `signal = value` pairs: strings JSON-quoted, numbers and booleans as JavaScript prints them. */
export function renderExample(example: Readonly<Record<string, number | string | boolean>>): string {
  return Object.entries(example)
    .map(([k, v]) => `${k} = ${typeof v === "string" ? JSON.stringify(v) : v}`)
    .join(", ");
}

/** The text of one-based line `n`, splitting at \n, \r\n and lone \r like the lexer does. */
function sourceLine(source: string, n: number): string | null {
  // Spans refer to the text after a leading byte-order mark, which the parser drops.
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const line = lines[n - 1];
  return line === undefined ? null : line.replace(/\p{Cc}/gu, (c) => (c === "\t" ? c : "\uFFFD"));
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
  };
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
