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

export function isPythonStrategy(name: string): name is PythonStrategy {
  return (pythonStrategies as readonly string[]).includes(name);
}

export interface PythonPlan {
  readonly strategy: PythonStrategy;
  /** Why, in a sentence, for `handoff build --target python --explain-plan`. */
  readonly why: string;
  /** The index, when the strategy is `indexed`. */
  readonly index: RuleIndex | null;
}

/** The plan for `model`; `forced` overrides the choice (tests and benchmarks compare strategies). */
export function choosePythonPlan(model: ContractModel, forced?: PythonStrategy): PythonPlan {
  const rules = model.rules.length;
  if (forced === "inline") return { strategy: "inline", why: "forced", index: null };
  // The rule index is built over the input's signals; a calendar's state at `now` is not one of them.
  if (model.staffed !== undefined) return { strategy: "inline", why: "conditions ask whether a calendar is open, which only `inline` evaluates", index: null };
  if (forced === undefined && rules <= PY_INLINE_MAX_RULES) {
    return { strategy: "inline", why: `${rules} rules: one \`if\` per rule in \`_match\` is fastest in CPython up to ${PY_INLINE_MAX_RULES} rules`, index: null };
  }
  const index = ruleIndex(model);
  if (forced === "indexed") return { strategy: "indexed", why: "forced", index };
  const share = index.expectedCandidateShare;
  if (share > PY_INDEX_MAX_SHARE) {
    return { strategy: "inline", why: `${rules} rules, but the index would leave about ${pct(share)} of them to test on a typical input: testing them in file order is as fast`, index: null };
  }
  return { strategy: "indexed", why: `${rules} rules; on a typical input the index leaves about ${pct(share)} of them as candidates (${index.exactRules} of ${rules} rules need no further test)`, index };
}

function pct(x: number): string {
  return x < 0.01 ? "under 1%" : `${Math.round(x * 100)}%`;
}

/** The plan as text, for `handoff build --target python --explain-plan`. */
export function describePythonPlan(model: ContractModel, plan: PythonPlan): string {
  const lines = [`contract \`${model.name}\`: ${model.rules.length} rules, ${model.signals.length} signals, policy ${model.policy}`, `python strategy: ${plan.strategy} — ${plan.why}`];
  if (plan.index !== null) {
    lines.push(`index: ${plan.index.signals.length} signals classified into cells, one CPython int per signal and cell as the bit set of its rules`);
    lines.push(`rules: ${plan.index.exactRules} decided by the bit sets alone, ${model.rules.length - plan.index.exactRules - plan.index.neverRules} tested after the bit sets, ${plan.index.neverRules} can never match`);
  }
  return lines.join("\n") + "\n";
}
