/**
 * The matching part of a module whose plan (plan.ts) is `chunked` or `indexed`: the code of `decide`
 * after validation, and the module-level tables and functions it uses. (`inline` is
 * strategies/inline.ts alone: everything straight in `decide`.)
 *
 *   chunked  strategies/chunked.ts: `match()` over chunk functions;  } both fill MATCHED and share the
 *   indexed  strategies/indexed.ts: `match()` over bit sets;          } rule tables and the decision tail.
 */
import type { BodyContext } from "../body-context.ts";
import type { Doc } from "../syntax.ts";
import { stateLocals } from "../names.ts";
import type { Plan } from "../plan.ts";
import { chunkedMatch } from "./chunked.ts";
import { tableTail } from "./decision-tail.ts";
import { indexedMatch } from "./indexed.ts";
import { perRuleFunctions, ruleTables, stateDeclarations } from "./rule-tables.ts";

export interface MatchingParts {
  /** Statements of `decide` after validation; they return the decision. */
  readonly decideTail: readonly Doc[];
  /** Module-level declarations, as text. */
  readonly tables: string;
}

export function matchingParts(cx: BodyContext, plan: Plan): MatchingParts {
  const { model } = cx;
  // The tables' code reads the `S_<i>` state, not `decide`'s locals.
  const state: BodyContext = { ...cx, locals: stateLocals(model.signals) };
  const match = plan.strategy === "indexed" && plan.index ? indexedMatch(state, plan.index) : chunkedMatch(state);
  return {
    decideTail: tableTail(cx),
    tables: [stateDeclarations(model), ruleTables(state), match, perRuleFunctions(state)].join("\n\n"),
  };
}
