/**
 * `unreachable-rule` (warning): a rule whose condition can hold but which never wins under the policy,
 * because on every input it matches a rule that beats it matches too. The message names a small set of
 * such rules that together cover it: chosen greedily (while the solver finds an input the rule matches
 * that the chosen rules do not, add the first rule that beats it and matches that input), then pruned
 * until no chosen rule can be dropped; every step is a solver question, so the set is verified.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics/index.ts";
import type { Cond } from "../model.ts";
import { holds } from "../interpret.ts";
import { nameList, type AnalysisContext } from "./context.ts";
import { negation } from "./solver/formula.ts";

export function unreachableRule(ctx: AnalysisContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { model } = ctx;
  model.rules.forEach((rule, i) => {
    if (ctx.matching(i) === null || ctx.winning(i) !== null) return;
    const cover = coveringRules(ctx, i);
    const names = cover.map((j) => model.rules[j]!.name);
    const who = names.length === 1 ? `rule ${nameList(names)} always wins over it` : `rules ${nameList(names)} always win over it`;
    const hint =
      model.policy === "first-match"
        ? "under `first-match` the earliest matched rule wins: move this rule above them, or narrow their conditions"
        : "under `most-severe` a more severe rule, or an earlier rule with the same action, wins: narrow their conditions, or move this rule above same-action ones";
    out.push(diagnostic("unreachable-rule", ctx.spans[i]!.name, `rule \`${rule.name}\` can never win: ${who}`, hint));
  });
  return out;
}

/** Rules that beat rule i and together match every input rule i matches: irredundant, in file order. */
export function coveringRules(ctx: AnalysisContext, i: number): number[] {
  const { model } = ctx;
  const candidates = ctx.rivals(i);
  const uncovered = (set: readonly number[]): Cond => ({
    kind: "and",
    operands: [model.rules[i]!.condition, ...set.map((j) => negation(model.rules[j]!.condition))],
  });
  // Usually one rule alone covers it, and the hulls show which.
  const single = candidates.find((j) => ctx.covers(j, i));
  const chosen: number[] = single === undefined ? [] : [single];
  for (;;) {
    const example = ctx.solve(uncovered(chosen));
    if (!example) break;
    const j = candidates.find((c) => !chosen.includes(c) && holds(model.rules[c]!.condition, example));
    // INVARIANT: rule i never wins, so every input it matches is matched by a rule that beats it.
    if (j === undefined) return [...candidates];
    chosen.push(j);
  }
  for (const j of [...chosen]) {
    const without = chosen.filter((c) => c !== j);
    if (ctx.solve(uncovered(without)) === null) chosen.splice(chosen.indexOf(j), 1);
  }
  return chosen.sort((a, b) => a - b);
}
