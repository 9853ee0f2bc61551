/**
 * Completion that knows where the cursor is. The text before the cursor is lexed and the last tokens
 * say what may come next: keywords at the top level and after an action, signals where a condition
 * or a `given` expects one, operators after a signal, enum members after `is`/`==`/`in [`, owners
 * after `to`, fields inside `collect [`/`confirm [`, units after a number in `within`, rules and
 * `otherwise` after `expect rule`. Works on any text, however broken.
 */
import { CompletionItemKind, type CompletionItem, type Position } from "vscode-languageserver";
import type { IToken, TokenType } from "chevrotain";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { SignalDecl } from "../grammar/ast.ts";
import * as T from "../grammar/tokens.ts";
import {
  actionNames,
  actions as actionInfo,
  clauseNames,
  expectModes,
  fieldTypeNames,
  monotoneDirections,
  policyNames,
  primitiveTypeNames,
  urgencyNames,
} from "../grammar/vocabulary.ts";
import type { Analysis } from "./documents.ts";
import { declarations, valueWords, type Declarations } from "./declarations.ts";
import { positionToOffset } from "./positions.ts";

const topLevel = ["rule", "when", "otherwise", "on invalid", "test", "signals", "fields", "owners", "calendars", "contract", "version", "policy", "monotone"];
/** After `then`: an action, with `to` when it requires an owner (`route to`). */
const actions = actionNames.map((a) => (actionInfo[a].target === "required" ? `${a} to` : a));
/** After `expect`: an action, or the words of the other modes (`not`, `at least`), or `rule`. */
const expectWords = [...actionNames, ...expectModes.filter((m) => m !== "is").map((m) => m.replace("-", " ")), "rule"];
const operators = ["is", "is not", "==", "!=", "<", "<=", ">", ">=", "in", "not in"];
const units: readonly [string, string][] = [["s", "seconds"], ["m", "minutes"], ["h", "hours"], ["d", "days"], ["w", "weeks"]];

/** Keywords that start a part of a contract; the last one before the cursor says which part it is in. */
const sectionStarts = new Set<TokenType>([T.When, T.Then, T.Given, T.Expect, T.Otherwise, T.Invalid, T.Test, T.Rule, T.Monotone, T.Policy, T.Contract, T.Version]);

export function complete(doc: TextDocument, analysis: Analysis, position: Position): CompletionItem[] {
  const offset = positionToOffset(doc, position);
  const before = analysis.source.slice(0, offset);
  if (insideCommentOrString(before)) return [];
  const tokens = T.lexer.tokenize(before).tokens;
  // A word being typed is replaced by the completion, so what counts is what precedes it.
  const last = tokens[tokens.length - 1];
  const typing = last !== undefined && last.endOffset !== undefined && last.endOffset + 1 === offset && /[A-Za-z0-9_]$/.test(last.image);
  if (typing && (last.tokenType === T.NumberLiteral || last.tokenType === T.Duration)) {
    const previous = tokens[tokens.length - 2];
    return previous?.tokenType === T.Within && /^[0-9]+$/.test(last.image) ? unitItems(last, position) : [];
  }
  const context = typing ? tokens.slice(0, -1) : tokens;
  return itemsFor(context, declarations(analysis.ast));
}

