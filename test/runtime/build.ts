/**
 * Hand-built `ContractModel` fixtures for the runtime tests (no parser or checker involved).
 */
import type { Span } from "../../grammar/ast.ts";
import {
  defaultUrgency,
  type ActionName,
  type Cond,
  type ContractModel,
  type OutcomeModel,
  type RuleModel,
  type SignalModel,
  type SignalValue,
  type Template,
  type UrgencyName,
} from "../../compiler/model.ts";

export const span: Span = { startOffset: 0, endOffset: 0, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };

function signal(name: string, type: SignalModel["type"], defaultValue?: SignalValue): SignalModel {
  return defaultValue === undefined ? { name, type, span } : { name, type, defaultValue, span };
}

interface Range {
  min?: number;
  max?: number;
}

export const sig = {
  bool: (name: string, def?: boolean) => signal(name, { kind: "bool" }, def),
  number: (name: string, range: Range = {}, def?: number) =>
    signal(name, { kind: "number", integer: false, min: range.min ?? null, max: range.max ?? null }, def),
  int: (name: string, range: Range = {}, def?: number) =>
    signal(name, { kind: "number", integer: true, min: range.min ?? null, max: range.max ?? null }, def),
  text: (name: string, def?: string) => signal(name, { kind: "text" }, def),
  duration: (name: string, def?: number) => signal(name, { kind: "duration" }, def),
  enum: (name: string, members: string[], def?: string) => signal(name, { kind: "enum", members }, def),
};

/** Conditions. A bare bool signal is `flag(name)`. */
export const c = {
  eq: (signal: string, value: SignalValue): Cond => ({ kind: "cmp", signal, op: "==", value }),
  ne: (signal: string, value: SignalValue): Cond => ({ kind: "cmp", signal, op: "!=", value }),
  lt: (signal: string, value: number): Cond => ({ kind: "cmp", signal, op: "<", value }),
  le: (signal: string, value: number): Cond => ({ kind: "cmp", signal, op: "<=", value }),
  gt: (signal: string, value: number): Cond => ({ kind: "cmp", signal, op: ">", value }),
  ge: (signal: string, value: number): Cond => ({ kind: "cmp", signal, op: ">=", value }),
  flag: (signal: string): Cond => ({ kind: "cmp", signal, op: "==", value: true }),
  in: (signal: string, values: SignalValue[]): Cond => ({ kind: "in", signal, negated: false, values }),
  notIn: (signal: string, values: SignalValue[]): Cond => ({ kind: "in", signal, negated: true, values }),
  not: (operand: Cond): Cond => ({ kind: "not", operand }),
  and: (...operands: Cond[]): Cond => ({ kind: "and", operands }),
  or: (...operands: Cond[]): Cond => ({ kind: "or", operands }),
};

/** `"Upset {sentiment}"` → a template; `{name}` interpolates (no escapes needed in fixtures). */
export function tpl(text: string): Template {
  const parts: Template[number][] = [];
  let rest = text;
  while (rest.length > 0) {
    const open = rest.indexOf("{");
    const close = open < 0 ? -1 : rest.indexOf("}", open);
    if (open < 0 || close < 0) {
      parts.push({ kind: "text", value: rest });
      break;
    }
    if (open > 0) parts.push({ kind: "text", value: rest.slice(0, open) });
    parts.push({ kind: "signal", signal: rest.slice(open + 1, close) });
    rest = rest.slice(close + 1);
  }
  return parts;
}

export interface OutcomeOptions {
  owner?: string;
  ownerName?: string;
  within?: number;
  urgency?: UrgencyName;
  collect?: string[];
  confirm?: string[];
  reason?: string;
  say?: string;
}

