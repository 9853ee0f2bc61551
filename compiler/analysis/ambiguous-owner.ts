/**
 * `ambiguous-owner` (info, `most-severe` only): two rules with the same action and different owners both
 * match some input, so file order decides who gets the case (the earlier rule wins). Reported once per
 * later rule, on it, with such an input.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics/index.ts";
import type { AnalysisContext } from "./context.ts";
import { shadowedPairs } from "./shadowing.ts";

export function ambiguousOwner(ctx: AnalysisContext): Diagnostic[] {
  const { model } = ctx;
  if (model.policy !== "most-severe") return [];
  const pairs = shadowedPairs(ctx, (i, j) => {
    const [a, b] = [model.rules[i]!, model.rules[j]!];
    return a.action === b.action && a.owner !== b.owner;
  });
  return pairs.map(({ winner, loser, example }) => {
    const w = model.rules[winner]!;
    const l = model.rules[loser]!;
    const owner = (o: string | null) => (o === null ? "no owner" : `\`${o}\``);
    return {
      ...diagnostic(
        "ambiguous-owner",
        ctx.spans[loser]!.name,
        `rules \`${w.name}\` (${owner(w.owner)}) and \`${l.name}\` (${owner(l.owner)}) both ${l.action} and both match some inputs, where file order gives the case to ${owner(w.owner)}`,
        "if the order is intended, say so with conditions that exclude each other; otherwise reorder the rules",
      ),
      example,
    };
  });
}
