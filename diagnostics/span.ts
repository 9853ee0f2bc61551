/**
 * Source positions: the one `Span` type every layer shares.
 *
 * INVARIANT: offsets, lines and columns index the source after a leading byte-order mark, which
 * parsing removes (`ParseResult.source` is that text). Lines and columns are one-based and count
 * UTF-16 code units; `\n`, `\r\n` and a lone `\r` each end a line; `end*` points just past the last
 * character.
 */
export interface Span {
  readonly startOffset: number;
  readonly endOffset: number;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A zero-width span at the start of the file. */
export const fileStart: Span = Object.freeze({ startOffset: 0, endOffset: 0, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });

/** A zero-width span just past the end of `span`. */
export function endOf(span: Span): Span {
  return {
    startOffset: span.endOffset,
    endOffset: span.endOffset,
    startLine: span.endLine,
    startColumn: span.endColumn,
    endLine: span.endLine,
    endColumn: span.endColumn,
  };
}

/** From the start of `a` to the end of `b`. */
export function spanBetween(a: Span, b: Span): Span {
  return {
    startOffset: a.startOffset,
    startLine: a.startLine,
    startColumn: a.startColumn,
    endOffset: b.endOffset,
    endLine: b.endLine,
    endColumn: b.endColumn,
  };
}

/** The text without a leading byte-order mark: the text spans index. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
