/**
 * Shared by `hidden-severity` and `ambiguous-owner`: for each rule i in file order, the later rules j
 * (those `relevant(i, j)`) that match some input on which rule i wins, each found once, with that input.
 * One solver question per rule i plus one per pair found: "i wins and one of the pending j matches".
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
    if (ctx.winning(i) === null) return;
    let pending = ctx.overlappingWinners(i).filter((j) => j > i && !reported.has(j) && relevant(i, j));
    while (pending.length > 0) {
      const others: Cond = { kind: "or", operands: pending.map((j) => model.rules[j]!.condition) };
      const example = ctx.solve({ kind: "and", operands: [ctx.winsCond(i) as Cond, others] });
      if (!example) break;
      const j = pending.find((c) => holds(model.rules[c]!.condition, example))!;
      out.push({ winner: i, loser: j, example });
      reported.add(j);
      pending = pending.filter((c) => c !== j);
    }
  });
  return out;
}
