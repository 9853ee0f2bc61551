/**
 * Exact satisfiability over cells, by case splitting in the manner of DPLL (Davis–Putnam–Logemann–
 * Loveland): the search keeps a box (a set of still-possible cells per signal), simplifies the formula
 * by partial evaluation against it (an atom whose signal's cells all lie inside, or all outside, its
 * set becomes true or false), narrows the box by the atoms that must hold (unit propagation), and
 * otherwise splits the box on one atom's cells: inside, then outside. Each split strictly shrinks the
 * box, so the search ends; it is exact because cells are uniform for every comparison (domain.ts).
 */
import type { SignalValue } from "../../model.ts";
import { add, emptySet, fullSet, intersect, intersects, isEmpty, minus, subset, union, type CellSet } from "./cellset.ts";
import { clauseFind, clauseSearch } from "./clause-search.ts";
import { preferredCell, type Domain } from "./domain.ts";
import { and, or, FALSE, TRUE, type Node } from "./node.ts";

/** A set of possible cells per signal (by signal index). */
export type Box = readonly CellSet[];

const fullBoxes = new WeakMap<Domain, Box>();

/** Every cell of every signal. Shared: boxes are never modified in place. */
export function fullBox(domain: Domain): Box {
  let box = fullBoxes.get(domain);
  if (!box) {
    box = domain.signals.map((sc) => fullSet(sc.cells.length));
    fullBoxes.set(domain, box);
  }
  return box;
}

/** `box` with signal `s` narrowed to its one cell `c`. */
export function withCell(box: Box, s: number, c: number): Box {
  const only = emptySet(box[s]!.length * 32);
  add(only, c);
  return box.map((set, i) => (i === s ? only : set));
}

/** `node` partially evaluated on `box`. Returns `node` itself when nothing changed. */
export function simplify(node: Node, box: Box): Node {
  switch (node.k) {
    case "t":
    case "f":
      return node;
    case "atom": {
      const dom = box[node.s]!;
      if (subset(dom, node.set)) return TRUE;
      if (!intersects(dom, node.set)) return FALSE;
      return node;
    }
    case "and":
    case "or": {
      // The operands are copied only from the first that changes: most visits change nothing.
      const conj = node.k === "and";
      let ops: Node[] | null = null;
      for (let k = 0; k < node.ops.length; k++) {
        const o = node.ops[k]!;
        const s = simplify(o, box);
        if (conj ? s.k === "f" : s.k === "t") return s;
        if (ops === null) {
          if (s === o && s.k !== "t" && s.k !== "f") continue;
          ops = node.ops.slice(0, k);
        }
        ops.push(s);
      }
      if (ops === null) return node;
      return conj ? and(ops) : mergeOr(ops, box);
    }
  }
}

/** An `or` whose atoms on one signal are merged into one atom (so `topic in [a, b]`-like ors propagate). */
function mergeOr(ops: Node[], box: Box): Node {
  const merged = or(ops);
  if (merged.k !== "or") return merged;
  let s = -1;
  for (const o of merged.ops) {
    if (o.k !== "atom" || (s >= 0 && o.s !== s)) return merged;
    s = o.s;
  }
  let set = (merged.ops[0] as { set: CellSet }).set;
  for (const o of merged.ops) set = union(set, (o as { set: CellSet }).set);
  return simplify({ k: "atom", s, set }, box);
}

/**
 * `node` simplified on `box` after unit propagation: the atoms a conjunction requires narrow the box
 * until none is left. Null when the formula is false there.
 */
export function propagate(node: Node, box: Box): { f: Node; box: Box } | null {
  let current = box;
  let f = simplify(node, current);
  for (;;) {
    if (f.k === "f") return null;
    const units = f.k === "atom" ? [f] : f.k === "and" ? f.ops.filter((o) => o.k === "atom") : [];
    if (units.length === 0) return { f, box: current };
    const next = current.slice();
    for (const u of units) {
      if (u.k !== "atom") continue;
      next[u.s] = intersect(next[u.s]!, u.set);
      if (isEmpty(next[u.s]!)) return null;
    }
    current = next;
    f = simplify(f, current);
  }
}

