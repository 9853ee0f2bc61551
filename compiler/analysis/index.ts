/**
 * The exact static-analysis engine (issue 3) and its public API.
 *
 * v1 conditions compare one signal with literals, so every signal's domain splits into finitely many
 * cells at the literals the contract mentions (`solver/domain.ts`); a condition is a boolean function of
 * the cells, decided exactly by case splitting (`solver/search.ts`). Every analysis (`registry.ts`) and
 * `handoff diff` (`diff.ts`) is a question put to `solve` (`solver/solve.ts`).
 *
 *   buildDomain(signals, conditions, extra?)  the cells
 *   solve(domain, formula)                    a complete valid input satisfying formula, or null
 *   winsFormula(model, i)                     "rule i wins" (i = -1: no rule matches)
 */
export { allOf, anyOf, notOf, type Formula } from "./solver/formula.ts";
export { buildDomain, solve, type Domain } from "./solver/solve.ts";
export { blockers, winsFormula } from "./wins.ts";
export { describeCells } from "./diff.ts";
export { analyse, type AnalysisResult, type Witness } from "./registry.ts";
