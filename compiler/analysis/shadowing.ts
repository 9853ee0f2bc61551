/**
 * Shared by `hidden-severity` and `ambiguous-owner`: for each rule i in file order, the later rules j
 * (those `relevant(i, j)`) that match some input on which rule i wins, each found once, with that input.
 * Pairs are asked one at a time, "i wins and j matches", after the cheap test of i's own winning input:
 * one question over the disjunction of all pending rules costs more than all the small ones together when,
 * as in routing tables, most of the pairs are real.
 */
import type { Example } from "../../diagnostics/index.ts";
import type { Cond } from "../model.ts";
import { holds } from "../interpret.ts";
import type { AnalysisContext } from "./context.ts";
import { negation } from "./solver/formula.ts";

export interface Shadowed {
  /** The earlier rule, which wins. */
  readonly winner: number;
  /** The later rule, which also matches. */
  readonly loser: number;
  readonly example: Example;
}

export function shadowedPairs(ctx: AnalysisContext, relevant: (winner: number, loser: number) => boolean): Shadowed[] {
  const { model } = ctx;
  const reported = new Set<number>();
  const out: Shadowed[] = [];
  model.rules.forEach((_, i) => {
    const won = ctx.winning(i);
    if (won === null) return;
    for (const j of ctx.overlappingWinners(i)) {
      if (j <= i || reported.has(j) || !relevant(i, j)) continue;
      const loser = model.rules[j]!.condition;
      const example = holds(loser, won) ? won : ctx.solve(winsWhere(ctx, i, j));
      if (!example) continue;
      out.push({ winner: i, loser: j, example });
      reported.add(j);
    }
  });
  return out;
}

/**
 * "Rule i wins and rule j matches": both conditions, and none of i's rivals that may match together with
 * j (a rival whose hull misses j's is false wherever j holds), so the question stays small when rule i
 * has many rivals elsewhere.
 */
function winsWhere(ctx: AnalysisContext, i: number, j: number): Cond {
  const { rules } = ctx.model;
  const operands: Cond[] = [rules[i]!.condition, rules[j]!.condition];
  for (const r of ctx.rivals(i)) if (ctx.overlaps(r, j)) operands.push(negation(rules[r]!.condition));
  return { kind: "and", operands };
}
