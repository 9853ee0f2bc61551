/**
 * Quick fixes:
 * - every fix a diagnostic carries (`Diagnostic.fixes`, riding along in the LSP diagnostic's `data`):
 *   the checker's "did you mean `x`?" replacements, `stop-without-say`'s `say "…"`; the first is preferred;
 * - `incomplete` (an analysis, which carries no fix) adds an `otherwise` after the last item: `answer`,
 *   or a route to the first owner.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type TextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { endOf } from "../grammar/ast.ts";
import type { Diagnostic } from "../diagnostics/index.ts";
import type { Analysis } from "./documents.ts";
import { declarations } from "./declarations.ts";
import { bomShift, spanToRange } from "./positions.ts";

export function codeActions(doc: TextDocument, analysis: Analysis, params: CodeActionParams): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    const original = d.data as Partial<Diagnostic> | undefined;
    const fixes = Array.isArray(original?.fixes) ? original.fixes : [];
    fixes.forEach((f, i) => out.push(fix(f.title, doc, d, [{ range: spanToRange(doc, f.span), newText: f.text }], i === 0)));
    if (fixes.length === 0 && d.code === "incomplete") {
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