export function outcome(name: string, action: ActionName, o: OutcomeOptions = {}): OutcomeModel {
  return {
    name,
    action,
    owner: o.owner ?? null,
    ownerName: o.ownerName ?? null,
    withinSeconds: o.within ?? null,
    urgency: o.urgency ?? defaultUrgency[action],
    collect: o.collect ?? [],
    confirm: o.confirm ?? [],
    reason: o.reason === undefined ? null : tpl(o.reason),
    say: o.say === undefined ? null : tpl(o.say),
    span,
  };
}

/** Signals a condition reads, in first-read order, each once. */
export function readsOf(cond: Cond, into: string[] = []): string[] {
  switch (cond.kind) {
    case "cmp":
    case "in":
      if (!into.includes(cond.signal)) into.push(cond.signal);
      break;
    case "not":
      readsOf(cond.operand, into);
      break;
    case "and":
    case "or":
      for (const operand of cond.operands) readsOf(operand, into);
  }
  return into;
}

export function rule(name: string, condition: Cond, action: ActionName, o: OutcomeOptions = {}): RuleModel {
  return { ...outcome(name, action, o), condition, reads: readsOf(condition) };
}

export const builtinInvalid: OutcomeModel = outcome("invalid-input", "stop");

export interface ContractOptions {
  name?: string;
  version?: string | null;
  policy?: ContractModel["policy"];
  signals: SignalModel[];
  rules?: RuleModel[];
  otherwise?: OutcomeModel | null;
  onInvalid?: OutcomeModel;
  owners?: { key: string; displayName: string }[];
}

export function contract(o: ContractOptions): ContractModel {
  return {
    name: o.name ?? "test-contract",
    version: o.version === undefined ? "1" : o.version,
    policy: o.policy ?? "most-severe",
    sourceHash: "0".repeat(64),
    signals: o.signals,
    fields: [],
    owners: o.owners ?? [],
    rules: o.rules ?? [],
    otherwise: o.otherwise === undefined ? outcome("otherwise", "answer") : o.otherwise,
    onInvalid: o.onInvalid ?? builtinInvalid,
    tests: [],
    monotone: [],
  };
}

/** The support-desk contract of the issue, by hand. */
export const support: ContractModel = contract({
  name: "support-desk",
  version: "2026.11",
  signals: [
    sig.number("sentiment", { min: -1, max: 1 }),
    sig.bool("repeatContact"),
    sig.int("contactCount", { min: 0 }),
    sig.enum("tier", ["free", "pro", "enterprise"]),
    sig.enum("topic", ["billing", "pricing", "technical", "medical", "other"]),
    sig.text("language"),
    sig.duration("waiting"),
    sig.bool("priorHandoffFailed", false),
  ],
  owners: [
    { key: "senior", displayName: "Senior support" },
    { key: "billing", displayName: "Billing team" },
    { key: "clinician", displayName: "On-call clinician" },
  ],
  rules: [
    rule("angry_repeat", c.and(c.lt("sentiment", -0.5), c.flag("repeatContact")), "escalate", {
      owner: "senior",
      ownerName: "Senior support",
      within: 7200,
      collect: ["accountNumber", "preferredTime"],
      reason: "Upset customer, contact number {contactCount}",
      say: "I'm bringing in a senior colleague. They will contact you within 2 hours.",
    }),
    rule("medical", c.eq("topic", "medical"), "stop", {
      owner: "clinician",
      ownerName: "On-call clinician",
      within: 3600,
      confirm: ["dateOfBirth"],
      say: "I can't advise on this. A clinician will call you back within the hour.",
    }),
    rule("rule_27", c.and(c.in("topic", ["billing", "pricing"]), c.ne("tier", "free")), "route", {
      owner: "billing",
      ownerName: "Billing team",
      within: 86400,
      reason: "Paying {tier} customer asks about {topic}",
    }),
  ],
  otherwise: outcome("otherwise", "answer"),
});

/** A valid input for `support` that matches no rule. */
export const calm = {
  sentiment: 0.2,
  repeatContact: false,
  contactCount: 1,
  tier: "pro",
  topic: "technical",
  language: "en",
  waiting: 30,
};