function itemsFor(tokens: readonly IToken[], decl: Declarations): CompletionItem[] {
  const t1 = tokens[tokens.length - 1];
  const t2 = tokens[tokens.length - 2];
  const type1 = t1?.tokenType;
  const block = openBlock(tokens);
  if (block !== undefined) {
    if (block === T.Owners && type1 === T.Hours) return calendarItems(decl);
    if (block === T.Calendars) return [];
    if (type1 === T.Colon) return keywords(block === T.Signals ? primitiveTypeNames : fieldTypeNames);
    if (block === T.Signals && type1 === T.Equals) return values(decl, declaredBefore(tokens, tokens.length - 1));
    return [];
  }
  const list = openList(tokens);
  if (list) {
    if (list.opener === T.Collect || list.opener === T.Confirm) return fieldItems(decl);
    if (list.opener === T.In) return values(decl, list.signal);
    return [];
  }
  const section = lastSection(tokens);
  if (type1 === undefined) return keywords(topLevel);
  if (type1 === T.To) return ownerItems(decl);
  if (type1 === T.Urgency) return keywords(urgencyNames);
  if (type1 === T.Policy) return keywords(policyNames);
  if (type1 === T.On) return keywords(["invalid"]);
  if (type1 === T.Otherwise && expectsRule(tokens, tokens.length - 1)) return keywords(topLevel);
  if (type1 === T.Then || type1 === T.Otherwise || type1 === T.Invalid) return keywords(actions);
  if (type1 === T.Expect) return keywords(expectWords);
  if (type1 === T.Rule) return t2?.tokenType === T.Expect ? ruleItems(decl) : [];
  if (type1 === T.Monotone) return signalItems(decl);
  if (t2?.tokenType === T.Monotone) return keywords(monotoneDirections);
  if (type1 === T.Within || type1 === T.Test || type1 === T.Contract || type1 === T.Version) return [];
  if (section === T.Given) {
    if (type1 === T.Given || type1 === T.Comma) return signalItems(decl);
    if (type1 === T.Equals) return values(decl, t2?.image);
    return keywords(["expect"]);
  }
  if (section === T.When) {
    if (type1 === T.Is || type1 === T.EqEq || type1 === T.NotEq || (type1 === T.Not && t2?.tokenType === T.Is)) {
      return values(decl, signalBefore(tokens, tokens.length - 1));
    }
    if (type1 === T.When || type1 === T.And || type1 === T.Or || type1 === T.Not || type1 === T.LParen) {
      return [...signalItems(decl), ...keywords(type1 === T.Not ? ["("] : ["not", "("])];
    }
    if (t1 && decl.signals.has(t1.image) && t2?.tokenType !== T.Is && t2?.tokenType !== T.EqEq && t2?.tokenType !== T.NotEq) {
      return [...keywords(operators), ...keywords(["and", "or", "then"])];
    }
    if (isOperator(type1)) return [];
    return keywords(["and", "or", "then"]);
  }
  if (section === T.Then || section === T.Otherwise || section === T.Invalid) {
    if (type1 === T.Answer) return keywords([...clauseNames, ...topLevel]);
    if (type1 === T.Route || type1 === T.Escalate) return keywords(["to"]);
    if (type1 === T.Stop) return keywords(["to", "within", ...clauseNames]);
    return keywords(["within", ...clauseNames, ...topLevel]);
  }
  if (section === T.Rule && t2?.tokenType === T.Rule) return keywords(["when"]);
  if (section === T.Test) return keywords(["given", "expect"]);
  if (section === T.Expect && (type1 === T.Route || type1 === T.Escalate || type1 === T.Stop)) return keywords(["to", "within", ...topLevel]);
  return keywords(topLevel);
}

function isOperator(type: TokenType | undefined): boolean {
  return type === T.Lt || type === T.LtEq || type === T.Gt || type === T.GtEq || type === T.Is || type === T.EqEq || type === T.NotEq || type === T.In;
}

/** The declaration block the cursor is in (`signals {`, `fields {`, `owners {`, `calendars {`), if any. */
function openBlock(tokens: readonly IToken[]): TokenType | undefined {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const type = tokens[i]!.tokenType;
    if (type === T.RCurly) return undefined;
    if (type === T.LCurly) {
      const opener = tokens[i - 1]?.tokenType;
      return opener === T.Signals || opener === T.Fields || opener === T.Owners || opener === T.Calendars ? opener : undefined;
    }
    if (sectionStarts.has(type)) return undefined;
  }
  return undefined;
}

/** An unclosed `[` before the cursor: what opened it and, after `in`, the signal tested. */
function openList(tokens: readonly IToken[]): { opener: TokenType | undefined; signal?: string } | undefined {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const type = tokens[i]!.tokenType;
    if (type === T.RBracket || sectionStarts.has(type)) return undefined;
    if (type === T.LBracket) {
      const opener = tokens[i - 1]?.tokenType;
      if (opener === T.In) {
        const at = tokens[i - 2]?.tokenType === T.Not ? i - 3 : i - 2;
        return { opener, signal: tokens[at]?.image };
      }
      return { opener };
    }
  }
  return undefined;
}

