/**
 * Shared by `hidden-severity` and `ambiguous-owner`: for each rule i in file order, the later rules j
 * (those `relevant(i, j)`) that match some input on which rule i wins, each found once, with that input.
 * Pairs are asked one at a time, "i wins and j matches", after the cheap test of i's own winning input:
 * one question over the disjunction of all pending rules costs more than all the small ones together when,
 * as in routing tables, most of the pairs are real.
 */
import type { Example } from "../diagnostics.ts";
import type { Cond } from "../model.ts";
import { holds } from "../../runtime/interpret.ts";
import type { AnalysisContext } from "./context.ts";

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
      const example = holds(loser, won) ? won : ctx.solve({ kind: "and", operands: [ctx.winsCond(i) as Cond, loser] });
      if (!example) continue;
      out.push({ winner: i, loser: j, example });
      reported.add(j);
    }
  });
  return out;
}
