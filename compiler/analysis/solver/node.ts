/**
 * Formulas over cells: a formula (formula.ts) compiled against a domain into negation normal form
 * (negations pushed down to the leaves by De Morgan's laws, where they complement a cell set), whose
 * leaves say "signal s lies in one of these cells". Compiled conditions are memoised per domain and
 * polarity, so a rule's condition is compiled once however many questions mention it.
 */
import type { Cond } from "../../model.ts";
import { cellsWhere } from "./atom-cells.ts";
import { complement, has, isEmpty, isFull, type CellSet } from "./cellset.ts";
import type { Domain } from "./domain.ts";
import type { Formula } from "./formula.ts";

export type Node =
  | { readonly k: "t" }
  | { readonly k: "f" }
  | { readonly k: "atom"; readonly s: number; readonly set: CellSet }
  | { readonly k: "and"; readonly ops: readonly Node[] }
  | { readonly k: "or"; readonly ops: readonly Node[] };

export const TRUE: Node = { k: "t" };
export const FALSE: Node = { k: "f" };

/** Thrown when a formula mentions a literal or signal the domain was not built for. */
export class NotCovered extends Error {}

/**
 * `formula` (negated when `negated`) as a node. `subst` replaces the given sub-conditions (by identity)
 * with constants; compiling with `subst` bypasses the cache except for comparisons.
 */
export function compile(domain: Domain, formula: Formula, negated = false, subst?: ReadonlyMap<object, boolean>): Node {
  const fixed = subst?.get(formula);
  if (fixed !== undefined) return fixed !== negated ? TRUE : FALSE;
  // A comparison alone never depends on `subst` (unless replaced, above), so it is always cached.
  const cacheable = !subst || formula.kind === "cmp" || formula.kind === "in";
  const cache = (negated ? domain.cache.neg : domain.cache.pos) as WeakMap<object, Node>;
  if (cacheable) {
    const hit = cache.get(formula);
    if (hit) return hit;
  }
  const node = build(domain, formula as Cond | { kind: "true" } | { kind: "false" }, negated, subst);
  if (cacheable) cache.set(formula, node);
  return node;
}

function build(domain: Domain, f: Cond | { kind: "true" } | { kind: "false" }, neg: boolean, subst?: ReadonlyMap<object, boolean>): Node {
  switch (f.kind) {
    case "true":
      return neg ? FALSE : TRUE;
    case "false":
      return neg ? TRUE : FALSE;
    case "not":
      return compile(domain, f.operand, !neg, subst);
    case "and":
    case "or": {
      const ops = f.operands.map((o) => compile(domain, o, neg, subst));
      const conj = (f.kind === "and") !== neg;
      return conj ? and(ops) : or(ops);
    }
    case "cmp":
    case "in":
      return atom(domain, f, neg);
  }
}

function atom(domain: Domain, f: Extract<Cond, { kind: "cmp" | "in" }>, neg: boolean): Node {
  const s = domain.index.get(f.signal);
  if (s === undefined) throw new NotCovered(`unknown signal ${f.signal}`);
  const sc = domain.signals[s]!;
  const kind = sc.signal.type.kind;
  if (kind === "number" || kind === "duration" || kind === "text") {
    const values = f.kind === "cmp" ? [f.value] : f.values;
    for (const v of values) if (!sc.literals.has(v)) throw new NotCovered(`${f.signal}: ${String(v)}`);
  }
  let set = cellsWhere(sc, f);
  if (neg) set = complement(set, sc.cells.length);
  return atomNode(s, set, sc.cells.length);
}

export function atomNode(s: number, set: CellSet, size: number): Node {
  return isEmpty(set) ? FALSE : isFull(set, size) ? TRUE : { k: "atom", s, set };
}


export function and(ops: readonly Node[]): Node {
  const out: Node[] = [];
  for (const o of ops) {
    if (o.k === "f") return FALSE;
    if (o.k === "t") continue;
    if (o.k === "and") out.push(...o.ops);
    else out.push(o);
  }
  return out.length === 0 ? TRUE : out.length === 1 ? out[0]! : { k: "and", ops: out };
}

export function or(ops: readonly Node[]): Node {
  const out: Node[] = [];
  for (const o of ops) {
    if (o.k === "t") return TRUE;
    if (o.k === "f") continue;
    if (o.k === "or") out.push(...o.ops);
    else out.push(o);
  }
  return out.length === 0 ? FALSE : out.length === 1 ? out[0]! : { k: "or", ops: out };
}

/** Whether `node` holds on the input whose signal s lies in cell `cells[s]`. */
export function holdsAt(node: Node, cells: ArrayLike<number>): boolean {
  switch (node.k) {
    case "t":
      return true;
    case "f":
      return false;
    case "atom":
      return has(node.set, cells[node.s]!);
    case "and":
      for (const o of node.ops) if (!holdsAt(o, cells)) return false;
      return true;
    case "or":
      for (const o of node.ops) if (holdsAt(o, cells)) return true;
      return false;
  }
}
