/**
 * Formulas: the questions put to the solver, written in the model's own terms. A formula is a model
 * `Cond` or a constant, combined freely; the combinators fold the constants away as they build, the
 * usual simplification of boolean algebra (`false` absorbs a conjunction, `true` a disjunction), so a
 * question never carries a constant the solver would have to see through.
 *
 * Nothing here knows about cells: node.ts compiles a formula against a domain.
 */
import type { Cond } from "../../model.ts";

/** A formula: a model Cond, or constants, combined freely. */
export type Formula = Cond | { readonly kind: "true" } | { readonly kind: "false" };

const negations = new WeakMap<Cond, Cond>();

/** `not cond`, one object per condition (so compiled negations are shared through the cache). */
export function negation(cond: Cond): Cond {
  let n = negations.get(cond);
  if (!n) {
    n = { kind: "not", operand: cond };
    negations.set(cond, n);
  }
  return n;
}

/** Conjunction with the constants folded: `false` absorbs, `true` drops out, one operand stands alone. */
export function allOf(fs: readonly Formula[]): Formula {
  const operands: Cond[] = [];
  for (const f of fs) {
    if (f.kind === "false") return f;
    if (f.kind !== "true") operands.push(f);
  }
  return operands.length === 0 ? { kind: "true" } : operands.length === 1 ? operands[0]! : { kind: "and", operands };
}

/** Disjunction with the constants folded: `true` absorbs, `false` drops out, one operand stands alone. */
export function anyOf(fs: readonly Formula[]): Formula {
  const operands: Cond[] = [];
  for (const f of fs) {
    if (f.kind === "true") return f;
    if (f.kind !== "false") operands.push(f);
  }
  return operands.length === 0 ? { kind: "false" } : operands.length === 1 ? operands[0]! : { kind: "or", operands };
}

/** Negation with the constants folded (see `negation`). */
export function notOf(f: Formula): Formula {
  return f.kind === "true" ? { kind: "false" } : f.kind === "false" ? { kind: "true" } : negation(f);
}
