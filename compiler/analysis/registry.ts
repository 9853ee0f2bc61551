/**
 * Every analysis, in one map from its code to its rule: exactly the codes the catalog gives to the
 * `analysis` stage (a code without a rule, or a rule for another stage's code, fails to compile). Each
 * rule runs on a contract that checked without errors and returns diagnostics of its own code whose
 * `example` (where there is one) is a complete valid input proving the claim.
 *
 *   incomplete               error    no `otherwise`, and some valid input matches no rule
 *   unsatisfiable-condition  warning  no valid input satisfies a rule's condition
 *   unreachable-rule         warning  a rule that can match never wins; names the rules that beat it
 *   hidden-severity          warning  first-match: an earlier, less severe rule wins where a more severe one matches
 *   ambiguous-owner          info     most-severe: same action, different owners, both match; file order decides
 *   redundant-comparison     info     a comparison that always holds, or never changes whether its rule matches
 *   not-monotone             error    a `monotone` signal moved its way, all else fixed, lowers the severity
 *   promise-outside-hours    warning  a wall-clock `within` shorter than a closure of the owner's hours
 *   unstaffed-handoff        info     a handoff with no `within` to an owner whose hours close
 *
 * Witnesses (one winning input per reachable rule) come from the same cached questions.
 */
import type { ContractFile } from "../../grammar/ast.ts";
import type { catalog, Diagnostic, DiagnosticCode } from "../../diagnostics/index.ts";
import type { ContractModel } from "../model.ts";
import { ambiguousOwner } from "./ambiguous-owner.ts";
import { createContext, type AnalysisContext } from "./context.ts";
import { hiddenSeverity } from "./hidden-severity.ts";
import { incomplete } from "./incomplete.ts";
import { notMonotone } from "./not-monotone.ts";
import { promiseOutsideHours } from "./promise-outside-hours.ts";
import { redundantComparison } from "./redundant-comparison.ts";
import { unreachableRule } from "./unreachable-rule.ts";
import { unsatisfiableCondition } from "./unsatisfiable-condition.ts";
import { unstaffedHandoff } from "./unstaffed-handoff.ts";
import { witnesses, type Witness } from "./witnesses.ts";

export type { Witness } from "./witnesses.ts";

/** The codes the catalog gives to the `analysis` stage. */
export type AnalysisCode = { [C in DiagnosticCode]: (typeof catalog)[C]["stage"] extends "analysis" ? C : never }[DiagnosticCode];

export type AnalysisRule = (ctx: AnalysisContext) => Diagnostic[];

/** INVARIANT: the order of the keys is the order the rules run in, so the order of the findings. */
export const analysisRules = {
  incomplete: incomplete,
  "unsatisfiable-condition": unsatisfiableCondition,
  "unreachable-rule": unreachableRule,
  "hidden-severity": hiddenSeverity,
  "ambiguous-owner": ambiguousOwner,
  "redundant-comparison": redundantComparison,
  "not-monotone": notMonotone,
  "promise-outside-hours": promiseOutsideHours,
  "unstaffed-handoff": unstaffedHandoff,
} as const satisfies Record<AnalysisCode, AnalysisRule>;

/** The rules in run order. */
export const analyses: readonly AnalysisRule[] = Object.values(analysisRules);

export interface AnalysisResult {
  readonly diagnostics: Diagnostic[];
  /** One per rule that can win, in file order. */
  readonly witnesses: Witness[];
}

/**
 * Runs every analysis on a checked model. `source` is the text the AST was parsed from
 * (`ParseResult.source`); `now` (epoch ms, default the clock) is where the analyses of calendars start
 * looking (see calendar-gaps.ts).
 */
export function analyse(model: ContractModel, ast: ContractFile, source: string, now?: number): AnalysisResult {
  const ctx = createContext(model, ast, source, now);
  return { diagnostics: analyses.flatMap((run) => run(ctx)), witnesses: witnesses(ctx) };
}
