/**
 * The finite view of the input space. v1 conditions compare one signal with literals, so two values of a
 * signal that lie between the same literals satisfy exactly the same comparisons: each signal's valid
 * values split into finitely many cells at the literals the conditions mention, and every cell is
 * represented by one valid value (`rep`).
 *
 *   number, int, duration  the mentioned points and the open intervals between them, cut to the declared
 *                          range (duration: >= 0); an int interval keeps only integers; empty cells dropped
 *   enum                   one cell per member
 *   text                   one cell per mentioned string, plus one "any other string" cell
 *   bool                   false, true
 *
 * This is equivalence-class partitioning: values that no comparison of the contract can tell apart are
 * one class, so a question over infinitely many inputs becomes one over finitely many cells.
 *
 * INVARIANT: every comparison whose literal the domain knows (`literals`) is constant on every cell, so
 * evaluating it on the cell's `rep` decides it for the whole cell. Defaults play no part: an input may
 * state any valid value of a signal that has one.
 */
import type { Cond, SignalModel, SignalValue } from "../../model.ts";
import { firstFrom, has, lastBefore, type CellSet } from "./cellset.ts";

export type Cell =
  /** Numbers between `lo` and `hi` (null: unbounded), each end open or closed; a point when lo = hi. */
  | {
      readonly kind: "range";
      readonly lo: number | null;
      readonly loClosed: boolean;
      readonly hi: number | null;
      readonly hiClosed: boolean;
      readonly rep: number;
    }
  /** One value: a bool, an enum member or a mentioned string. */
  | { readonly kind: "value"; readonly rep: string | boolean }
  /** Every string the contract does not mention. */
  | { readonly kind: "other"; readonly rep: string };

export interface SignalCells {
  readonly signal: SignalModel;
  readonly cells: readonly Cell[];
  /** Cell indices in the order examples prefer them: the default's cell, then the simplest values. */
  readonly preference: readonly number[];
  /** The literals the cells are cut at (numbers and text; enums and bools need none). */
  readonly literals: ReadonlySet<SignalValue>;
  /** The cell whose `rep` is this value (reps are distinct: cells are disjoint). */
  readonly byRep: ReadonlyMap<SignalValue, number>;
  /** The default's cell, or -1. */
  readonly home: number;
  /** Range cells: the first whose `rep` is `>= 0` (cells.length when none); -1 for other kinds. */
  readonly zero: number;
}

/** Built by `makeDomain` (or `buildDomain`, solve.ts); treat as opaque outside compiler/analysis/. */
export interface Domain {
  readonly signals: readonly SignalCells[];
  readonly index: ReadonlyMap<string, number>;
  /** Compiled formulas, per polarity (see node.ts). */
  readonly cache: { readonly pos: WeakMap<object, unknown>; readonly neg: WeakMap<object, unknown> };
}

/** Every literal each condition compares a signal with. */
export function literalsOf(conditions: Iterable<Cond>): { signal: string; value: SignalValue }[] {
  const out: { signal: string; value: SignalValue }[] = [];
  const walk = (cond: Cond): void => {
    switch (cond.kind) {
      case "cmp":
        out.push({ signal: cond.signal, value: cond.value });
        return;
      case "in":
        for (const value of cond.values) out.push({ signal: cond.signal, value });
        return;
      case "not":
        walk(cond.operand);
        return;
      case "and":
      case "or":
        for (const operand of cond.operands) walk(operand);
        return;
      default:
        return; // formula constants
    }
  };
  for (const cond of conditions) walk(cond);
  return out;
}

export function makeDomain(signals: readonly SignalModel[], literals: Iterable<{ signal: string; value: SignalValue }>): Domain {
  const bySignal = new Map<string, Set<SignalValue>>();
  for (const signal of signals) bySignal.set(signal.name, new Set());
  for (const { signal, value } of literals) bySignal.get(signal)?.add(value);
  const cells = signals.map((signal) => signalCells(signal, bySignal.get(signal.name)!));
  return {
    signals: cells,
    index: new Map(signals.map((s, i) => [s.name, i])),
    cache: { pos: new WeakMap(), neg: new WeakMap() },
  };
}

function signalCells(signal: SignalModel, mentioned: Set<SignalValue>): SignalCells {
  const type = signal.type;
  let cells: Cell[];
  const literals = new Set<SignalValue>();
  switch (type.kind) {
    case "bool":
      cells = [
        { kind: "value", rep: false },
        { kind: "value", rep: true },
      ];
      break;
    case "enum":
      cells = type.members.map((m) => ({ kind: "value", rep: m }));
      break;
    case "text": {
      const strings = [...mentioned].filter((v): v is string => typeof v === "string").sort();
      for (const s of strings) literals.add(s);
      cells = strings.map((s) => ({ kind: "value", rep: s }));
      cells.push({ kind: "other", rep: freshString(literals) });
      break;
    }
    case "number":
    case "duration": {
      const min = type.kind === "number" ? type.min : 0;
      const max = type.kind === "number" ? type.max : null;
      const integer = type.kind === "number" && type.integer;
      const points = [...mentioned].filter((v): v is number => typeof v === "number" && Number.isFinite(v));
      for (const p of points) literals.add(p);
      cells = numericCells(min, max, integer, points);
      break;
    }
  }
  const byRep = new Map<SignalValue, number>(cells.map((c, i) => [c.rep, i]));
  const home = signal.defaultValue === undefined ? -1 : cellOf(cells, signal.defaultValue);
  const ranged = cells[0]?.kind === "range";
  const zero = ranged ? firstIndex(cells, (c) => c.rep as number >= 0) : -1;
  return { signal, cells, preference: preference(signal, cells), literals, byRep, home, zero };
}

