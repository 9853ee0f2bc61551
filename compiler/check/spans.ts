/**
 * Spans the checker derives from the AST's spans: a keyword at the start of a node, the operator
 * between a signal and its value, the start of the file.
 *
 * INVARIANT: a derived span is computed by walking the source forward from a span the parser made,
 * so its lines and columns follow the parser's counting (one-based, UTF-16 code units, `\n`, `\r\n`
 * and a lone `\r` each end a line). When the source does not look as expected, the node's own span
 * is used instead: a derived span is a refinement, never a guess.
 */
import type { Span } from "../../grammar/ast.ts";

export { endOf, fileStart } from "../../grammar/ast.ts";

/** The span of `source[start, end)`, located by walking forward from `base` (which must start at or before `start`). */
export function spanWithin(source: string, base: Span, start: number, end: number): Span {
  if (start < base.startOffset || end < start || end > source.length) return base;
  const from = walk(source, base.startOffset, base.startLine, base.startColumn, start);
  const to = walk(source, start, from.line, from.column, end);
  return { startOffset: start, endOffset: end, startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
}

function walk(source: string, offset: number, line: number, column: number, until: number): { line: number; column: number } {
  for (let i = offset; i < until; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return { line, column };
}

/** The text matched by `pattern` right at the start of `span`, e.g. the `stop` of `stop to clinician`. */
export function leadingSpan(source: string, span: Span, pattern: RegExp): Span {
  const sticky = new RegExp(pattern.source, "y");
  sticky.lastIndex = span.startOffset;
  const match = sticky.exec(source);
  if (!match || match[0].length === 0 || span.startOffset + match[0].length > span.endOffset) return span;
  return spanWithin(source, span, span.startOffset, span.startOffset + match[0].length);
}

/** The first word of a node: its keyword. `on invalid` counts as one keyword. */
export function keywordSpan(source: string, span: Span): Span {
  return leadingSpan(source, span, /on[ \t]+invalid\b|[A-Za-z_][A-Za-z0-9_-]*/);
}

const operatorPattern = /\s*(not\s+in\b|in\b|is\s+not\b|is\b|==|!=|<=|>=|<|>)/y;

/**
 * The operator of a comparison or membership: the first operator after `afterOffset` (the end of the
 * signal's name), as long as it lies inside `node`.
 */
export function operatorSpan(source: string, node: Span, afterOffset: number): Span {
  operatorPattern.lastIndex = afterOffset;
  const match = operatorPattern.exec(source);
  if (!match || match[1] === undefined) return node;
  const end = afterOffset + match[0].length;
  const start = end - match[1].length;
  if (end > node.endOffset) return node;
  return spanWithin(source, node, start, end);
}
