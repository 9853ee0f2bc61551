/**
 * How a Python module matches rules, chosen per contract at build time (measured with CPython 3.11 by
 * bench/python.ts; the figures are in docs/python.md).
 *
 *   inline   `_match` reads the signals into locals once and tests every rule with one `if`, in file
 *            order (inline.ts). Fastest for small contracts: no call, no lookup per rule. CPython has no
 *            size limit like V8's, so there is no `chunked` counterpart.
 *   indexed  the TypeScript target's rule index (compiler/codegen/cells.ts) with CPython ints as bit sets:
 *            one int per signal and cell, their AND is the candidates, only those the sets do not decide
 *            alone are tested (indexed.ts). Each AND costs about as much as a few `if`s, whatever the
 *            contract's size, so it wins once there are enough rules to skip.
 *
 * Both match exactly the rules whose condition holds; the winner is then picked as compiler/policy.ts does.
 */
import { ruleIndex, type RuleIndex } from "../codegen/cells.ts";
import type { ContractModel } from "../model.ts";

export const pythonStrategies = ["inline", "indexed"] as const;
export type PythonStrategy = (typeof pythonStrategies)[number];

/** Up to this many rules `inline` is chosen (measured: see the comment above). */
export const PY_INLINE_MAX_RULES = 100;
/** …and above it too when the index would leave more than this share of the rules as candidates. */
export const PY_INDEX_MAX_SHARE = 0.5;

export interface PythonPlan {
  readonly strategy: PythonStrategy;
  /** The index, when the strategy is `indexed`. */
  readonly index: RuleIndex | null;
}

/** The plan for `model`; `forced` overrides the choice (tests and benchmarks compare strategies). */
export function choosePythonPlan(model: ContractModel, forced?: PythonStrategy): PythonPlan {
  if (forced === "inline" || (forced === undefined && model.rules.length <= PY_INLINE_MAX_RULES)) return { strategy: "inline", index: null };
  const index = ruleIndex(model);
  if (forced === undefined && index.expectedCandidateShare > PY_INDEX_MAX_SHARE) return { strategy: "inline", index: null };
  return { strategy: "indexed", index };
}