/** The first index at which `ok` holds, for an `ok` false on a prefix and true after it (cells.length when never). */
export function firstIndex(cells: readonly Cell[], ok: (cell: Cell) => boolean): number {
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ok(cells[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A string none of `taken` equals. */
function freshString(taken: ReadonlySet<SignalValue>): string {
  if (!taken.has("other")) return "other";
  for (let n = 2; ; n++) if (!taken.has(`other${n}`)) return `other${n}`;
}

function numericCells(min: number | null, max: number | null, integer: boolean, literals: number[]): Cell[] {
  const inRange = (p: number) => (min === null || p >= min) && (max === null || p <= max) && (!integer || Number.isInteger(p));
  const set = new Set<number>(literals.filter(inRange).map((p) => p + 0)); // -0 → 0
  if (min !== null) set.add(min + 0);
  if (max !== null) set.add(max + 0);
  const points = [...set].sort((a, b) => a - b);
  const cells: Cell[] = [];
  const open = (lo: number | null, hi: number | null): void => {
    const rep = between(lo, hi, integer);
    if (rep !== null) cells.push({ kind: "range", lo, loClosed: false, hi, hiClosed: false, rep });
  };
  if (min === null) open(null, points[0] ?? null);
  points.forEach((p, k) => {
    cells.push({ kind: "range", lo: p, loClosed: true, hi: p, hiClosed: true, rep: p });
    if (k + 1 < points.length) open(p, points[k + 1]!);
  });
  if (max === null && points.length > 0) open(points[points.length - 1]!, null);
  return cells;
}

/** A simple value strictly between `lo` and `hi` (null: unbounded), an integer if `integer`; null if none. */
export function between(lo: number | null, hi: number | null, integer: boolean): number | null {
  const ok = (x: number) => Number.isFinite(x) && (lo === null || x > lo) && (hi === null || x < hi) && (!integer || Number.isInteger(x));
  const candidates: number[] = [0];
  if (lo !== null) candidates.push(Math.floor(lo) + 1, lo + 1);
  if (hi !== null) candidates.push(Math.ceil(hi) - 1, hi - 1);
  if (lo !== null && hi !== null) {
    const mid = lo / 2 + hi / 2;
    for (let digits = 1; digits <= 12; digits++) candidates.push(Number(mid.toFixed(digits)));
    candidates.push(mid);
  }
  if (lo !== null) candidates.push(nextDouble(lo, 1));
  if (hi !== null) candidates.push(nextDouble(hi, -1));
  // Prefer the shortest to write (whole numbers first), then the one closest to zero, so examples read naturally.
  const cost = (x: number) => (Number.isInteger(x) ? 0 : String(x).length);
  const valid = candidates.filter(ok).sort((a, b) => cost(a) - cost(b) || Math.abs(a) - Math.abs(b) || a - b);
  return valid.length > 0 ? valid[0]! + 0 : null;
}

/** The next double above (dir 1) or below (dir -1) a finite `x`. */
function nextDouble(x: number, dir: 1 | -1): number {
  if (x === 0) return dir * Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, x > 0 === dir > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

function preference(signal: SignalModel, cells: readonly Cell[]): number[] {
  const order = cells.map((_, i) => i);
  const simplicity = (c: Cell): number => (c.kind === "range" ? Math.abs(c.rep) : 0);
  order.sort((a, b) => simplicity(cells[a]!) - simplicity(cells[b]!) || a - b);
  const home = signal.defaultValue === undefined ? -1 : cellOf(cells, signal.defaultValue);
  return home < 0 ? order : [home, ...order.filter((i) => i !== home)];
}

/**
 * The most preferred cell of `set` (the first of `preference` in it), found without walking the order:
 * the default's cell; else, for ranges (ascending, so `|rep|` falls up to `zero` and rises from it), the
 * nearer to zero of the last member below `zero` and the first from it, the lower on a tie; else the
 * first member. -1 when `set` is empty.
 */
export function preferredCell(sc: SignalCells, set: CellSet): number {
  if (sc.home >= 0 && has(set, sc.home)) return sc.home;
  if (sc.zero < 0) return firstFrom(set, 0);
  const left = lastBefore(set, sc.zero);
  const right = firstFrom(set, sc.zero);
  if (left < 0 || right < 0) return left < 0 ? right : left;
  return Math.abs(sc.cells[right]!.rep as number) < Math.abs(sc.cells[left]!.rep as number) ? right : left;
}

/** The index of the cell holding `value`, or -1 when it is no valid value of the signal. */
export function cellOf(cells: readonly Cell[], value: SignalValue): number {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c.kind === "range") {
      if (typeof value !== "number") return -1;
      const aboveLo = c.lo === null || value > c.lo || (c.loClosed && value === c.lo);
      const belowHi = c.hi === null || value < c.hi || (c.hiClosed && value === c.hi);
      if (aboveLo && belowHi) return i;
    } else if (c.kind === "value" && c.rep === value) return i;
  }
  for (let i = 0; i < cells.length; i++) if (cells[i]!.kind === "other" && typeof value === "string") return i;
  return -1;
}
