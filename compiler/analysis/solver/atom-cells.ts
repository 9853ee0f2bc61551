/**
 * The cells on which a comparison holds, found without evaluating it on every cell (which made a
 * contract of n thresholds on one signal cost n × 2n evaluations). Two facts of the domain suffice:
 *
 *   - reps are distinct, so `==`, `!=` and `in` hold on at most the cells whose rep is one of the
 *     literals (looked up), or on all but those;
 *   - range cells are ascending, so `<` and `<=` hold on a prefix and `>` and `>=` on a suffix, whose
 *     end a binary search finds.
 *
 * Each candidate cell is still decided by `atomHolds` on its rep, so the set is the one the scan over
 * every cell gives (test/analysis/atom-cells.test.ts compares them).
 */
import type { Cond } from "../../model.ts";
import { atomHolds } from "../../interpret.ts";
import { add, addRange, complement, emptySet, type CellSet } from "./cellset.ts";
import { firstIndex, type SignalCells } from "./domain.ts";

export function cellsWhere(sc: SignalCells, f: Extract<Cond, { kind: "cmp" | "in" }>): CellSet {
  const size = sc.cells.length;
  const set = emptySet(size);
  if (f.kind === "cmp" && f.op !== "==" && f.op !== "!=") {
    // Ordered comparisons are on numbers, whose cells are ascending ranges (a hand-built model may differ).
    if (sc.zero < 0) return cellsWhereByScan(sc, f);
    const from = firstIndex(sc.cells, (c) => atomHolds(f, c.rep) === (f.op === ">" || f.op === ">="));
    if (f.op === "<" || f.op === "<=") addRange(set, 0, from);
    else addRange(set, from, size);
    return set;
  }
  const values = f.kind === "cmp" ? [f.value] : f.values;
  const positive: Extract<Cond, { kind: "cmp" | "in" }> = f.kind === "cmp" ? { ...f, op: "==" } : { ...f, negated: false };
  for (const value of values) {
    const i = sc.byRep.get(value);
    if (i !== undefined && atomHolds(positive, sc.cells[i]!.rep)) add(set, i);
  }
  const negated = f.kind === "cmp" ? f.op === "!=" : f.negated === true;
  return negated ? complement(set, size) : set;
}

/** The same set by evaluating the comparison on every cell: the definition `cellsWhere` must agree with. */
export function cellsWhereByScan(sc: SignalCells, f: Extract<Cond, { kind: "cmp" | "in" }>): CellSet {
  const set = emptySet(sc.cells.length);
  sc.cells.forEach((cell, i) => {
    if (atomHolds(f, cell.rep)) add(set, i);
  });
  return set;
}
