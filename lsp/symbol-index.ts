/**
 * One index of every named thing in a contract and every place it is written: the basis of go to
 * definition, find references, rename, hover and semantic tokens.
 *
 * Kinds are separate namespaces, as in the language: signals, fields, owners, calendars, rules, and the members
 * of each enum signal (keyed by their signal). Built from the syntax tree alone, so it works on a
 * contract with errors, as far as the parser recovered it.
 */
import {
  ruleName,
  type Action,
  type Clause,
  type Condition,
  type ContractFile,
  type Literal,
  type Name,
  type Span,
  type Target,
} from "../grammar/ast.ts";

export type SymbolKind = "signal" | "field" | "owner" | "rule" | "member" | "calendar";

export interface Occurrence {
  readonly kind: SymbolKind;
  readonly name: string;
  /** For a member: the signal whose enum it belongs to. */
  readonly scope?: string;
  /** The name's text only (inside the quotes of a quoted target). */
  readonly span: Span;
  readonly declaration: boolean;
  /** An unnamed rule's `rule_<line>`: the span is its `when`, where a name would be inserted. */
  readonly derived?: boolean;
}

export interface SymbolIndex {
  /** In source order. */
  readonly occurrences: readonly Occurrence[];
  readonly byKey: ReadonlyMap<string, readonly Occurrence[]>;
}

export function symbolKey(o: Pick<Occurrence, "kind" | "name" | "scope">): string {
  return o.kind === "member" ? `member:${o.scope}.${o.name}` : `${o.kind}:${o.name}`;
}

export function buildIndex(file: ContractFile, source: string): SymbolIndex {
  const out: Occurrence[] = [];
  const add = (kind: SymbolKind, name: Name, declaration: boolean, scope?: string): void => {
    out.push(scope === undefined ? { kind, name: name.text, span: name.span, declaration } : { kind, name: name.text, span: name.span, declaration, scope });
  };
  const target = (t: Target | null): void => {
    if (!t) return;
    if (!t.quoted) return add("owner", { kind: "name", text: t.key, span: t.span }, false);
    // Only a quoted key written without escapes maps one-to-one onto the text between the quotes.
    const inner = { ...t.span, startOffset: t.span.startOffset + 1, endOffset: t.span.endOffset - 1, startColumn: t.span.startColumn + 1, endColumn: t.span.endColumn - 1 };
    if (source.slice(inner.startOffset, inner.endOffset) === t.key) add("owner", { kind: "name", text: t.key, span: inner }, false);
  };
  const literal = (signal: string, value: Literal): void => {
    if (value.kind === "symbol") add("member", { kind: "name", text: value.name, span: value.span }, false, signal);
  };
  const condition = (c: Condition): void => {
    switch (c.kind) {
      case "comparison":
        add("signal", c.signal, false);
        return literal(c.signal.text, c.value);
      case "membership":
        add("signal", c.signal, false);
        for (const v of c.values) literal(c.signal.text, v);
        return;
      case "flag":
        return add("signal", c.signal, false);
      case "staffing":
        return add(c.subject, c.name, false);
      case "not":
        return condition(c.operand);
      case "and":
      case "or":
        for (const o of c.operands) condition(o);
    }
  };
  const outcome = (action: Action, clauses: readonly Clause[]): void => {
    target(action.target);
    for (const clause of clauses) {
      if (clause.kind === "collect-clause" || clause.kind === "confirm-clause") for (const f of clause.fields) add("field", f, false);
      if (clause.kind === "reason-clause" || clause.kind === "say-clause") {
        for (const part of clause.text.parts) if (part.kind === "interpolation") add("signal", part.name, false);
      }
    }
  };

  for (const item of file.items) {
    switch (item.kind) {
      case "signals-block":
        for (const s of item.signals) {
          add("signal", s.name, true);
          if (s.type.kind === "enum-type" && s.type.members.length > 1) for (const m of s.type.members) add("member", m, true, s.name.text);
          if (s.defaultValue) literal(s.name.text, s.defaultValue);
        }
        break;
      case "fields-block":
        for (const f of item.fields) add("field", f.name, true);
        break;
      case "owners-block":
        for (const o of item.owners) {
          add("owner", o.name, true);
          if (o.hours) add("calendar", o.hours, false);
        }
        break;
      case "calendars-block":
        for (const c of item.calendars) add("calendar", c.name, true);
        break;
      case "rule":
        if (item.name) add("rule", item.name, true);
        else out.push({ kind: "rule", name: ruleName(item), span: item.whenSpan, declaration: true, derived: true });
        condition(item.condition);
        outcome(item.action, item.clauses);
        break;
      case "otherwise":
      case "on-invalid":
        outcome(item.action, item.clauses);
        break;
      case "test":
        for (const g of item.given) {
          add("signal", g.signal, false);
          literal(g.signal.text, g.value);
        }
        // `expect rule otherwise` names the built-in outcome, a keyword: nothing to rename or find.
        if (item.expect.kind === "expect-rule") {
          if (item.expect.rule.text !== "otherwise") add("rule", item.expect.rule, false);
        } else target(item.expect.target);
        break;
      case "monotone-decl":
        add("signal", item.signal, false);
        break;
    }
  }
  out.sort((a, b) => a.span.startOffset - b.span.startOffset);
  const byKey = new Map<string, Occurrence[]>();
  for (const o of out) {
    const key = symbolKey(o);
    const list = byKey.get(key);
    if (list) list.push(o);
    else byKey.set(key, [o]);
  }
  return { occurrences: out, byKey };
}

/** The occurrence under the cursor (touching its start or end), preferring a name over a derived rule's `when`. */
export function occurrenceAt(index: SymbolIndex, offset: number): Occurrence | undefined {
  const list = index.occurrences;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.span.endOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  let found: Occurrence | undefined;
  for (let i = lo; i < list.length && list[i]!.span.startOffset <= offset; i++) {
    const o = list[i]!;
    if (o.span.endOffset < offset) continue;
    if (!found || (found.derived && !o.derived)) found = o;
  }
  return found;
}

/** Every occurrence of the same symbol, declarations first. */
export function occurrencesOf(index: SymbolIndex, o: Occurrence): readonly Occurrence[] {
  const all = index.byKey.get(symbolKey(o)) ?? [];
  return [...all.filter((x) => x.declaration), ...all.filter((x) => !x.declaration)];
}
