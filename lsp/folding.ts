/** Folding: every top-level item that spans several lines, and runs of two or more comment lines. */
import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Analysis } from "./documents.ts";
import { bomShift, spanToRange } from "./positions.ts";

export function foldingRanges(doc: TextDocument, analysis: Analysis): FoldingRange[] {
  const shift = bomShift(doc);
  const out: FoldingRange[] = [];
  for (const item of analysis.ast.items) {
    const { start, end } = spanToRange(doc, item.span, shift);
    if (end.line > start.line) out.push({ startLine: start.line, endLine: end.line });
  }
  let run: { start: number; end: number } | undefined;
  const flush = (): void => {
    if (run && run.end > run.start) out.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
    run = undefined;
  };
  for (const comment of analysis.ast.comments) {
    const line = spanToRange(doc, comment.span, shift).start.line;
    if (run && line === run.end + 1) run.end = line;
    else {
      flush();
      run = { start: line, end: line };
    }
  }
  flush();
  return out.sort((a, b) => a.startLine - b.startLine);
}
