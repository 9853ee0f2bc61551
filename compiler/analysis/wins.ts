/**
 * "Rule i wins", as a formula for the solver: its condition, and the negation of every rule that beats
 * it under the contract's policy (compiler/policy.ts says who beats whom). Exact, but it names every
 * rival; the analysis context asks a smaller question that is equivalent (`rivals`).
 */
import type { ContractModel } from "../model.ts";
import { beats as policyBeats } from "../policy.ts";
import { allOf, negation, type Formula } from "./solver/formula.ts";

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
