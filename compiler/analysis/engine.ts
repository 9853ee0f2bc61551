/**
 * The engine's questions: build a domain, solve a formula over it exactly, and the formula "rule i wins"
 * under a policy. See domain.ts for the cells and solve.ts for the search.
 */
import type { Cond, ContractModel, SignalModel, SignalValue } from "../model.ts";
import { beats as policyBeats } from "../policy.ts";
import { literalsOf, makeDomain, type Domain } from "./domain.ts";
import { compile, NotCovered, type Node } from "./formula.ts";
import { exampleOf, fullBox, search } from "./solve.ts";

export type { Domain } from "./domain.ts";

/** Every signal's domain split into finitely many cells at the literals the given conditions mention (plus the given extra literals). */
export function buildDomain(
  signals: readonly SignalModel[],
  conditions: Iterable<Cond>,
  extra?: Iterable<{ signal: string; value: SignalValue }>,
): Domain {
  return makeDomain(signals, [...literalsOf(conditions), ...(extra ?? [])]);
}

/** A formula: a model Cond, or constants, combined freely. */
export type Formula = Cond | { readonly kind: "true" } | { readonly kind: "false" };

/** A complete valid input (a value for EVERY signal of the domain, within its type and range) satisfying `formula`, or null if none exists. Exact. */
export function solve(domain: Domain, formula: Formula): Record<string, SignalValue> | null {
  const [d, node] = compiled(domain, formula);
  const box = search(node, fullBox(d));
  return box && exampleOf(d, box);
}

/**
 * `formula` compiled against `domain`; when it mentions a literal the domain was not cut at, against a
 * finer domain that is (so `solve` stays exact whatever it is given).
 */
export function compiled(domain: Domain, formula: Formula): [Domain, Node] {
  try {
    return [domain, compile(domain, formula)];
  } catch (error) {
    if (!(error instanceof NotCovered)) throw error;
    const known = domain.signals.flatMap((sc) => [...sc.literals].map((value) => ({ signal: sc.signal.name, value })));
    const finer = makeDomain(
      domain.signals.map((sc) => sc.signal),
      [...known, ...literalsOf([formula as Cond])],
    );
    return [finer, compile(finer, formula)];
  }
}

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

/** True when rule j wins over rule i whenever both match, under the model's policy. */
export function beats(model: ContractModel, j: number, i: number): boolean {
  return policyBeats(model.policy, j, model.rules[j]!.action, i, model.rules[i]!.action);
}

/** The indices of the rules that win over rule i whenever they match (i = -1: every rule). */
export function blockers(model: ContractModel, ruleIndex: number): number[] {
  if (ruleIndex < 0) return model.rules.map((_, j) => j);
  return model.rules.flatMap((_, j) => (beats(model, j, ruleIndex) ? [j] : []));
}

/** The formula "rule i wins" under the model's policy (i = -1: otherwise wins, i.e. no rule matches). */
export function winsFormula(model: ContractModel, ruleIndex: number): Formula {
  const rule: Formula[] = ruleIndex >= 0 ? [model.rules[ruleIndex]!.condition] : [];
  return allOf([...rule, ...blockers(model, ruleIndex).map((j) => negation(model.rules[j]!.condition))]);
}
