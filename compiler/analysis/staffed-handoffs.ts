/**
 * The handoffs that can happen to an owner with `hours`: every rule that can win (and `otherwise`, where
 * no rule matches) whose action hands the case to an owner with a calendar, with an input on which it
 * wins and the closures of that calendar in the window the analyses look at (see
 * calendar-gaps.ts). Shared by `promise-outside-hours` and `unstaffed-handoff`, computed once per
 * context. Only staffing conditions (`owner billing is closed`) ask about the time, so a rule that can
 * win while its owner's calendar is closed — by the solver, with that calendar's boolean false when
 * conditions read it — can win at every closed instant; one that wins only while it is open hands
 * nobody an empty queue and is left out.
 */
import type { Example, Span } from "../../diagnostics/index.ts";
import { staffingSignal, type CalendarModel, type OutcomeModel } from "../model.ts";
import { closures as closuresOf, length, readableLength, readableLocal, type Closure } from "./calendar-gaps.ts";
import type { AnalysisContext } from "./context.ts";
import { allOf } from "./solver/formula.ts";

const DAY_MS = 86400000;

/** What a finding about a handoff and closed hours may do instead. */
export const CLOSED_HOURS_FIX =
  "count the deadline in the owner's open time (`within 4 business hours`), promise no more than the closed hours allow, or hand off to an owner whose hours cover the gap";

export interface StaffedHandoff {
  readonly outcome: OutcomeModel;
  /** Where findings about it are reported: the rule's name, or the `otherwise` outcome. */
  readonly span: Span;
  /** A complete valid input on which this outcome wins. */
  readonly example: Example;
  readonly calendar: CalendarModel;
  /** The calendar's closures in the window, in time order (empty when it is open throughout). */
  readonly closures: readonly Closure[];
}

const found = new WeakMap<AnalysisContext, readonly StaffedHandoff[]>();

export function staffedHandoffs(ctx: AnalysisContext): readonly StaffedHandoff[] {
  const known = found.get(ctx);
  if (known) return known;
  const { model } = ctx;
  const calendars = new Map((model.calendars ?? []).map((c) => [c.name, c]));
  const hours = new Map(model.owners.flatMap((o) => (o.calendar !== undefined && calendars.has(o.calendar) ? [[o.key, calendars.get(o.calendar)!] as const] : [])));
  const from = Math.floor(ctx.now / DAY_MS) * DAY_MS;
  const closures = new Map<string, readonly Closure[]>();
  const closuresIn = (cal: CalendarModel): readonly Closure[] => {
    if (!closures.has(cal.name)) closures.set(cal.name, closuresOf(cal, from));
    return closures.get(cal.name)!;
  };
  const out: StaffedHandoff[] = [];
  const consider = (outcome: OutcomeModel, i: number, span: Span): void => {
    const calendar = outcome.action === "answer" || outcome.owner === null ? undefined : hours.get(outcome.owner);
    if (!calendar) return;
    const staffed = model.staffed?.includes(calendar.name) === true;
    const closed = { kind: "cmp", signal: staffingSignal(calendar.name), op: "==", value: false } as const;
    const example = staffed ? ctx.solve(allOf([ctx.winsCond(i), closed])) : ctx.winning(i);
    if (example) out.push({ outcome, span, example: withoutStaffing(example), calendar, closures: closuresIn(calendar) });
  };
  model.rules.forEach((rule, i) => consider(rule, i, ctx.spans[i]!.name));
  if (model.otherwise) consider(model.otherwise, -1, model.otherwise.span);
  found.set(ctx, out);
  return out;
}

/** The input without the calendars' booleans, which are not signals (decide() computes them from now). */
function withoutStaffing(example: Example): Example {
  return Object.fromEntries(Object.entries(example).filter(([name]) => !name.startsWith("@")));
}

/** How a finding names the outcome: rule `x`, or `otherwise`. */
export function whoOf(outcome: OutcomeModel): string {
  return outcome.name === "otherwise" ? "`otherwise`" : `rule \`${outcome.name}\``;
}

/** `(hours `office`) is closed from Fri … until Mon …, 2 days 15 h 30 min`. */
export function closedText(calendar: CalendarModel, closure: Closure): string {
  const until = closure.opens === null ? "and does not open again" : `until ${readableLocal(calendar.zone, closure.opens)}`;
  return `(hours \`${calendar.name}\`) is closed from ${readableLocal(calendar.zone, closure.closes)} ${until}, ${readableLength(length(closure))}`;
}
