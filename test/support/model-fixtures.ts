/**
 * Hand-built `ContractModel`s (independent of the parser and checker), each obeying the model's
 * INVARIANT: names declared, literals in range, every stop with a `say` (the checker's built-in
 * `on invalid`, which `contract` defaults to, has none: the runtime supplies it).
 * The one fixture builder of the test suite: the codegen and golden tests use `models` (whose
 * modules are the golden files in test/golden/codegen/), the runtime tests `support`, `calm` and
 * `contract`.
 */
import type { Span } from "../../grammar/ast.ts";
import { actionNames, defaultUrgency, type PolicyName } from "../../grammar/vocabulary.ts";
import {
  builtinInvalidOutcome,
  type ActionName,
  type Cond,
  type ContractModel,
  type OutcomeModel,
  type RuleModel,
  type SignalModel,
  type SignalType,
  type SignalValue,
  type Template,
  type UrgencyName,
} from "../../compiler/model.ts";
import { BUILTIN_INVALID_SAY } from "../../runtime/prelude/index.ts";

export const span: Span = { startOffset: 0, endOffset: 0, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };

// ---------------------------------------------------------------------------------------------
// Builders

export const t = {
  bool: { kind: "bool" } as SignalType,
  text: { kind: "text" } as SignalType,
  duration: { kind: "duration" } as SignalType,
  number: (min: number | null = null, max: number | null = null): SignalType => ({ kind: "number", integer: false, min, max }),
  int: (min: number | null = null, max: number | null = null): SignalType => ({ kind: "number", integer: true, min, max }),
  enum: (...members: string[]): SignalType => ({ kind: "enum", members }),
};

export function signal(name: string, type: SignalType, defaultValue?: SignalValue): SignalModel {
  return defaultValue === undefined ? { name, type, span } : { name, type, defaultValue, span };
}

interface Range {
  min?: number;
  max?: number;
}

/** Signal shorthands: `sig.int("n", { min: 0 }, 3)` is `signal("n", t.int(0, null), 3)`. */
export const sig = {
  bool: (name: string, def?: boolean) => signal(name, t.bool, def),
  number: (name: string, range: Range = {}, def?: number) => signal(name, t.number(range.min ?? null, range.max ?? null), def),
  int: (name: string, range: Range = {}, def?: number) => signal(name, t.int(range.min ?? null, range.max ?? null), def),
  text: (name: string, def?: string) => signal(name, t.text, def),
  duration: (name: string, def?: number) => signal(name, t.duration, def),
  enum: (name: string, members: string[], def?: string) => signal(name, t.enum(...members), def),
};

type CmpOp = "==" | "!=" | "<" | "<=" | ">" | ">=";
const cmp = (signal: string, op: CmpOp, value: SignalValue): Cond => ({ kind: "cmp", signal, op, value });
const isIn = (signal: string, values: SignalValue[], negated = false): Cond => ({ kind: "in", signal, negated, values });

/** Conditions. A bare bool signal is `flag(name)`; `is` and `eq` are the same `==`. */
export const c = {
  cmp,
  is: (signal: string, value: SignalValue): Cond => cmp(signal, "==", value),
  eq: (signal: string, value: SignalValue): Cond => cmp(signal, "==", value),
  ne: (signal: string, value: SignalValue): Cond => cmp(signal, "!=", value),
  lt: (signal: string, value: number): Cond => cmp(signal, "<", value),
  le: (signal: string, value: number): Cond => cmp(signal, "<=", value),
  gt: (signal: string, value: number): Cond => cmp(signal, ">", value),
  ge: (signal: string, value: number): Cond => cmp(signal, ">=", value),
  flag: (signal: string): Cond => cmp(signal, "==", true),
  in: isIn,
  notIn: (signal: string, values: SignalValue[]): Cond => isIn(signal, values, true),
  not: (operand: Cond): Cond => ({ kind: "not", operand }),
  and: (...operands: Cond[]): Cond => ({ kind: "and", operands }),
  or: (...operands: Cond[]): Cond => ({ kind: "or", operands }),
};

