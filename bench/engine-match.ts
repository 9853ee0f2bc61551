/** What the rule engines in the benchmarks report, in the terms of a decision: matched rules and winner. */
import type { ContractModel, RuleModel } from "../compiler/model.ts";
import { pickWinner } from "../compiler/policy.ts";

export interface EngineMatch {
  /** Names of the matched rules, in file order. */
  readonly matched: string[];
  /** The winning rule's name, or "otherwise". */
  readonly winner: string;
}

/** Matched names in file order and the winner under the contract's policy, from matched rule indices in any order. */
export function matchOf(model: ContractModel, indices: readonly number[]): EngineMatch {
  const rules: RuleModel[] = [...indices].sort((a, b) => a - b).map((i) => model.rules[i]!);
  return { matched: rules.map((r) => r.name), winner: pickWinner(model.policy, rules)?.name ?? "otherwise" };
}
