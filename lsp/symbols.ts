/** The outline: declaration blocks with their names, rules, `otherwise`, `on invalid`, tests and `monotone` claims. */
import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { ruleName, type Item, type Name, type Span } from "../grammar/ast.ts";
import type { Analysis } from "./documents.ts";
import { bomShift, spanToRange } from "./positions.ts";

export function documentSymbols(doc: TextDocument, analysis: Analysis): DocumentSymbol[] {
  const shift = bomShift(doc);
  const symbol = (name: string, kind: SymbolKind, span: Span, selection: Span, children?: DocumentSymbol[], detail?: string): DocumentSymbol => ({
    name: name === "" ? "?" : name,
    kind,
    range: spanToRange(doc, span, shift),
    // The selection must lie inside the range.
    selectionRange: spanToRange(doc, selection.startOffset >= span.startOffset && selection.endOffset <= span.endOffset ? selection : span, shift),
    ...(children ? { children } : {}),
    ...(detail !== undefined ? { detail } : {}),
  });
  const named = (n: Name, kind: SymbolKind, span: Span, detail?: string) => symbol(n.text, kind, span, n.span, undefined, detail);
  const item = (it: Item): DocumentSymbol => {
    switch (it.kind) {
      case "contract-decl":
        return symbol(`contract ${it.name.value}`, SymbolKind.File, it.span, it.name.span);
      case "version-decl":
        return symbol(`version ${it.version.value}`, SymbolKind.String, it.span, it.version.span);
      case "policy-decl":
        return symbol(`policy ${it.policy}`, SymbolKind.Property, it.span, it.span);
      case "signals-block":
        return symbol("signals", SymbolKind.Namespace, it.span, it.span, it.signals.map((s) => named(s.name, SymbolKind.Variable, s.span)));
      case "fields-block":
        return symbol("fields", SymbolKind.Namespace, it.span, it.span, it.fields.map((f) => named(f.name, SymbolKind.Field, f.span, f.type.text)));
      case "owners-block":
        return symbol("owners", SymbolKind.Namespace, it.span, it.span, it.owners.map((o) => named(o.name, SymbolKind.Class, o.span, o.displayName.value)));
      case "calendars-block":
        return symbol("calendars", SymbolKind.Namespace, it.span, it.span, it.calendars.map((c) => named(c.name, SymbolKind.Event, c.span, c.zone.value)));
      case "rule":
        return symbol(ruleName(it), SymbolKind.Function, it.span, it.name?.span ?? it.whenSpan, undefined, it.action.action);
      case "otherwise":
        return symbol("otherwise", SymbolKind.Function, it.span, it.span, undefined, it.action.action);
      case "on-invalid":
        return symbol("on invalid", SymbolKind.Function, it.span, it.span, undefined, it.action.action);
      case "test":
        return symbol(`test ${it.name.value}`, SymbolKind.Event, it.span, it.name.span);
      case "monotone-decl":
        return symbol(`monotone ${it.signal.text} ${it.direction}`, SymbolKind.Property, it.span, it.signal.span);
    }
  };
  return analysis.ast.items.map(item);
}
