/**
 * fast-check arbitraries for a model's inputs and contexts: valid values, boundaries (range ends, the
 * literals the contract mentions and their neighbours, every enum member), invalid values (wrong
 * types, NaN, ±Infinity, lookalike strings, anything), missing and extra keys, own `__proto__` and
 * `constructor` keys, non-plain inputs.
 */
import fc from "fast-check";
import { changesOf } from "../calendar/arbitraries.ts";
import type { Cond, ContractModel, SignalModel, SignalValue } from "../../compiler/model.ts";

const ABSENT = Symbol("absent");

/** The next double above (dir 1) or below (dir -1) `x`. */
export function nextDouble(x: number, dir: 1 | -1): number {
  if (Number.isNaN(x) || x === dir * Infinity) return x;
  if (x === 0) return dir * Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigInt64(0);
  buf.setBigInt64(0, x > 0 === dir > 0 ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}

/** Every literal the contract compares `signal` with. */
export function literalsOf(model: ContractModel, signal: string): SignalValue[] {
  const out: SignalValue[] = [];
  const walk = (cond: Cond): void => {
    if (cond.kind === "cmp" && cond.signal === signal) out.push(cond.value);
    else if (cond.kind === "in" && cond.signal === signal) out.push(...cond.values);
    else if (cond.kind === "not") walk(cond.operand);
    else if (cond.kind === "and" || cond.kind === "or") cond.operands.forEach(walk);
  };
  model.rules.forEach((rule) => walk(rule.condition));
  return out;
}

const lookalikes = ["", " ", "constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "prototype"];

const smallAnything = fc.anything({ maxDepth: 2, maxKeys: 3 });
const smallJson = fc.jsonValue({ maxDepth: 2 });

const wrongType = fc.oneof(
  {
    arbitrary: fc.constantFrom<unknown>(null, NaN, Infinity, -Infinity, "1", "true", 0n, [], {}, [1], () => 1, Symbol("s"), new Date(0)),
    weight: 3,
  },
  { arbitrary: smallAnything, weight: 1 },
);

function numberCandidates(model: ContractModel, signal: SignalModel): number[] {
  const points: number[] = [0, -0, 1, -1];
  const type = signal.type;
  if (type.kind === "number") {
    if (type.min !== null) points.push(type.min);
    if (type.max !== null) points.push(type.max);
  }
  for (const v of literalsOf(model, signal.name)) if (typeof v === "number") points.push(v);
  if (signal.defaultValue !== undefined && typeof signal.defaultValue === "number") points.push(signal.defaultValue);
  const out = new Set<number>();
  for (const p of points) {
    for (const q of [p, nextDouble(p, 1), nextDouble(p, -1), p + 1, p - 1, p + 0.5, p - 0.5, p + 1e-9, p - 1e-9]) out.add(q);
  }
  return [...out];
}

/** Whether `value` is a valid value of `signal` (a test oracle independent of the prelude). */
function isValid(signal: SignalModel, value: unknown): boolean {
  const type = signal.type;
  switch (type.kind) {
    case "bool":
      return typeof value === "boolean";
    case "text":
      return typeof value === "string";
    case "enum":
      return typeof value === "string" && type.members.includes(value);
    case "duration":
      return typeof value === "number" && Number.isFinite(value) && value >= 0;
    case "number":
      return (
        typeof value === "number" &&
        Number.isFinite(value) &&
        (type.min === null || value >= type.min) &&
        (type.max === null || value <= type.max) &&
        (!type.integer || Number.isInteger(value))
      );
  }
}

/** Valid values of one signal: the literals the contract mentions and boundaries, and random ones. */
export function validValue(model: ContractModel, signal: SignalModel): fc.Arbitrary<SignalValue> {
  const type = signal.type;
  const literals = literalsOf(model, signal.name);
  switch (type.kind) {
    case "bool":
      return fc.boolean();
    case "text":
      return literals.length > 0
        ? fc.oneof(
            { arbitrary: fc.constantFrom(...(literals as string[])), weight: 3 },
            { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
          )
        : fc.string({ maxLength: 8 });
    case "enum":
      return fc.constantFrom(...type.members);
    case "duration":
    case "number": {
      const min = type.kind === "number" && type.min !== null ? type.min : type.kind === "duration" ? 0 : -1e6;
      const max = type.kind === "number" && type.max !== null ? type.max : 1e6;
      const integer = type.kind === "number" && type.integer;
      const inRange = integer
        ? fc.integer({ min: Math.max(Math.ceil(min), -1e6), max: Math.min(Math.floor(max), 1e6) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      const boundaries = numberCandidates(model, signal).filter((n) => isValid(signal, n));
      return boundaries.length > 0
        ? fc.oneof({ arbitrary: inRange, weight: 1 }, { arbitrary: fc.constantFrom(...boundaries), weight: 2 })
        : inRange;
    }
  }
}

/** Invalid (or lookalike) values of one signal: out of range, wrong type, NaN, ±Infinity, anything. */
export function invalidValue(model: ContractModel, signal: SignalModel): fc.Arbitrary<unknown> {
  const type = signal.type;
  const literals = literalsOf(model, signal.name).map(String);
  switch (type.kind) {
    case "bool":
      return fc.oneof(fc.constantFrom<unknown>(0, 1, "true", "false"), wrongType);
    case "text":
      return wrongType;
    case "enum":
      return fc.oneof(
        fc.constantFrom(...lookalikes, ...type.members.map((m) => m.toUpperCase()), ...type.members.map((m) => `${m} `)),
        fc.string({ maxLength: 4 }),
        wrongType,
      );
    case "duration":
    case "number": {
      const outside = numberCandidates(model, signal).filter((n) => !isValid(signal, n));
      return fc.oneof(
        fc.constantFrom<unknown>(NaN, Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, 0.5, ...outside, ...literals),
        fc.double(),
        wrongType,
      );
    }
  }
}

/** Defines an own enumerable property without running setters (so `__proto__` stays a plain key). */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Inputs for `model`: mostly plain objects whose signals are all valid (so every rule gets to match),
 * often with one or more invalid or missing signals, extra and special keys; sometimes not a plain object.
 */
export function inputFor(model: ContractModel): fc.Arbitrary<unknown> {
  const perSignal = model.signals.map((signal) =>
    fc.oneof(
      { arbitrary: validValue(model, signal), weight: 40 },
      { arbitrary: fc.constant(ABSENT), weight: signal.defaultValue === undefined ? 1 : 20 },
      { arbitrary: invalidValue(model, signal), weight: 2 },
    ),
  );
  const valid = fc.tuple(
    ...model.signals.map((signal) =>
      signal.defaultValue === undefined ? validValue(model, signal) : fc.oneof(validValue(model, signal), fc.constant(ABSENT)),
    ),
  );
  const extras = fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...lookalikes)), smallAnything, { maxKeys: 3 });
  const objectInput = fc
    .tuple(
      fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: fc.tuple(...perSignal), weight: 2 }),
      fc.option(extras, { freq: 4 }),
      fc.nat(9),
    )
    .map(([values, extra, shape]) => {
      const out: object = shape === 0 ? Object.create(null) : {};
      values.forEach((value, i) => {
        if (value !== ABSENT) defineOwn(out, model.signals[i]!.name, value);
      });
      if (extra !== null) for (const key of Object.keys(extra)) if (!Object.hasOwn(out, key)) defineOwn(out, key, extra[key]);
      return out;
    });
  const notPlain = fc.oneof(
    fc.constantFrom<unknown>(null, undefined, [], "signals", 42, true, new Date(0), new Map(), new (class Signals {})()),
    fc.anything(),
  );
  return fc.oneof({ arbitrary: objectInput, weight: 30 }, { arbitrary: notPlain, weight: 1 });
}

