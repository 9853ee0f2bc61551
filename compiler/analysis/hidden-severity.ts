/**
 * `hidden-severity` (warning, `first-match` only): an earlier, less severe rule wins on an input where a
 * later, more severe rule also matches. Reported once per hidden rule, on it, naming the first rule
 * found to hide it, with such an input.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics/index.ts";
import { severityRank } from "../../grammar/vocabulary.ts";
import type { AnalysisContext } from "./context.ts";
import { shadowedPairs } from "./shadowing.ts";

export function hiddenSeverity(ctx: AnalysisContext): Diagnostic[] {
  const { model } = ctx;
  if (model.policy !== "first-match") return [];
  const rank = (i: number) => severityRank[model.rules[i]!.action];
  const pairs = shadowedPairs(ctx, (i, j) => rank(j) > rank(i));
  return pairs.map(({ winner, loser, example }) => {
    const w = model.rules[winner]!;
    const l = model.rules[loser]!;
    return {
      ...diagnostic(
        "hidden-severity",
        ctx.spans[loser]!.name,
        `rule \`${l.name}\` (${l.action}) also matches where the earlier, less severe rule \`${w.name}\` (${w.action}) wins`,
        `under \`first-match\` the earliest matched rule wins: move \`${l.name}\` above \`${w.name}\` if it must win, or narrow \`${w.name}\``,
      ),
      example,
    };
  });
}
