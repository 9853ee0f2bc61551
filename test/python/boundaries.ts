/**
 * Boundary inputs and contexts for the differential test, as input lines for runner.py with the value
 * the TypeScript module gets for the same line. Each signal in turn takes every edge value (range
 * ends and their neighbours, ±0, NaN, ±Infinity, 2**53, the largest doubles, literals, lookalikes,
 * empty, long and non-ASCII strings, lone surrogates, wrong types) in an otherwise valid input; then
 * missing and extra keys; and JSON texts that the two languages read differently (long integers,
 * 1e400, -0, 1.0), which both must treat as JavaScript does. Contexts cycle through edge values of
 * `now` and malformed, deep and large parts.
 */
import type { ContractModel, SignalModel } from "../../compiler/model.ts";
import { literalsOf, nextDouble } from "../support/arbitraries.ts";
import { transfer } from "./python.ts";

export interface Line {
  /** The line runner.py reads. */
  readonly text: string;
  readonly input: unknown;
  readonly context: unknown;
}

const generic: readonly unknown[] = [
  0, -0, 1, -1, 0.5, -0.5, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 2 ** 31, 2 ** 32, 4294967295,
  Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 1e21, 1e-7, 123.456,
  "", " ", "\u0000", "é", "中文", "😀", "\ud800", "\udfff", "a\ud800b", "x".repeat(1000), "1", "0", "true", "false",
  "NaN", "null", "__proto__", true, false, null, [], {}, [1], [true], { a: 1 }, [[]],
];

/** JSON texts that JSON.parse and Python's json read as different values. */
const rawNumbers: readonly string[] = [
  "1" + "0".repeat(400),
  "-" + "9".repeat(400),
  "9007199254740993",
  "-9007199254740993",
  "18446744073709551616",
  "1e400",
  "-1e400",
  "-0",
  "1.0",
  "0.0",
  "-0.0",
  "1E2",
  "2.5e-324",
  "1" + "0".repeat(21),
];

function edges(model: ContractModel, signal: SignalModel): unknown[] {
  const points: number[] = [];
  const type = signal.type;
  if (type.kind === "number") {
    if (type.min !== null) points.push(type.min);
    if (type.max !== null) points.push(type.max);
  }
  const out: unknown[] = [];
  for (const v of literalsOf(model, signal.name)) {
    out.push(v);
    if (typeof v === "number") points.push(v);
    if (typeof v === "string") out.push(v.toUpperCase(), ` ${v}`, `${v}\u0000`);
  }
  if (type.kind === "enum") for (const m of type.members) out.push(m, m.toUpperCase(), `${m} `);
  for (const p of points) out.push(p, nextDouble(p, 1), nextDouble(p, -1), p + 1, p - 1, p + 0.5, p - 0.5, -p);
  return out;
}

const NOW_EDGES: readonly unknown[] = [
  8.64e15, -8.64e15, nextDouble(8.64e15, 1), nextDouble(-8.64e15, -1), 0, -0, 1.5, -1.5, NaN, Infinity, -Infinity, 1e20,
  "2026-02-29T00:00Z", "2024-02-29T00:00Z", "2026-03-01T09:30", "2026-03-01T09:30Z", "2026-03-01T09:30:00.123456789Z",
  "2026-03-01T09:30:00.1234567890Z", "2026-03-01T09:30:00.Z", "2026-03-01t09:30z", "2026-03-01T09:30+23:59",
  "2026-03-01T09:30+24:00", "2026-03-01T09:30-00:00", "2026-03-01T24:00Z", "2026-03-01T23:59:60Z", "0000-01-01T00:00Z",
  "9999-12-31T23:59:59.999Z", "+002026-03-01T09:30Z", "2026-3-1T09:30Z", " 2026-03-01T09:30Z", "2026-03-01T09:30Z ",
  "２026-03-01T09:30Z", "", "😀", true, null, [], {}, "1760000000000",
];

/** Nested arrays `depth` deep ([[[…]]]), and a dict with `n` keys. */
const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);
const nestedRecord = (depth: number): unknown => (depth === 0 ? "leaf" : { k: nestedRecord(depth - 1) });
const wide = (n: number): Record<string, number> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, i]));

