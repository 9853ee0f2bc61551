/**
 * Go to definition, find references and rename, for signals, fields, owners, rules and enum
 * members, all answered from the one symbol index.
 *
 * Renaming an unnamed rule (known by its derived `rule_<line>`) gives it a name: `rule NEW` is
 * inserted before its `when`, and every `expect rule rule_<line>` follows.
 */
import { ResponseError, ErrorCodes, type Location, type Position, type Range, type TextEdit, type WorkspaceEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { reservedWords } from "../grammar/tokens.ts";
import type { Analysis } from "./documents.ts";
import { bomShift, positionToOffset, spanToRange } from "./positions.ts";
import { occurrenceAt, occurrencesOf, type Occurrence } from "./symbol-index.ts";

function at(doc: TextDocument, analysis: Analysis, position: Position): Occurrence | undefined {
  return occurrenceAt(analysis.index(), positionToOffset(doc, position));
}

export function definition(doc: TextDocument, analysis: Analysis, position: Position): Location[] {
  const o = at(doc, analysis, position);
  if (!o) return [];
  return occurrencesOf(analysis.index(), o)
    .filter((x) => x.declaration)
    .map((x) => ({ uri: doc.uri, range: spanToRange(doc, x.span) }));
}

export function references(doc: TextDocument, analysis: Analysis, position: Position, includeDeclaration: boolean): Location[] {
  const o = at(doc, analysis, position);
  if (!o) return [];
  const shift = bomShift(doc);
  return occurrencesOf(analysis.index(), o)
    .filter((x) => includeDeclaration || !x.declaration)
    .map((x) => ({ uri: doc.uri, range: spanToRange(doc, x.span, shift) }));
}

export function prepareRename(doc: TextDocument, analysis: Analysis, position: Position): { range: Range; placeholder: string } | null {
  const o = at(doc, analysis, position);
  return o ? { range: spanToRange(doc, o.span), placeholder: o.name } : null;
}

function article(kind: Occurrence["kind"]): string {
  return kind === "member" ? "a member" : kind === "owner" ? "an owner" : `a ${kind}`;
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function rename(doc: TextDocument, analysis: Analysis, position: Position, newName: string): WorkspaceEdit | ResponseError | null {
  const o = at(doc, analysis, position);
  if (!o) return null;
  if (!identifier.test(newName)) {
    return new ResponseError(ErrorCodes.InvalidParams, `\`${newName}\` is not a name: use letters, digits and \`_\`, not starting with a digit`);
  }
  if (reservedWords.includes(newName)) return new ResponseError(ErrorCodes.InvalidParams, `\`${newName}\` is a reserved word and cannot be used as a name`);
  const clash = occurrencesOf(analysis.index(), { ...o, name: newName, derived: false }).find((x) => x.declaration);
  if (clash && newName !== o.name) {
    return new ResponseError(ErrorCodes.InvalidParams, `there is already ${article(o.kind)} \`${newName}\``);
  }
  const shift = bomShift(doc);
  const edits: TextEdit[] = occurrencesOf(analysis.index(), o).map((x) => {
    const range = spanToRange(doc, x.span, shift);
    return x.derived ? { range: { start: range.start, end: range.start }, newText: `rule ${newName} ` } : { range, newText: newName };
  });
  return { changes: { [doc.uri]: edits } };
}
