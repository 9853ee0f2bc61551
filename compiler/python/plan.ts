/**
 * How a Python module matches rules, chosen per contract at build time.
 *
 *   inline   `_match` reads the signals into locals once and tests every rule with one `if`, in file
 *            order (inline.ts). Fastest for small contracts: no call, no lookup per rule. CPython has no
 *            size limit like V8's, so there is no `chunked` counterpart.
 *   indexed  the TypeScript target's rule index (compiler/codegen/cells.ts) with CPython ints as bit sets:
 *            one int per signal and cell, their AND is the candidates, only those the sets do not decide
 *            alone are tested, each by a lambda (indexed.ts). An AND of big ints costs about as much as a
 *            few `if`s whatever the contract's size, a tested candidate about as much as a few more.
 *
 * Measured (CPython 3.11, `_match` alone on bench/synthetic.ts contracts, 512 seeded inputs matching about
 * one rule in nine): inline/indexed 4.6/6.0 µs at 100 rules, 14/12 µs at 250, 33/23 µs at 500, 63/36 µs
 * at 1,000, 162/87 µs at 2,500; the whole decision breaks even near 150 rules. An index that would leave
 * most rules as candidates saves nothing (the TypeScript plan's `chunked` case): those contracts stay inline.
 *
 * Both match exactly the rules whose condition holds; the runtime then picks the winner as
 * compiler/policy.ts does.
 */
import { ruleIndex, type RuleIndex } from "../codegen/cells.ts";
import type { ContractModel } from "../model.ts";

export const pythonStrategies = ["inline", "indexed"] as const;
export type PythonStrategy = (typeof pythonStrategies)[number];

/** Up to this many rules `inline` is chosen (measured: see above). */
export const PY_INLINE_MAX_RULES = 150;
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