function contextEdges(model: ContractModel): unknown[] {
  const field = model.fields[0]?.name ?? "field";
  const parts: unknown[] = [
    { [field]: 1 },
    { 1: "a", 0: "b", "01": "c", 4294967295: "d", 4294967294: "e", b: 1, a: 2 },
    { __proto__x: 1, constructor: 2, "": 3, "😀": 4 },
    { [field]: NaN },
    { [field]: Infinity },
    { [field]: -0, other: [-0, 0.5, "x"] },
    { [field]: nested(14) },
    { [field]: nested(15) },
    { [field]: nested(16) },
    nestedRecord(15),
    nestedRecord(16),
    nestedRecord(17),
    [1, 2],
    "collected",
    7,
    null,
    true,
  ];
  const out: unknown[] = [undefined, null, [], "context", 0, true, {}];
  for (const now of NOW_EDGES) out.push({ now });
  for (const part of parts) {
    out.push({ collected: part }, { customer: part }, { evidence: part }, { priorActions: part });
  }
  out.push(
    { issueType: 7 },
    { issueType: "" },
    { issueType: "\ud800" },
    { evidence: [1, "a", null, { b: [] }], priorActions: [{ action: "route" }] },
    { evidence: [NaN] },
    { priorActions: [[nested(16)]] },
    { now: "2026-03-01T12:00:00Z", customer: { id: "c1", tier: "pro" }, issueType: "billing", collected: { [field]: "x" }, evidence: ["e"], priorActions: [] },
  );
  return out;
}

function line(input: unknown, context: unknown): Line {
  const i = transfer(input);
  const c = transfer(context);
  return { text: `{"i": ${i.text}, "c": ${c.text}}`, input: i.value, context: c.value };
}

/** A line whose input is `base` with `name` set to the JSON text `raw` (base and context hold no NaN or ±Infinity). */
function rawLine(base: Record<string, unknown>, name: string, raw: string, context: unknown): Line {
  const PLACE = "\u0000raw\u0000";
  const withPlace = { ...base };
  Object.defineProperty(withPlace, name, { value: PLACE, enumerable: true, writable: true, configurable: true });
  const c = transfer(context);
  const text = `{"i": ${JSON.stringify(withPlace).replace(JSON.stringify(PLACE), raw)}, "c": ${c.text}}`;
  const parsed = JSON.parse(text.replace(/^\{"i": /, "[").replace(/, "c": /, ",").replace(/\}$/, "]")) as [unknown, unknown];
  return { text, input: parsed[0], context: c.value };
}

/**
 * The boundary lines for `model`: every edge value in every signal of each `base` (valid inputs), then
 * missing, extra and lookalike keys; contexts cycle through the context edges. `large` adds context parts
 * around the size limit (10,000 values: slow to copy and print, so worth doing for a few contracts only).
 */
export function boundaryLines(model: ContractModel, bases: readonly Record<string, unknown>[], large: boolean): Line[] {
  const contexts = contextEdges(model);
  const plainContexts = contexts.filter((c) => {
    const t = transfer(c).text;
    return !/NaN|Infinity|-0\.0/.test(t.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
  });
  const out: Line[] = [];
  let n = 0;
  const nextContext = (): unknown => contexts[n++ % contexts.length];
  const nextPlainContext = (): unknown => plainContexts[n++ % plainContexts.length];
  bases.forEach((base, b) => {
    for (const signal of model.signals) {
      const values = b === 0 ? [...generic, ...edges(model, signal)] : edges(model, signal);
      for (const value of values) out.push(line({ ...base, [signal.name]: value }, nextContext()));
      if (b === 0) for (const raw of rawNumbers) out.push(rawLine(base, signal.name, raw, nextPlainContext()));
      const missing = { ...base };
      delete missing[signal.name];
      out.push(line(missing, nextContext()));
      out.push(line({ ...base, [signal.name.toUpperCase()]: base[signal.name] }, nextContext()));
    }
    const extra = { ...base, "": 1, constructor: {}, toString: "x", "😀": 2 };
    Object.defineProperty(extra, "__proto__", { value: { polluted: true }, enumerable: true });
    out.push(line(extra, nextContext()));
  });
  // Every context edge with the first valid input, and parts around the size limit (10,000 values).
  if (bases[0] !== undefined) {
    for (const context of contexts) out.push(line(bases[0], context));
    if (large) for (const n of [9_999, 10_000, 10_001]) for (const key of ["collected", "customer", "evidence"]) out.push(line(bases[0], { [key]: key === "evidence" ? Object.values(wide(n)) : wide(n) }));
  }
  out.push(line({}, undefined), line(null, null), line([], {}), line("signals", {}), line(0, {}), line(true, {}), line([bases[0]], {}));
  return out;
}
