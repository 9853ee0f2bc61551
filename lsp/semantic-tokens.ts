/**
 * Semantic tokens for the names of a contract, which only the checker can tell apart (a word such as
 * `reason` may be a signal or a keyword): signals, fields, owners, calendars, rules and enum members, with the
 * `declaration` modifier where they are declared. Keywords, strings, numbers and comments are left to
 * the editor's grammar.
 */
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Analysis } from "./documents.ts";
import { bomShift, spanToRange } from "./positions.ts";
import type { SymbolKind } from "./symbol-index.ts";

const types: readonly SymbolKind[] = ["signal", "field", "owner", "rule", "member", "calendar"];

export const legend: SemanticTokensLegend = {
  tokenTypes: ["variable", "property", "class", "function", "enumMember", "type"],
  tokenModifiers: ["declaration"],
};

export function semanticTokens(doc: TextDocument, analysis: Analysis): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const shift = bomShift(doc);
  for (const o of analysis.index().occurrences) {
    if (o.derived) continue;
    const { start, end } = spanToRange(doc, o.span, shift);
    if (end.line !== start.line || end.character <= start.character) continue;
    builder.push(start.line, start.character, end.character - start.character, types.indexOf(o.kind), o.declaration ? 1 : 0);
  }
  return builder.build();
}