/** The signal name just before the operator at `index` (`tier` in `tier is not`). */
function signalBefore(tokens: readonly IToken[], index: number): string | undefined {
  let i = index - 1;
  while (i >= 0 && (tokens[i]!.tokenType === T.Is || tokens[i]!.tokenType === T.Not)) i--;
  return tokens[i]?.image;
}

/** In a signals block, the name declared before `: TYPE =`. */
function declaredBefore(tokens: readonly IToken[], index: number): string | undefined {
  for (let i = index - 1; i > 0; i--) if (tokens[i]!.tokenType === T.Colon) return tokens[i - 1]!.image;
  return undefined;
}

function lastSection(tokens: readonly IToken[]): TokenType | undefined {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const type = tokens[i]!.tokenType;
    // `expect rule NAME` and `expect rule otherwise` belong to the test, not to a new rule or `otherwise`.
    if (type === T.Rule && tokens[i - 1]?.tokenType === T.Expect) return T.Expect;
    if (type === T.Otherwise && expectsRule(tokens, i)) return T.Expect;
    if (sectionStarts.has(type)) return type;
    if (type === T.RCurly) return undefined;
  }
  return undefined;
}

/** Whether the token at `index` is the rule name of `expect rule NAME`. */
function expectsRule(tokens: readonly IToken[], index: number): boolean {
  return tokens[index - 1]?.tokenType === T.Rule && tokens[index - 2]?.tokenType === T.Expect;
}

function insideCommentOrString(before: string): boolean {
  const lineStart = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")) + 1;
  const line = before.slice(lineStart);
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === "\\") i++;
    else if (c === '"') quoted = !quoted;
    else if (c === "#" && !quoted) return true;
  }
  return quoted;
}

function keywords(words: readonly string[]): CompletionItem[] {
  return words.map((label) => ({ label, kind: CompletionItemKind.Keyword }));
}

function signalItems(decl: Declarations): CompletionItem[] {
  return [...decl.signals.values()].map((s) => ({ label: s.name.text, kind: CompletionItemKind.Variable, detail: typeText(s) }));
}

function values(decl: Declarations, signal: string | undefined): CompletionItem[] {
  const s = signal === undefined ? undefined : decl.signals.get(signal);
  return valueWords(s).map((label) => ({ label, kind: s?.type.kind === "enum-type" ? CompletionItemKind.EnumMember : CompletionItemKind.Value, detail: signal }));
}

function ownerItems(decl: Declarations): CompletionItem[] {
  return [...decl.owners.values()].map((o) => ({ label: o.name.text, kind: CompletionItemKind.Class, detail: o.displayName.value }));
}

/** After `hours` in `owners`: the declared calendars, with their zones. */
function calendarItems(decl: Declarations): CompletionItem[] {
  return [...decl.calendars.values()].map((c) => ({ label: c.name.text, kind: CompletionItemKind.Event, detail: c.zone.value }));
}

function fieldItems(decl: Declarations): CompletionItem[] {
  return [...decl.fields.values()].map((f) => ({ label: f.name.text, kind: CompletionItemKind.Field, detail: f.type.text }));
}

function ruleItems(decl: Declarations): CompletionItem[] {
  // `otherwise` is offered even when the tree has none: while `expect rule ¦` is typed, an `otherwise`
  // on the next line parses as its rule name. The checker says so when the contract has no `otherwise`.
  const rules = [...decl.rules.keys()].map((label) => ({ label, kind: CompletionItemKind.Function }));
  return [...rules, { label: "otherwise", kind: CompletionItemKind.Keyword, detail: "no rule matches" }];
}

function unitItems(number: IToken, position: Position): CompletionItem[] {
  const range = { start: { line: position.line, character: position.character - number.image.length }, end: position };
  return units.map(([unit, name]) => ({
    label: `${number.image}${unit}`,
    kind: CompletionItemKind.Unit,
    detail: `${number.image} ${name}`,
    textEdit: { range, newText: `${number.image}${unit}` },
  }));
}

export function typeText(s: SignalDecl): string {
  const t = s.type;
  if (t.kind === "enum-type") return t.members.map((m) => m.text).join(" | ");
  return t.range ? `${t.name} in ${t.range.min?.raw ?? ""}..${t.range.max?.raw ?? ""}` : t.name;
}
