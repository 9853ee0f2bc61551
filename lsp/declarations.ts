/** The declared signals, fields, owners, calendars and rules of a (possibly broken) syntax tree, first declaration winning. */
import { ruleName, type CalendarDecl, type ContractFile, type FieldDecl, type OwnerDecl, type RuleDecl, type SignalDecl } from "../grammar/ast.ts";

export interface Declarations {
  readonly signals: ReadonlyMap<string, SignalDecl>;
  readonly fields: ReadonlyMap<string, FieldDecl>;
  readonly owners: ReadonlyMap<string, OwnerDecl>;
  readonly rules: ReadonlyMap<string, RuleDecl>;
  readonly calendars: ReadonlyMap<string, CalendarDecl>;
}

export function declarations(file: ContractFile): Declarations {
  const signals = new Map<string, SignalDecl>();
  const fields = new Map<string, FieldDecl>();
  const owners = new Map<string, OwnerDecl>();
  const rules = new Map<string, RuleDecl>();
  const calendars = new Map<string, CalendarDecl>();
  const first = <T>(map: Map<string, T>, key: string, value: T): void => {
    if (!map.has(key)) map.set(key, value);
  };
  for (const item of file.items) {
    if (item.kind === "signals-block") for (const s of item.signals) first(signals, s.name.text, s);
    else if (item.kind === "fields-block") for (const f of item.fields) first(fields, f.name.text, f);
    else if (item.kind === "owners-block") for (const o of item.owners) first(owners, o.name.text, o);
    else if (item.kind === "calendars-block") for (const c of item.calendars) first(calendars, c.name.text, c);
    else if (item.kind === "rule") first(rules, ruleName(item), item);
  }
  return { signals, fields, owners, rules, calendars };
}

/** The members of an enum signal, or `true`/`false` for a bool: the bare words its comparisons take. */
export function valueWords(signal: SignalDecl | undefined): readonly string[] {
  if (!signal) return [];
  if (signal.type.kind === "enum-type") return signal.type.members.length > 1 ? signal.type.members.map((m) => m.text) : [];
  return signal.type.name === "bool" ? ["true", "false"] : [];
}
