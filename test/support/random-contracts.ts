/**
 * fast-check arbitraries for random contracts written as source text, valid by construction (the only
 * error `check` may report is `incomplete`): 1–4 signals of every type with ranges and defaults,
 * comparisons with literals inside the ranges, nested and/or/not, both policies, with or without
 * `otherwise`. And a sampler of valid inputs biased toward the literals and their neighbours.
 */
import fc from "fast-check";
import type { ContractModel, SignalValue } from "../../compiler/model.ts";

interface SignalSpec {
  readonly name: string;
  readonly decl: string;
  /** Literals as written in source, each with a comparison operator set. */
  readonly atoms: fc.Arbitrary<string>;
}

const numberGrid = [-10, -1, -0.5, -0.3, 0, 0.25, 0.3, 0.5, 1, 2, 3, 7, 10];
const intGrid = [-5, -1, 0, 1, 2, 3, 4, 5, 9, 10];
const durations = ["0s", "30s", "1m", "30m", "1h", "1h30m", "2d"];
const members = ["a", "b", "c", "d"];
const texts = ['"en"', '"de"', '""', '"x y"'];
const cmpOps = ["<", "<=", ">", ">=", "==", "!=", "is", "is not"];

function numeric(name: string, integer: boolean): fc.Arbitrary<SignalSpec> {
  const grid = integer ? intGrid : numberGrid;
  return fc
    .tuple(fc.option(fc.constantFrom(...grid), { freq: 2 }), fc.option(fc.constantFrom(...grid), { freq: 2 }), fc.boolean())
    .map(([a, b, withDefault]) => {
      const min = a !== null && b !== null ? Math.min(a, b) : a;
      const max = a !== null && b !== null ? Math.max(a, b) : b;
      const inside = grid.filter((v) => (min === null || v >= min) && (max === null || v <= max));
      const range = min === null && max === null ? "" : ` in ${min ?? ""}..${max ?? ""}`;
      const def = withDefault && inside.length > 0 ? ` = ${inside[0]}` : "";
      const literals = inside.length > 0 ? inside : [min ?? max ?? 0];
      return {
        name,
        decl: `${name}: ${integer ? "int" : "number"}${range}${def}`,
        atoms: fc.tuple(fc.constantFrom(...cmpOps), fc.constantFrom(...literals)).map(([op, v]) => `${name} ${op} ${v}`),
      };
    });
}

const signalKinds = (name: string): fc.Arbitrary<SignalSpec> =>
  fc.oneof(
    numeric(name, false),
    numeric(name, true),
    fc.boolean().map((withDefault) => ({
      name,
      decl: `${name}: duration${withDefault ? " = 1m" : ""}`,
      atoms: fc.tuple(fc.constantFrom(...cmpOps), fc.constantFrom(...durations)).map(([op, v]) => `${name} ${op} ${v}`),
    })),
    fc.tuple(fc.integer({ min: 2, max: 4 }), fc.boolean()).map(([n, withDefault]) => {
      const ms = members.slice(0, n);
      return {
        name,
        decl: `${name}: ${ms.join(" | ")}${withDefault ? ` = ${ms[n - 1]}` : ""}`,
        atoms: fc.oneof(
          fc.tuple(fc.constantFrom("is", "is not", "==", "!="), fc.constantFrom(...ms)).map(([op, v]) => `${name} ${op} ${v}`),
          fc.tuple(fc.boolean(), fc.subarray(ms, { minLength: 1 })).map(([neg, vs]) => `${name} ${neg ? "not in" : "in"} [${vs.join(", ")}]`),
        ),
      };
    }),
    fc.boolean().map((withDefault) => ({
      name,
      decl: `${name}: text${withDefault ? ' = "en"' : ""}`,
      atoms: fc.oneof(
        fc.tuple(fc.constantFrom("is", "is not"), fc.constantFrom(...texts)).map(([op, v]) => `${name} ${op} ${v}`),
        fc.tuple(fc.boolean(), fc.subarray(texts, { minLength: 1 })).map(([neg, vs]) => `${name} ${neg ? "not in" : "in"} [${vs.join(", ")}]`),
      ),
    })),
    fc.boolean().map((withDefault) => ({
      name,
      decl: `${name}: bool${withDefault ? " = false" : ""}`,
      atoms: fc.constantFrom(name, `not ${name}`, `${name} is false`, `${name} == true`),
    })),
  );