/** Contexts: often absent, usually a record with some parts (some malformed), sometimes anything. */
export function contextFor(model: ContractModel): fc.Arbitrary<unknown> {
  const fieldKey = fc.oneof(fc.constantFrom(...model.fields.map((f) => f.name), "__proto__", "constructor", "other"), fc.string());
  const record = fc.record(
    {
      now: fc.oneof(
        fc.constantFrom<unknown>("2026-03-01T12:00:00Z", "2026-03-01T12:00:00.5+02:00", 1_760_000_000_000, 0, -1, "yesterday", NaN, 1e20),
        smallAnything,
      ),
      customer: fc.oneof(smallJson, smallAnything),
      issueType: fc.oneof(fc.string(), smallAnything),
      collected: fc.oneof(
        { arbitrary: fc.dictionary(fieldKey, smallJson, { maxKeys: 4 }), weight: 4 },
        { arbitrary: smallAnything, weight: 1 },
      ),
      evidence: fc.oneof(fc.array(smallJson, { maxLength: 3 }), smallAnything),
      priorActions: fc.oneof(fc.array(smallJson, { maxLength: 3 }), smallAnything),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 2 },
    { arbitrary: record, weight: 6 },
    { arbitrary: fc.anything(), weight: 1 },
  );
}

/** 2020-01-01 and 2036-01-01 UTC, in epoch milliseconds. */
const CAL_FROM = Date.UTC(2020, 0, 1);
const CAL_TO = Date.UTC(2036, 0, 1);

/** The DST changes of the random calendars' zones (test/support/random-contracts.ts) in 2024–2030, found with Intl. */
const dstChanges = (): number[] => ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe"].flatMap(changesOf);

/**
 * `now` for contracts with calendars: any instant 2020–2035; instants at, or a millisecond or a minute
 * either side of, a whole or half hour (where every opening, closing, local midnight and DST change of the
 * pool's zones falls); and instants at, near and within a day of each DST change of the pool's zones
 * 2024–2030; as ISO strings with or without an offset, or epoch milliseconds.
 */
export const calendarNow: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .tuple(
      fc.constant(null).chain(() => fc.constantFrom(...dstChanges())),
      fc.oneof(fc.constantFrom(0, 1, -1, 60_000, -60_000, 1_800_000, -1_800_000, 3_600_000, -3_600_000), fc.integer({ min: -86_400_000, max: 86_400_000 })),
    )
    .map(([change, delta]) => change + delta),
  fc.integer({ min: CAL_FROM, max: CAL_TO }),
  fc
    .tuple(fc.integer({ min: CAL_FROM / 1_800_000, max: CAL_TO / 1_800_000 }), fc.constantFrom(0, 0, 0, 1, -1, 60_000, -60_000))
    .chain(([k, delta]) => {
      const ms = k * 1_800_000 + delta;
      return fc.constantFrom<unknown>(ms, new Date(ms).toISOString(), new Date(ms + 3_600_000).toISOString().replace("Z", "+01:00"));
    }),
);

/** `contextFor`, with `now` from `calendarNow` most of the time (the model has calendars). */
export function calendarContextFor(model: ContractModel): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: calendarNow.map((now) => ({ now })), weight: 6 },
    { arbitrary: fc.tuple(calendarNow, fc.dictionary(fc.constantFrom(...model.fields.map((f) => f.name), "x"), fc.string(), { maxKeys: 2 })).map(([now, collected]) => ({ now, collected })), weight: 1 },
    { arbitrary: contextFor(model), weight: 1 },
  );
}
