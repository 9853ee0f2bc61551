/**
 * Quick fixes, keyed on the diagnostic's code:
 * - every `unknown-*` diagnostic whose hint says "did you mean `x`?" — the checker's own suggestion —
 *   replaces the name with `x` (keeping the quotes of a quoted target);
 * - `stop-without-say` adds a `say "…"` to the stop, to be reworded by the author;
 * - `incomplete` adds an `otherwise` after the last item: `answer`, or a route to the first owner.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type TextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { endOf } from "../grammar/ast.ts";
import type { Diagnostic } from "../diagnostics/index.ts";
import type { Analysis } from "./documents.ts";
import { declarations } from "./declarations.ts";
import { bomShift, positionToOffset, spanToRange } from "./positions.ts";

const didYouMean = /did you mean `([^`]+)`\?/;

export const defaultSay = "A colleague will follow up with you.";

export function codeActions(doc: TextDocument, analysis: Analysis, params: CodeActionParams): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    const code = typeof d.code === "string" ? d.code : "";
    const original = d.data as Partial<Diagnostic> | undefined;
    if (code.startsWith("unknown-")) {
      const match = didYouMean.exec(typeof original?.hint === "string" ? original.hint : typeof d.message === "string" ? d.message : d.message.value);
      if (!match) continue;
      const written = doc.getText(d.range);
      const newText = written.startsWith('"') ? JSON.stringify(match[1]) : match[1]!;
      out.push(fix(`Change to \`${match[1]}\``, doc, d, [{ range: d.range, newText }], true));
    } else if (code === "stop-without-say") {
      const offset = positionToOffset(doc, d.range.start);
      const item = analysis.ast.items.find((it) => (it.kind === "rule" || it.kind === "otherwise") && it.span.startOffset <= offset && offset <= it.span.endOffset);
      if (!item) continue;
      const at = spanToRange(doc, endOf(item.span)).end;
      out.push(fix("Add `say \"…\"` to this stop", doc, d, [{ range: { start: at, end: at }, newText: `\n  say ${JSON.stringify(defaultSay)}` }], true));
    } else if (code === "incomplete") {
      const items = analysis.ast.items;
      const last = items[items.length - 1];
      const at = last ? spanToRange(doc, endOf(last.span), bomShift(doc)).end : d.range.start;
      const insert = (text: string): TextEdit[] => [{ range: { start: at, end: at }, newText: `${last ? "\n\n" : ""}${text}` }];
      out.push(fix("Add `otherwise answer`", doc, d, insert("otherwise answer"), false));
      const owner = [...declarations(analysis.ast).owners.keys()][0];
      if (owner !== undefined) out.push(fix(`Add \`otherwise route to ${owner}\``, doc, d, insert(`otherwise route to ${owner}`), false));
    }
  }
  return out;
}

function fix(title: string, doc: TextDocument, diagnostic: LspDiagnostic, edits: TextEdit[], isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [doc.uri]: edits } } };
}