function condition(atoms: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const { tree } = fc.letrec<{ tree: string }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { arbitrary: atoms, weight: 3 },
      { arbitrary: fc.tuple(tie("tree"), tie("tree")).map(([a, b]) => `(${a} and ${b})`), weight: 1 },
      { arbitrary: fc.tuple(tie("tree"), tie("tree")).map(([a, b]) => `(${a} or ${b})`), weight: 1 },
      { arbitrary: tie("tree").map((a) => `not (${a})`), weight: 1 },
    ),
  }));
  return tree;
}

const actions = fc.constantFrom(
  "answer",
  "route to a within 1h",
  "route to b within 1h",
  "escalate to a within 1h",
  "escalate to b within 2h",
  'stop to a within 1h say "bye"',
  'stop to b within 1h say "bye"',
);

export interface RandomContract {
  readonly source: string;
}

export const randomContract: fc.Arbitrary<string> = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => signalKinds(`s${i}`))))
  .chain((specs) => {
    const atoms = fc.oneof(...specs.map((s) => s.atoms));
    return fc.tuple(
      fc.constant(specs),
      fc.array(fc.tuple(condition(atoms), actions), { minLength: 1, maxLength: 6 }),
      fc.constantFrom("most-severe", "first-match"),
      fc.option(actions.filter((a) => !a.startsWith("stop")), { freq: 2 }),
    );
  })
  .map(([specs, rules, policy, otherwise]) =>
    [
      `policy ${policy}`,
      `signals {`,
      ...specs.map((s) => `  ${s.decl}`),
      `}`,
      `owners { a: "A" b: "B" }`,
      ...rules.map(([cond, action], i) => `rule r${i} when ${cond} then ${action}`),
      ...(otherwise === null ? [] : [`otherwise ${otherwise}`]),
      "",
    ].join("\n"),
  );

/** Valid values worth trying for each signal: literals, their neighbours, range ends, simple values. */
function candidates(model: ContractModel): Map<string, SignalValue[]> {
  const literals = new Map<string, SignalValue[]>(model.signals.map((s) => [s.name, []]));
  const walk = (c: ContractModel["rules"][number]["condition"]): void => {
    if (c.kind === "cmp") literals.get(c.signal)?.push(c.value); // a calendar's state (`@NAME`) is no input signal
    else if (c.kind === "in") literals.get(c.signal)?.push(...c.values);
    else if (c.kind === "not") walk(c.operand);
    else c.operands.forEach(walk);
  };
  model.rules.forEach((r) => walk(r.condition));
  const out = new Map<string, SignalValue[]>();
  for (const s of model.signals) {
    const t = s.type;
    const lits = literals.get(s.name)!;
    let values: SignalValue[];
    if (t.kind === "bool") values = [false, true];
    else if (t.kind === "enum") values = [...t.members];
    else if (t.kind === "text") values = [...lits, "zz", "", "en"];
    else {
      const base = [0, 1, -1, ...lits.map(Number)];
      if (t.kind === "number" && t.min !== null) base.push(t.min);
      if (t.kind === "number" && t.max !== null) base.push(t.max);
      const around = base.flatMap((v) => [v, v - 1, v + 1, v - 0.5, v + 0.5, v - 0.001, v + 0.001, v + 1000, v - 1000]);
      values = around.filter((v) => {
        if (!Number.isFinite(v)) return false;
        if (t.kind === "duration") return v >= 0;
        return (t.min === null || v >= t.min) && (t.max === null || v <= t.max) && (!t.integer || Number.isInteger(v));
      });
    }
    if (s.defaultValue !== undefined) values.push(s.defaultValue);
    out.set(s.name, [...new Set(values)]);
  }
  return out;
}

