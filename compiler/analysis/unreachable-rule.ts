/**
 * `unreachable-rule` (warning): a rule whose condition can hold but which never wins under the policy,
 * because on every input it matches a rule that beats it matches too. The message names a small set of
 * such rules that together cover it: chosen greedily (while the solver finds an input the rule matches
 * that the chosen rules do not, add the first rule that beats it and matches that input), then pruned
 * until no chosen rule can be dropped; every step is a solver question, so the set is verified.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics/index.ts";
import { nameList, type AnalysisContext } from "./context.ts";

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
  // Greedy (context.ts): while an input rule i matches escapes the chosen rules, add a rival matching it.
  const found = ctx.beatenBy(i);
  const chosen = [...(found?.rules ?? ctx.rivals(i))];
  // Then pruned: a rule is needed when an input rule i matches is matched by no other chosen rule.
  // Each input met is tested once, against the rules chosen then: the chosen rules only ever shrink.
  const kept = new Set(chosen);
  const matchedBy = (cells: readonly number[]) => chosen.filter((c) => ctx.holdsAtCells(c, cells));
  const met = (found?.inputs ?? []).map(matchedBy);
  const onlyBy = (j: number, matched: readonly number[]): boolean => {
    let hits = 0;
    for (const c of matched) {
      if (!kept.has(c)) continue;
      if (c !== j) return false;
      hits++;
    }
    return hits === 1;
  };
  for (const j of [...chosen]) {
    if (met.some((matched) => onlyBy(j, matched))) continue;
    const without = chosen.filter((c) => c !== j);
    const input = ctx.escapingCells(i, without);
    if (input === null) {
      chosen.splice(chosen.indexOf(j), 1);
      kept.delete(j);
    } else met.push(matchedBy(input));
  }
  return chosen.sort((a, b) => a - b);
}
