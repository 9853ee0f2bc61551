/**
 * How a module matches rules, chosen per contract at build time.
 *
 *   inline   every rule's test straight in `decide`, in file order. Fastest for small contracts: nothing
 *            is called, nothing is looked up. Only while `decide` stays well under V8's optimisation
 *            size limit (a function above 60 KiB of bytecode is never optimised).
 *   chunked  the same tests in file order, split into functions of at most CHUNK_RULES rules, so every
 *            function stays optimisable. Chosen when an index would not narrow the rules to test.
 *   indexed  each signal's value is classified once into a cell (cells.ts); per signal and cell a bit
 *            set holds the rules whose condition can hold there; the AND of those sets over the signals
 *            is the set of candidates, and only candidates whose condition is not fully captured by the
 *            sets are tested. Cost grows with the candidates, not with the contract.
 *
 * Every strategy matches exactly the rules whose condition holds (the decision lists all of them);
 * strategies/ holds the code each one emits.
 */
import type { ContractModel } from "../model.ts";
import { ruleIndex, type RuleIndex } from "./cells.ts";
import type { Strategy } from "./strategies/names.ts";

export type { Strategy } from "./strategies/names.ts";

/** Rules per chunk function (and per case table of the per-rule dispatch functions). */
export const CHUNK_RULES = 64;
/** Up to this many rules, `inline` keeps everything in `decide` (measured: above ~100 rules the index wins). */
export const INLINE_MAX_RULES = 100;
/**
 * …and only while the inline `decide`, as printed, stays under this many characters, below the size at
 * which V8 stops optimising it (measured: decide of about 100,000 printed characters still optimised,
 * 145,000 not).
 */
export const INLINE_MAX_CHARS = 80_000;

export interface Plan {
  readonly strategy: Strategy;
  /** Why, in one or two sentences, for `handoff build --explain-plan`. */
  readonly why: string;
  /** The index, when the strategy is `indexed` (also computed to judge `chunked`). */
  readonly index: RuleIndex | null;
}

/**
 * The plan for `model`; `forced` overrides the choice (tests and benchmarks compare strategies).
 * `inlineChars` measures the inline `decide` body as printed (asked only for small contracts).
 */
export function choosePlan(model: ContractModel, forced?: Strategy, inlineChars?: () => number): Plan {
  const rules = model.rules.length;
  if (forced === "inline") return { strategy: "inline", why: "forced", index: null };
  // The rule index is built over the input's signals; a calendar's state at `now` is not one of them.
  if (model.staffed !== undefined) return { strategy: "inline", why: "conditions ask whether a calendar is open, which only `inline` evaluates", index: null };
  if (forced === undefined && rules <= INLINE_MAX_RULES) {
    const chars = inlineChars?.() ?? 0;
    if (chars <= INLINE_MAX_CHARS) {
      return { strategy: "inline", why: `${rules} rules: straight-line code in \`decide\` is fastest up to ${INLINE_MAX_RULES} rules, and it stays small enough for V8 to optimise`, index: null };
    }
  }
  const index = ruleIndex(model);
  if (forced !== undefined) return { strategy: forced, why: "forced", index: forced === "indexed" ? index : null };
  const share = index.expectedCandidateShare;
  if (share > 0.5) {
    return {
      strategy: "chunked",
      why: `${rules} rules, but the index would leave about ${pct(share)} of them to test on a typical input; testing them in file order in functions of ${CHUNK_RULES} rules is as fast and simpler`,
      index: null,
    };
  }
  return {
    strategy: "indexed",
    why: `${rules} rules; on a typical input the index leaves about ${pct(share)} of them as candidates (${index.exactRules} of ${rules} rules need no further test)`,
    index,
  };
}

function pct(x: number): string {
  return x < 0.01 ? "under 1%" : `${Math.round(x * 100)}%`;
}

/** The plan as text, for `handoff build --explain-plan`. */
export function describePlan(model: ContractModel, plan: Plan): string {
  const lines = [`contract \`${model.name}\`: ${model.rules.length} rules, ${model.signals.length} signals, policy ${model.policy}`, `strategy: ${plan.strategy} — ${plan.why}`];
  const index = plan.index;
  if (plan.strategy === "chunked" || plan.strategy === "indexed") {
    lines.push(`functions: rule tests in ${Math.ceil(model.rules.length / CHUNK_RULES)} chunks of at most ${CHUNK_RULES} rules; reasons and briefs dispatched per rule the same way`);
  }
  if (index && plan.strategy === "indexed") {
    lines.push(`index: ${index.signals.length} signals classified into cells, ${Math.ceil(model.rules.length / 32)} words of 32 rules per bit set`);
    for (const s of index.signals) {
      const sig = model.signals[s.signal]!;
      lines.push(`  ${sig.name}: ${s.cells} cells, narrowed by ${s.narrowing} rules, keeps ${pct(s.keptShare)} of the rules on an average cell`);
    }
    lines.push(`rules: ${index.exactRules} decided by the bit sets alone, ${model.rules.length - index.exactRules - index.neverRules} tested after the bit sets, ${index.neverRules} can never match`);
    lines.push(`expected candidates on a typical input: about ${pct(index.expectedCandidateShare)} of the rules`);
  }
  return lines.join("\n") + "\n";
}
