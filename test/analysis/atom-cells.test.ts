// The solver's shortcuts agree with their definitions: the cells a comparison holds on, found by lookup
// and binary search, are those a scan over every cell finds; the preferred cell of a set, found from its
// ends, is the first of the preference order in it; the word-wise set helpers agree with bit-by-bit ones.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellsWhere, cellsWhereByScan } from "../../compiler/analysis/solver/atom-cells.ts";
import { add, addRange, emptySet, firstFrom, has, lastBefore, members } from "../../compiler/analysis/solver/cellset.ts";
import { makeDomain, preferredCell } from "../../compiler/analysis/solver/domain.ts";
import type { Cond, SignalModel, SignalType, SignalValue } from "../../compiler/model.ts";

const span = { startOffset: 0, endOffset: 0, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
const ops = ["==", "!=", "<", "<=", ">", ">="] as const;
const members5 = ["a", "b", "c", "d", "e"];

const numeric = fc.record({
  type: fc.oneof(
    fc.record({ kind: fc.constant("number" as const), integer: fc.boolean(), min: fc.option(fc.integer({ min: -20, max: 0 })), max: fc.option(fc.integer({ min: 0, max: 20 })) }),
    fc.constant({ kind: "duration" as const }),
  ),
  // Small integers often come in pairs `-k`, `k`: the tie the preference order breaks by position.
  literals: fc.array(fc.oneof(fc.integer({ min: -4, max: 4 }), fc.integer({ min: -30, max: 30 }), fc.double({ min: -30, max: 30, noNaN: true })), { maxLength: 40 }),
  defaulted: fc.option(fc.oneof(fc.integer({ min: -30, max: 30 }), fc.double({ min: -30, max: 30, noNaN: true }))),
});
const textual = fc.record({
  type: fc.constantFrom<SignalType>({ kind: "text" }, { kind: "enum", members: members5 }, { kind: "bool" }),
  literals: fc.array(fc.constantFrom<SignalValue>("a", "b", "c", "x", "y", "other", "other2"), { maxLength: 8 }),
  defaulted: fc.option(fc.constantFrom<SignalValue>("a", "c", "x", "other", true, false)),
});

function domainOf(type: SignalType, literals: readonly SignalValue[], defaulted: SignalValue | null) {
  const valid = (v: SignalValue) => (type.kind === "bool" ? typeof v === "boolean" : type.kind === "enum" ? members5.includes(v as string) : type.kind === "text" ? typeof v === "string" : typeof v === "number" && (type.kind !== "duration" || v >= 0));
  const signal: SignalModel = { name: "s", type, span, ...(defaulted !== null && valid(defaulted) ? { defaultValue: defaulted } : {}) };
  const usable = literals.filter((v) => type.kind !== "enum" && type.kind !== "bool" && valid(v));
  return { sc: makeDomain([signal], usable.map((value) => ({ signal: "s", value }))).signals[0]!, usable };
}

function comparisons(type: SignalType, usable: readonly SignalValue[]): Extract<Cond, { kind: "cmp" | "in" }>[] {
  const values: SignalValue[] = type.kind === "enum" ? members5 : type.kind === "bool" ? [true, false] : [...usable];
  const ordered = type.kind === "number" || type.kind === "duration";
  const out: Extract<Cond, { kind: "cmp" | "in" }>[] = [];
  values.forEach((value, k) => {
    for (const op of ordered ? ops : (["==", "!="] as const)) out.push({ kind: "cmp", signal: "s", op, value });
    for (const negated of [false, true]) out.push({ kind: "in", signal: "s", negated, values: values.slice(k, k + 3) });
  });
  return out;
}

describe("the solver's cell shortcuts", () => {
  it("find the cells a comparison holds on exactly as a scan over every cell does", () => {
    fc.assert(
      fc.property(fc.oneof(numeric, textual), ({ type, literals, defaulted }) => {
        const { sc, usable } = domainOf(type as SignalType, literals, defaulted);
        for (const f of comparisons(type as SignalType, usable)) {
          expect(members(cellsWhere(sc, f), sc.cells.length), JSON.stringify(f)).toEqual(members(cellsWhereByScan(sc, f), sc.cells.length));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("pick the first cell of the preference order that a set holds", () => {
    fc.assert(
      fc.property(fc.oneof(numeric, textual), fc.oneof(fc.array(fc.nat(), { maxLength: 3 }), fc.array(fc.nat(), { maxLength: 20 })), ({ type, literals, defaulted }, picks) => {
        const { sc } = domainOf(type as SignalType, literals, defaulted);
        const set = emptySet(sc.cells.length);
        for (const p of picks) add(set, p % sc.cells.length);
        expect(preferredCell(sc, set)).toBe(sc.preference.find((i) => has(set, i)) ?? -1);
      }),
      { numRuns: 300 },
    );
  });

  it("prefer, of two values as simple, the lower: -2 over 2", () => {
    const { sc } = domainOf({ kind: "number", integer: true, min: null, max: null }, [-2, 2], null);
    const set = emptySet(sc.cells.length);
    for (const value of [2, -2]) add(set, sc.byRep.get(value)!);
    expect(sc.cells[preferredCell(sc, set)]!.rep).toBe(-2);
  });

  it("add ranges and find neighbouring members word by word as bit by bit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 140 }), fc.nat(), fc.nat(), fc.array(fc.nat(), { maxLength: 10 }), fc.nat(), (size, a, b, picks, at) => {
        const [from, to] = [a % (size + 1), b % (size + 1)].sort((x, y) => x - y) as [number, number];
        const set = emptySet(size);
        addRange(set, from, to);
        expect(members(set, size)).toEqual(Array.from({ length: to - from }, (_, k) => from + k));
        for (const p of picks) add(set, p % size);
        const all = members(set, size);
        const i = at % (size + 1);
        expect(firstFrom(set, i)).toBe(all.find((m) => m >= i) ?? -1);
        expect(lastBefore(set, i)).toBe(all.filter((m) => m < i).at(-1) ?? -1);
      }),
      { numRuns: 500 },
    );
  });
});
