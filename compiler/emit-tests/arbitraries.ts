/**
 * What the emitted tests draw for one signal: its valid values (from its type, range and members,
 * biased towards the literals the rules mention) and a list of values that `decide` must reject, as
 * data (`validDraw`, `invalidSignalValues`, shared with the Python emitter) and as fast-check code
 * built only from `literals.ts` helpers (`validArbitrary`, `invalidValues`).
 *
 * INVARIANT: every value a draw yields is valid for the signal (the runtime's `describeProblem`
 * accepts it), and every listed invalid value is rejected, whatever the signal's default.
 */
import { literal, num, str } from "../codegen/literals.ts";
import type { SignalModel, SignalValue } from "../model.ts";
import { sortedNumbers } from "./mentioned.ts";

/** Past the mentioned literals, an unbounded side of a range extends by at least this much. */
const MIN_PAD = 10;
/** fc.nat's largest bound. */
const MAX_NAT = 0x7fffffff;

/**
 * How to draw a valid value of one signal, as data (the TypeScript and Python emitters render it):
 * a range or kind of value, and `constants` drawn as often as the range itself.
 */
export type Draw =
  | { readonly kind: "bool" }
  | { readonly kind: "choice"; readonly values: readonly string[] }
  | { readonly kind: "string"; readonly constants: readonly string[] }
  | { readonly kind: "nat"; readonly max: number; readonly constants: readonly number[] }
  | { readonly kind: "integer"; readonly min: number; readonly max: number; readonly constants: readonly number[] }
  | { readonly kind: "double"; readonly min: number; readonly max: number; readonly constants: readonly number[] };

/** How to draw the valid values of `signal`, biased towards the literals the rules mention. */
export function validDraw(signal: SignalModel, mentioned: readonly SignalValue[]): Draw {
  const type = signal.type;
  switch (type.kind) {
    case "bool":
      return { kind: "bool" };
    case "enum":
      return { kind: "choice", values: type.members };
    case "text":
      return { kind: "string", constants: mentioned.filter((v): v is string => typeof v === "string") };
    case "duration": {
      const points = sortedNumbers(mentioned).filter((v) => v >= 0);
      const hi = Math.min(MAX_NAT, Math.ceil(Math.max(0, ...points) * 2 + 60));
      // A fractional literal (`1.5s`) is a constant itself; its neighbours are left to the range.
      return { kind: "nat", max: hi, constants: sortedNumbers([...neighbours(points, 1, 0, Infinity), ...points]) };
    }
    case "number": {
      const { lo, hi } = bounds(type.min, type.max, sortedNumbers(mentioned), type.integer);
      if (type.integer) return { kind: "integer", min: lo, max: hi, constants: neighbours(sortedNumbers(mentioned), 1, lo, hi) };
      return { kind: "double", min: lo, max: hi, constants: sortedNumbers([...mentioned, lo, hi]).filter((v) => v >= lo && v <= hi) };
    }
  }
}

/** A fast-check arbitrary expression of the valid values of `signal`. */
export function validArbitrary(signal: SignalModel, mentioned: readonly SignalValue[]): string {
  const draw = validDraw(signal, mentioned);
  switch (draw.kind) {
    case "bool":
      return "fc.boolean()";
    case "choice":
      return `fc.constantFrom(${draw.values.map(str).join(", ")})`;
    case "string":
      return draw.constants.length === 0 ? "fc.string()" : `fc.oneof(fc.constantFrom(${draw.constants.map(str).join(", ")}), fc.string())`;
    case "nat":
      return withConstants(`fc.nat({ max: ${num(draw.max)} })`, draw.constants);
    case "integer":
      return withConstants(`fc.integer({ min: ${num(draw.min)}, max: ${num(draw.max)} })`, draw.constants);
    case "double":
      return withConstants(`fc.double({ min: ${num(draw.min)}, max: ${num(draw.max)}, noNaN: true, noDefaultInfinity: true })`, draw.constants);
  }
}

/** A value `decide` must reject; `NaN` and the infinities are numbers here. */
export type InvalidValue = SignalValue | null;

/** Values that `decide` must reject for `signal` (removal of a required signal aside). */
export function invalidSignalValues(signal: SignalModel): InvalidValue[] {
  const type = signal.type;
  switch (type.kind) {
    case "bool":
      return ["true", 1, null];
    case "text":
      return [0, null, true];
    case "enum":
      return [nonMember(type.members), 0, null];
    case "duration":
      return [-1, NaN, Infinity, "1h"];
    case "number": {
      const values: InvalidValue[] = ["0", NaN, Infinity, -Infinity, true];
      if (type.min !== null && type.min - 1 < type.min) values.push(type.min - 1);
      if (type.max !== null && type.max + 1 > type.max) values.push(type.max + 1);
      if (type.integer) {
        const fraction = (type.min ?? type.max ?? 0) + 0.5;
        if (!Number.isInteger(fraction) && Number.isFinite(fraction)) values.push(fraction);
      }
      return values;
    }
  }
}

/** Code for values that `decide` must reject for `signal` (removal of a required signal aside). */
export function invalidValues(signal: SignalModel): string[] {
  return invalidSignalValues(signal).map((v) => (v === null ? "null" : literal(v)));
}

/** A string that is not one of `members`. */
function nonMember(members: readonly string[]): string {
  let candidate = "not-a-member";
  while (members.includes(candidate)) candidate += "_";
  return candidate;
}

/**
 * Finite sampling bounds: the declared ones, and for an open side the most extreme mentioned literal
 * (or 0) plus a margin at least as wide as the spread of the literals. Integers stay safe integers.
 */
function bounds(min: number | null, max: number | null, points: readonly number[], integer: boolean): { lo: number; hi: number } {
  const anchors = [...points, ...(min === null ? [] : [min]), ...(max === null ? [] : [max])];
  if (anchors.length === 0 || (min === null && max === null)) anchors.push(0);
  const low = Math.min(...anchors);
  const high = Math.max(...anchors);
  const pad = Math.max(MIN_PAD, high - low);
  let lo = min ?? low - pad;
  let hi = max ?? high + pad;
  const limit = integer ? Number.MAX_SAFE_INTEGER : Number.MAX_VALUE;
  lo = Math.max(-limit, integer ? Math.ceil(lo) : lo);
  hi = Math.min(limit, integer ? Math.floor(hi) : hi);
  return { lo, hi };
}

/** Each point and its neighbours at ±step, kept inside [lo, hi] (integers only when step is 1). */
function neighbours(points: readonly number[], step: number, lo: number, hi: number): number[] {
  return sortedNumbers(points.flatMap((p) => [p - step, p, p + step])).filter((v) => v >= lo && v <= hi && Number.isInteger(v));
}

/** `arbitrary`, or a mix of it and `fc.constantFrom(constants)` when there are constants. */
function withConstants(arbitrary: string, constants: readonly number[]): string {
  return constants.length === 0 ? arbitrary : `fc.oneof(${arbitrary}, fc.constantFrom(${constants.map(literal).join(", ")}))`;
}
