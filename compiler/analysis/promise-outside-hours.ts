/**
 * `promise-outside-hours` (warning): a rule (or `otherwise`) hands off with a wall-clock `within` to an
 * owner whose calendar is, at some instant of the window, closed for longer than the promise: a handoff
 * made at that closing reaches its deadline before anyone is there. Reported on the rule, naming the
 * first such closing in the window (the next time the promise fails), the reopening and the gap; the
 * example is an input on which the rule wins.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics/index.ts";
import { formatDuration } from "../../grammar/tokens.ts";
import { length } from "./calendar-gaps.ts";
import type { AnalysisContext } from "./context.ts";
import { CLOSED_HOURS_FIX, closedText, staffedHandoffs, whoOf } from "./staffed-handoffs.ts";

export function promiseOutsideHours(ctx: AnalysisContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { outcome, span, example, calendar, closures } of staffedHandoffs(ctx)) {
    // A business-time promise counts the owner's open time, so closed hours cannot break it.
    const within = outcome.businessTime ? null : outcome.withinSeconds;
    const closure = within === null ? undefined : closures.find((c) => length(c) > within * 1000);
    if (within === null || closure === undefined) continue;
    out.push({
      ...diagnostic(
        "promise-outside-hours",
        span,
        `${whoOf(outcome)} promises \`${outcome.owner}\` within ${formatDuration(within)}, but \`${outcome.owner}\` ${closedText(calendar, closure)}: a handoff then misses its deadline`,
        CLOSED_HOURS_FIX,
      ),
      example,
    });
  }
  return out;
}
