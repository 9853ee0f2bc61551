/**
 * Who wins when several rules match: the one definition of the contract's policy.
 *
 * INVARIANT: the winner is the earliest matched rule of the highest precedence, where precedence is
 * the action's severity under `most-severe` and the same for every rule under `first-match`. The
 * interpreter, the generated matchers and the analyses all decide "who beats whom" through this file.
 */
import { severityRank, type ActionName, type PolicyName } from "../grammar/vocabulary.ts";

/** The precedence of a rule with `action` under `policy`: higher wins, ties go to file order. */
export function precedence(policy: PolicyName, action: ActionName): number {
  return policy === "most-severe" ? severityRank[action] : 0;
}

/** Whether rule `j` (action `aj`) wins over rule `i` (action `ai`) whenever both match. */
export function beats(policy: PolicyName, j: number, aj: ActionName, i: number, ai: ActionName): boolean {
  if (j === i) return false;
  const pj = precedence(policy, aj);
  const pi = precedence(policy, ai);
  return pj > pi || (pj === pi && j < i);
}

/** Rule indices, the rule that wins over all the others first. */
export function priorityOrder(policy: PolicyName, actions: readonly ActionName[]): number[] {
  const order = actions.map((_, i) => i);
  if (policy === "first-match") return order;
  return order.sort((a, b) => precedence(policy, actions[b]!) - precedence(policy, actions[a]!) || a - b);
}

/** The winner among `matched`, given in file order; null when nothing matched. */
export function pickWinner<R extends { readonly action: ActionName }>(policy: PolicyName, matched: readonly R[]): R | null {
  let winner: R | null = null;
  let best = -1;
  for (const rule of matched) {
    const p = precedence(policy, rule.action);
    if (p > best) {
      winner = rule;
      best = p;
    }
  }
  return winner;
}