/** A template from a string with `{signal}` interpolations (no escapes: use `tpl` parts for `{`). */
export function tpl(text: string): Template {
  const parts: ({ kind: "text"; value: string } | { kind: "signal"; signal: string })[] = [];
  const re = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > last) parts.push({ kind: "text", value: text.slice(last, m.index) });
    parts.push({ kind: "signal", signal: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", value: text.slice(last) });
  return parts;
}

/** An outcome; what is left out is null or empty, the urgency is the action's `defaultUrgency`. */
export interface OutcomeSpec {
  action: ActionName;
  owner?: string | null;
  ownerName?: string | null;
  within?: number | null;
  urgency?: UrgencyName;
  collect?: string[];
  confirm?: string[];
  reason?: Template | string | null;
  say?: Template | string | null;
}

export function outcome(name: string, spec: OutcomeSpec, owners: ContractModel["owners"] = []): OutcomeModel {
  const owner = spec.owner ?? null;
  const asTemplate = (x: Template | string | null | undefined): Template | null =>
    x === undefined || x === null ? null : typeof x === "string" ? tpl(x) : x;
  return {
    name,
    action: spec.action,
    owner,
    ownerName: spec.ownerName !== undefined ? spec.ownerName : (owners.find((o) => o.key === owner)?.displayName ?? null),
    withinSeconds: spec.within ?? null,
    urgency: spec.urgency ?? defaultUrgency[spec.action],
    collect: spec.collect ?? [],
    confirm: spec.confirm ?? [],
    reason: asTemplate(spec.reason),
    say: asTemplate(spec.say),
    span,
  };
}

/** Signals a condition reads, in first-read order, each once. */
export function readsOf(cond: Cond, out: string[] = []): string[] {
  switch (cond.kind) {
    case "cmp":
    case "in":
      if (!out.includes(cond.signal)) out.push(cond.signal);
      return out;
    case "not":
      return readsOf(cond.operand, out);
    case "and":
    case "or":
      for (const operand of cond.operands) readsOf(operand, out);
      return out;
  }
}

export function rule(name: string, condition: Cond, spec: OutcomeSpec, owners: ContractModel["owners"] = []): RuleModel {
  return { ...outcome(name, spec, owners), condition, reads: readsOf(condition) };
}

/** The built-in `on invalid` with its say written out (the golden modules print it as a literal). */
export const builtinInvalid: OutcomeModel = outcome("invalid-input", {
  action: "stop",
  say: [{ kind: "text", value: BUILTIN_INVALID_SAY }],
});

export interface ContractOptions {
  name?: string;
  version?: string | null;
  policy?: ContractModel["policy"];
  signals: SignalModel[];
  rules?: RuleModel[];
  otherwise?: OutcomeModel | null;
  onInvalid?: OutcomeModel;
  owners?: ContractModel["owners"];
}

/**
 * A model with defaults for what `o` leaves out: no fields, tests or monotone claims, an `otherwise`
 * that answers, and the checker's own built-in `on invalid` (say null: the runtime supplies
 * BUILTIN_INVALID_SAY).
 */
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
    otherwise: o.otherwise === undefined ? outcome("otherwise", { action: "answer" }) : o.otherwise,
    onInvalid: o.onInvalid ?? builtinInvalidOutcome,
    tests: [],
    monotone: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Models

const supportOwners = [
  { key: "senior", displayName: "Senior support" },
  { key: "billing", displayName: "Billing team" },
  { key: "clinician", displayName: "On-call clinician" },
];

const supportSignals = [
  signal("sentiment", t.number(-1, 1)),
  signal("repeatContact", t.bool),
  signal("contactCount", t.int(0, null)),
  signal("tier", t.enum("free", "pro", "enterprise")),
  signal("topic", t.enum("billing", "pricing", "technical", "medical", "other")),
  signal("language", t.text),
  signal("waiting", t.duration),
  signal("priorHandoffFailed", t.bool, false),
];

const angryRepeat = rule(
  "angry_repeat",
  c.and(c.cmp("sentiment", "<", -0.5), c.flag("repeatContact")),
  {
    action: "escalate",
    owner: "senior",
    within: 7200,
    collect: ["accountNumber", "preferredTime"],
    reason: "Upset customer, contact number {contactCount}",
    say: "I'm bringing in a senior colleague. They will contact you within 2 hours.",
  },
  supportOwners,
);

const medical = rule(
  "medical",
  c.is("topic", "medical"),
  {
    action: "stop",
    owner: "clinician",
    within: 3600,
    confirm: ["dateOfBirth"],
    say: "I can't advise on this. A clinician will call you back within the hour.",
  },
  supportOwners,
);

/** The support-desk example, with a few more rules. */
export const supportDesk: ContractModel = {
  name: "support-desk",
  version: "2026.11",
  policy: "most-severe",
  sourceHash: "5d1f0c6e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c",
  signals: supportSignals,
  fields: [
    { name: "accountNumber", type: "text" },
    { name: "preferredTime", type: "text" },
    { name: "dateOfBirth", type: "text" },
  ],
  owners: supportOwners,
  rules: [
    angryRepeat,
    medical,
    rule(
      "rule_42",
      c.and(c.in("topic", ["billing", "pricing"]), c.cmp("tier", "!=", "free")),
      { action: "route", owner: "billing", within: 86400, reason: "Billing question from a {tier} customer" },
      supportOwners,
    ),
    rule(
      "long_wait",
      c.or(c.cmp("waiting", ">", 900), c.and(c.flag("priorHandoffFailed"), c.cmp("contactCount", ">=", 3))),
      { action: "escalate", owner: "senior", within: 1800, urgency: "critical", reason: "Waited {waiting}s in {language}" },
      supportOwners,
    ),
    rule(
      "non_english",
      c.and(c.not(c.in("language", ["en", "en-GB", "en-US"])), c.not(c.cmp("sentiment", ">=", 0))),
      { action: "route", owner: "senior", reason: "Language {language}, sentiment {sentiment}" },
      supportOwners,
    ),
    rule("happy", c.cmp("sentiment", ">", 0.5), { action: "answer", reason: "Happy customer" }, supportOwners),
  ],
  otherwise: outcome("otherwise", { action: "answer" }),
  onInvalid: builtinInvalid,
  tests: [],
  monotone: [],
};

/** First-match policy, every signal type, open ranges, defaults of every type, big enums and lists. */
export const firstMatch: ContractModel = {
  name: "first-match-lab",
  version: null,
  policy: "first-match",
  sourceHash: "00".repeat(32),
  signals: [
    signal("score", t.number(null, 100)),
    signal("delta", t.number()),
    signal("count", t.int(-5, 5)),
    signal("age", t.int(null, null), 30),
    signal("ratio", t.number(0, null), 0.5),
    signal("wait", t.duration, 60),
    signal("vip", t.bool, true),
    signal("region", t.enum("eu", "us", "apac", "latam", "mea", "anz", "nordics", "dach", "benelux", "iberia"), "eu"),
    signal("code", t.text, "none"),
    signal("channel", t.enum("chat", "voice")),
  ],
  fields: [
    { name: "orderNumber", type: "text" },
    { name: "email", type: "text" },
  ],
  owners: [],
  rules: [
    rule("score_high", c.cmp("score", ">=", 99.5), { action: "answer", reason: "score {score} delta {delta}" }),
    rule("delta_neg", c.and(c.cmp("delta", "<", 0), c.cmp("delta", ">", -1e6)), {
      action: "route",
      owner: "ops",
      collect: ["orderNumber", "email"],
      reason: "{delta}{count}",
    }),
    rule("count_odd", c.in("count", [-5, -3, -1, 1, 3, 5]), { action: "escalate", owner: "lead", within: 60, confirm: ["email"] }),
    rule("region_far", c.in("region", ["apac", "latam", "mea", "anz", "nordics", "dach", "benelux", "iberia", "us"]), {
      action: "stop",
      say: "Region {region}, code {code}, vip {vip}",
      reason: "far {region}",
    }),
    rule("code_x", c.in("code", ["X", "Y", "", "none", "a b", "1", "2", "3", "4", "5"], true), {
      action: "route",
      owner: "codes",
      urgency: "critical",
      reason: "code {code} age {age} ratio {ratio} wait {wait}",
    }),
    rule("nested", c.not(c.or(c.and(c.flag("vip"), c.not(c.cmp("age", "<", 18))), c.cmp("wait", "<=", 0))), {
      action: "escalate",
      owner: "lead",
      within: 90,
    }),
    rule("voice", c.is("channel", "voice"), { action: "stop", owner: "lead", say: "Calling you back." }),
  ],
  otherwise: outcome("otherwise", { action: "route", owner: "desk", reason: "nothing matched", say: "Someone will look." }),
  onInvalid: outcome("invalid-input", { action: "escalate", owner: "lead", within: 300, reason: "bad input", confirm: ["email"] }),
  tests: [],
  monotone: [],
};

/** Most-severe with ties, no otherwise (complete by construction), an `on invalid` with no say. */
export const noOtherwise: ContractModel = {
  name: "tiny",
  version: "1",
  policy: "most-severe",
  sourceHash: "ff".repeat(32),
  signals: [signal("x", t.int(0, 3)), signal("flag", t.bool, false)],
  fields: [],
  owners: [{ key: "a", displayName: "Team A" }],
  rules: [
    rule("low", c.cmp("x", "<=", 1), { action: "route", owner: "a", reason: "low {x}" }),
    rule("high", c.cmp("x", ">", 1), { action: "route", owner: "a", reason: "high {x} {flag}" }),
    rule("flagged", c.flag("flag"), { action: "route", owner: "a", within: 1, reason: "flagged" }),
    rule("three", c.is("x", 3), { action: "escalate", owner: "a", within: 5 }),
  ],
  otherwise: null,
  onInvalid: outcome("invalid-input", { action: "route", owner: "a", say: null }),
  tests: [],
  monotone: [],
};

/** No rules at all: everything is `otherwise`. */
export const onlyOtherwise: ContractModel = {
  name: "only-otherwise",
  version: null,
  policy: "first-match",
  sourceHash: "ab".repeat(32),
  signals: [signal("any", t.text, "")],
  fields: [],
  owners: [],
  rules: [],
  otherwise: outcome("otherwise", { action: "stop", say: "We will call you about {any}.", reason: "always {any}" }),
  onInvalid: builtinInvalid,
  tests: [],
  monotone: [],
};

/** No signals and no rules (most-severe): the smallest module. */
export const empty: ContractModel = {
  name: "empty",
  version: null,
  policy: "most-severe",
  sourceHash: "cd".repeat(32),
  signals: [],
  fields: [],
  owners: [],
  rules: [],
  otherwise: outcome("otherwise", { action: "answer" }),
  onInvalid: builtinInvalid,
  tests: [],
  monotone: [],
};

/**
 * Answers that collect and confirm (in a rule and in `otherwise`), beside a handoff that does: the
 * decision's collect/confirm/doNotReAsk without a brief. Not in `models`, which the goldens mirror.
 */
export const answerFields: ContractModel = {
  name: "answer-fields",
  version: "1",
  policy: "first-match",
  sourceHash: "ef".repeat(32),
  signals: [signal("topic", t.enum("orders", "returns", "other")), signal("vip", t.bool, false)],
  fields: [
    { name: "orderNumber", type: "text" },
    { name: "email", type: "text" },
    { name: "postcode", type: "text" },
  ],
  owners: [{ key: "returns", displayName: "Returns desk" }],
  rules: [
    rule("order_status", c.is("topic", "orders"), {
      action: "answer",
      collect: ["orderNumber", "email"],
      confirm: ["postcode"],
      say: "Let me look that up.",
    }),
    rule("vip_returns", c.and(c.is("topic", "returns"), c.flag("vip")), {
      action: "route",
      owner: "returns",
      ownerName: "Returns desk",
      within: 86400,
      collect: ["orderNumber"],
    }),
  ],
  otherwise: outcome("otherwise", { action: "answer", collect: ["email"], confirm: ["email", "postcode"] }),
  onInvalid: builtinInvalid,
  tests: [],
  monotone: [],
};

export const models: Readonly<Record<string, ContractModel>> = { supportDesk, firstMatch, noOtherwise, onlyOtherwise, empty };

// ---------------------------------------------------------------------------------------------
// The runtime tests' models (not in `models`: no golden module of their own)

/**
 * The issue's support-desk example as written: `supportDesk`'s signals, owners and first two rules,
 * then `rule_27` (where `supportDesk` has `rule_42` and three more rules), no fields, and the
 * built-in `on invalid` with no say. The runtime tests assert on exactly these three rules (names,
 * reasons, the set of outcomes the generators reach), so it cannot be `supportDesk` itself.
 */
export const support: ContractModel = contract({
  name: "support-desk",
  version: "2026.11",
  signals: supportSignals,
  owners: supportOwners,
  rules: [
    angryRepeat,
    medical,
    rule(
      "rule_27",
      c.and(c.in("topic", ["billing", "pricing"]), c.ne("tier", "free")),
      { action: "route", owner: "billing", within: 86400, reason: "Paying {tier} customer asks about {topic}" },
      supportOwners,
    ),
  ],
});

/** A valid input for `support` (and `supportDesk`) that matches no rule. */
export const calm = {
  sentiment: 0.2,
  repeatContact: false,
  contactCount: 1,
  tier: "pro",
  topic: "technical",
  language: "en",
  waiting: 30,
};

/** A model of `rules` rules over a dozen signals, deterministic (for size and speed tests). */
export function syntheticModel(rules: number, policy: PolicyName = "most-severe"): ContractModel {
  const topics = ["billing", "pricing", "technical", "shipping", "returns", "account", "legal", "medical", "other"];
  const actions: readonly ActionName[] = actionNames;
  const owners = ["senior", "billing", "legal", "tech"].map((key) => ({ key, displayName: `Team ${key}` }));
  const atoms = (i: number): Cond[] => [
    c.cmp("sentiment", i % 2 ? "<" : ">=", ((i * 37) % 200) / 100 - 1),
    c.cmp("contactCount", i % 3 ? ">" : "<=", i % 10),
    c.is("topic", topics[i % topics.length]!),
    c.in("topic", [topics[i % 9]!, topics[(i * 5) % 9]!]),
    c.flag(i % 2 ? "repeatContact" : "vip"),
    c.cmp("waiting", ">", 60 * (1 + (i % 59))),
    c.not(c.is("language", ["en", "de", "fr"][i % 3]!)),
  ];
  return {
    name: `synthetic-${rules}`,
    version: "1",
    policy,
    sourceHash: "12".repeat(32),
    signals: [
      signal("sentiment", t.number(-1, 1)),
      signal("repeatContact", t.bool),
      signal("contactCount", t.int(0, null)),
      signal("topic", t.enum(...topics)),
      signal("language", t.text),
      signal("waiting", t.duration),
      signal("vip", t.bool, false),
    ],
    fields: [{ name: "accountNumber", type: "text" }],
    owners,
    rules: Array.from({ length: rules }, (_, i) => {
      const a = atoms(i);
      const action = actions[(i * 7) % 4]!;
      const condition = i % 3 === 0 ? c.and(a[i % 7]!, a[(i + 3) % 7]!) : c.or(c.and(a[i % 7]!, a[(i + 1) % 7]!), a[(i + 5) % 7]!);
      return rule(
        `r${i}`,
        condition,
        {
          action,
          owner: action === "answer" ? null : owners[i % 4]!.key,
          within: action === "escalate" || action === "stop" ? 3600 : null,
          reason: i % 2 ? `rule ${i}: {topic} after {contactCount}` : null,
          say: action === "stop" ? "A colleague will call you." : null,
          collect: i % 5 === 0 ? ["accountNumber"] : [],
        },
        owners,
      );
    }),
    otherwise: outcome("otherwise", { action: "answer" }),
    onInvalid: builtinInvalid,
    tests: [],
    monotone: [],
  };
}
