/**
 * Quick fixes: every fix a diagnostic carries (`Diagnostic.fixes`, riding along in the LSP diagnostic's
 * `data`) — the checker's "did you mean `x`?" replacements, `stop-without-say`'s `say "…"`,
 * `incomplete`'s `otherwise` — preferred where the fix says so.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic } from "../diagnostics/index.ts";
import { spanToRange } from "./positions.ts";

export function codeActions(doc: TextDocument, params: CodeActionParams): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    const original = d.data as Partial<Diagnostic> | undefined;
    const fixes = Array.isArray(original?.fixes) ? original.fixes : [];
    for (const f of fixes) {
      out.push({
        title: f.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: f.preferred === true,
        edit: { changes: { [doc.uri]: [{ range: spanToRange(doc, f.span), newText: f.text }] } },
      });
    }
  }
  return out;
}
