/**
 * Positions: our spans against LSP ranges.
 *
 * Spans hold JavaScript string offsets (UTF-16 code units) into the source *after* a leading
 * byte-order mark is removed (grammar/parse.ts). LSP positions are 0-based lines and UTF-16
 * characters into the document as the editor holds it, mark included. Both count `\n`, `\r\n` and
 * a lone `\r` as line ends, so converting through offsets is exact: shift by the mark, then let the
 * document map offsets to positions.
 */
import type { Position, Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Span } from "../grammar/ast.ts";
import { withoutByteOrderMark } from "../diagnostics/span.ts";

/** 1 when the document starts with a byte-order mark, which our offsets do not count. */
export function bomShift(doc: TextDocument): number {
  const first = doc.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  return first.length - withoutByteOrderMark(first).length;
}

export function spanToRange(doc: TextDocument, span: Span, shift = bomShift(doc)): Range {
  return offsetsToRange(doc, span.startOffset, span.endOffset, shift);
}

/** The range of `[startOffset, endOffset)` in span coordinates. */
export function offsetsToRange(doc: TextDocument, startOffset: number, endOffset: number, shift = bomShift(doc)): Range {
  const start = Number.isFinite(startOffset) ? startOffset : 0;
  const end = Number.isFinite(endOffset) ? Math.max(endOffset, start) : start;
  return { start: doc.positionAt(start + shift), end: doc.positionAt(end + shift) };
}

/** The offset in our span coordinates (mark removed) of an editor position. */
export function positionToOffset(doc: TextDocument, position: Position, shift = bomShift(doc)): number {
  return Math.max(0, doc.offsetAt(position) - shift);
}

/** Whether `offset` lies in `span`, end included (a cursor just after a word is on that word). */
export function spanContains(span: Span, offset: number): boolean {
  return span.startOffset <= offset && offset <= span.endOffset;
}