/** The box `box` split on an atom's cells: inside, outside. */
export function split(f: Node, box: Box): [Box, Box] {
  const atom = pickAtom(f);
  const inside = box.slice();
  inside[atom.s] = intersect(box[atom.s]!, atom.set);
  const outside = box.slice();
  outside[atom.s] = minus(box[atom.s]!, atom.set);
  return [inside, outside];
}

/**
 * A box inside `box` on which `node` is true, or null when `node` is unsatisfiable in `box`. A
 * conjunction of clauses takes the same steps in clause-search.ts, without building formulas.
 */
export function search(node: Node, box: Box): Box | null {
  const found = clauseSearch(node, box);
  return found === undefined ? generalSearch(node, box) : found;
}

/** Whether `search(node, box)` finds a box, without building it. */
export function satisfiable(node: Node, box: Box): boolean {
  return clauseFind(node, box) ?? generalSearch(node, box) !== null;
}

/** `search` on formulas: propagate, then split on `pickAtom`'s atom, inside first. */
export function generalSearch(node: Node, box: Box): Box | null {
  const p = propagate(node, box);
  if (!p) return null;
  if (p.f.k === "t") return p.box;
  const [inside, outside] = split(p.f, p.box);
  return generalSearch(p.f, inside) ?? generalSearch(p.f, outside);
}

/** Disjoint boxes inside `box` that together hold exactly the inputs where `node` is true (at most `limit`). */
export function allBoxes(node: Node, box: Box, limit: number): Box[] {
  const out: Box[] = [];
  const walk = (f: Node, b: Box): void => {
    if (out.length >= limit) return;
    const p = propagate(f, b);
    if (!p) return;
    if (p.f.k === "t") {
      out.push(p.box);
      return;
    }
    const [inside, outside] = split(p.f, p.box);
    walk(p.f, inside);
    walk(p.f, outside);
  };
  walk(node, box);
  return out;
}

/** An atom to split on: from the smallest operand of a conjunction, else the first one found. */
export function pickAtom(node: Node): { s: number; set: CellSet } {
  if (node.k === "atom") return node;
  if (node.k === "and") {
    let best: Node | null = null;
    let bestSize = Infinity;
    for (const o of node.ops) {
      const size = o.k === "atom" ? 1 : o.k === "or" ? o.ops.length : 2;
      if (size < bestSize) {
        best = o;
        bestSize = size;
      }
    }
    if (best) return pickAtom(best);
  }
  if (node.k === "and" || node.k === "or") return pickAtom(node.ops[0]!);
  throw new Error("pickAtom: a constant has no atom");
}

/** A full input from a box: per signal, the most preferred cell still possible (its representative). */
export function exampleOf(domain: Domain, box: Box): Record<string, SignalValue> {
  return exampleFrom(domain, (s) => box[s]!);
}

/** The cell per signal `exampleFrom` would take (its preferred cell), without building the input. */
export function cellsFrom(domain: Domain, setOf: (s: number) => CellSet): number[] {
  const signals = domain.signals;
  const cells = new Array<number>(signals.length);
  for (let s = 0; s < signals.length; s++) cells[s] = Math.max(0, preferredCell(signals[s]!, setOf(s)));
  return cells;
}

/**
 * `exampleOf` a box given by its sets, `setOf(s)` read once per signal in order; `cells`, when given,
 * receives the cell of each signal's value.
 */
export function exampleFrom(domain: Domain, setOf: (s: number) => CellSet, cells?: number[]): Record<string, SignalValue> {
  const out: Record<string, SignalValue> = {};
  const signals = domain.signals;
  for (let s = 0; s < signals.length; s++) {
    const sc = signals[s]!;
    // INVARIANT: search never returns a box with an empty signal.
    const cell = Math.max(0, preferredCell(sc, setOf(s)));
    out[sc.signal.name] = sc.cells[cell]!.rep;
    if (cells) cells[s] = cell;
  }
  return out;
}