/** `count` valid inputs for `model`, drawn with a seeded generator from the candidate values. */
export function sampleInputs(model: ContractModel, seed: number, count: number): Record<string, SignalValue>[] {
  const cands = candidates(model);
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => {
    const input: Record<string, SignalValue> = {};
    for (const s of model.signals) {
      const values = cands.get(s.name)!;
      input[s.name] = values[Math.floor(next() * values.length)]!;
    }
    return input;
  });
}

/** Calendars for random contracts: DST in both hemispheres, a 30-minute shift, 24:00, closed and dated days. */
const calendarPool = [
  'office: "Europe/Berlin" mon-fri 09:00-12:00, 13:00-17:30, sat 10:00-14:00 closed ["2026-03-30", "2026-12-24", "2026-12-25", "2027-01-01"] open "2026-12-31" 09:00-12:00',
  'nyc: "America/New_York" mon-sun 00:00-24:00 closed ["2026-11-26"]',
  'howe: "Australia/Lord_Howe" mon-fri 01:30-02:30, sun 00:00-24:00 open "2026-10-04" 02:00-03:00',
  'night: "Asia/Kolkata" mon-thu 22:00-24:00, tue-fri 00:00-06:00',
] as const;

/**
 * Random contracts with a `calendars` block: owners `a` and `b` each staffed by a calendar of the pool
 * (or `b` always staffed), and some deadlines of the staffed owners turned into business time.
 */
export const randomCalendarContract: fc.Arbitrary<string> = fc
  .tuple(
    randomContract,
    fc.integer({ min: 0, max: calendarPool.length - 1 }),
    fc.integer({ min: -1, max: calendarPool.length - 1 }),
    fc.infiniteStream(fc.constantFrom("", "90 business minutes", "2 business hours", "1 business hour", "30 business minutes")),
    fc.option(fc.constantFrom("stop to a within 45 business minutes", "escalate to b within 1 business hour", "route to a within 1h")),
    fc.infiniteStream(fc.constantFrom("", "", "and owner a is open", "and owner a is closed", "or owner b is open", "and calendar X is closed", "and not (owner b is closed)")),
  )
  .map(([source, a, b, business, onInvalid, staffing]) => {
    const name = (i: number): string => calendarPool[i]!.slice(0, calendarPool[i]!.indexOf(":"));
    const used = [...new Set([a, ...(b >= 0 ? [b] : [])])];
    const owners = `owners { a: "A" hours ${name(a)} b: "B"${b >= 0 ? ` hours ${name(b)}` : ""} }`;
    // Some conditions also ask whether a staffed owner or a calendar is open (never `b` when it has no hours).
    const staffed = (line: string): string => {
      const m = /^(rule r\d+ when )(.*)( then .*)$/.exec(line);
      const extra = (staffing.next().value as string).replace("calendar X", `calendar ${name(a)}`);
      if (!m || extra === "" || (extra.includes("owner b") && b < 0)) return line;
      return `${m[1]}(${m[2]}) ${extra}${m[3]}`;
    };
    const lines = source.split("\n").map((line) => {
      const m = /^(rule r\d+ when .* then (?:route|escalate|stop) to ([ab])) within (\dh)(.*)$/.exec(line);
      if (!m || (m[2] === "b" && b < 0)) return staffed(line);
      const next = business.next().value as string;
      return staffed(next === "" ? line : `${m[1]} within ${next}${m[4]}`);
    });
    const invalid = onInvalid === null || (onInvalid.includes("to b") && b < 0) ? [] : [`on invalid ${onInvalid}`];
    return [
      `calendars {`,
      ...used.map((i) => `  ${calendarPool[i]}`),
      `}`,
      ...lines.map((line) => (line.startsWith("owners {") ? owners : line)),
      ...invalid,
      "",
    ].join("\n");
  });
