/**
 * `unstaffed-handoff` (info): a rule (or `otherwise`) hands off with no `within` to an owner whose
 * calendar closes in the window: a case handed off then waits, with no deadline, until the owner opens.
 * Reported on the rule, with the calendar's first closure in the window; the example is an input on which
 * the rule wins.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics/index.ts";
import type { AnalysisContext } from "./context.ts";
import { CLOSED_HOURS_FIX, closedText, staffedHandoffs, whoOf } from "./staffed-handoffs.ts";

export function unstaffedHandoff(ctx: AnalysisContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { outcome, span, example, calendar, closures } of staffedHandoffs(ctx)) {
    const closure = closures[0];
    if (outcome.withinSeconds !== null || closure === undefined) continue;
    out.push({
      ...diagnostic(
        "unstaffed-handoff",
        span,
        `${whoOf(outcome)} hands off to \`${outcome.owner}\` with no deadline, and \`${outcome.owner}\` ${closedText(calendar, closure)}: a case handed off then waits unseen`,
        CLOSED_HOURS_FIX,
      ),
      example,
    });
  }
  return out;
}
