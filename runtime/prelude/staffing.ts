/**
 * Staffing: what a decision says about its owner's business hours, for contracts with `calendars`.
 *
 * `staffDecision` completes a decision (and its brief) that `assemble` built: for a business-time
 * `within` it replaces the wall-clock deadline with the instant at which that much of the owner's open
 * time has passed from `now` (runtime/prelude/calendar.ts, `addBusinessTime`), and it adds
 * - `deadlineLocal`: the deadline as local time with the owner's offset (UTC for an owner without hours);
 * - `businessTime`: whether the deadline counts business time;
 * - `ownerOpen`: whether the owner's calendar is open at `now` (true for an owner without hours, null
 *   when the decision has no owner);
 * - `ownerOpensAt`: when the owner is closed, its next opening as local time with its offset; else null.
 * Calendar arithmetic works on whole epoch milliseconds from 1970 to 9999: `now` is floored to the
 * millisecond, and outside that range (or beyond the calendar's search horizon) the values it cannot
 * compute are null. Never throws (the calendar functions are total).
 *
 * Generated modules call it through an outcome's `staff` field (see `Outcome`), so a module whose
 * contract has no calendars inlines none of this.
 */
import type { Decision } from "./types.ts";
import { addBusinessTime, isOpen, localIso, nextOpening, type Calendar } from "./calendar.ts";
import { epochMsOf, isoUtc } from "./time.ts";

export function staffDecision(decision: Decision, calendar: Calendar | null, business: boolean, nowMs: number | null): void {
  const now = Math.floor(nowMs === null ? Date.now() : nowMs);
  const within = decision.withinSeconds;
  const businessTime = business && within !== null && calendar !== null;
  let deadline = decision.deadline;
  if (businessTime) {
    const at = addBusinessTime(calendar, now, within);
    deadline = at === null ? null : isoUtc(at);
    decision.deadline = deadline;
  }
  const zone = calendar === null ? "UTC" : calendar.zone;
  const deadlineMs = deadline === null ? null : epochMsOf(deadline);
  const deadlineLocal = deadlineMs === null ? null : localIso(zone, deadlineMs);
  const ownerOpen = decision.owner === null ? null : calendar === null ? true : isOpen(calendar, now);
  const opening = ownerOpen === false && calendar !== null ? nextOpening(calendar, now) : null;
  const ownerOpensAt = opening === null ? null : localIso(zone, opening);
  decision.deadlineLocal = deadlineLocal;
  decision.businessTime = businessTime;
  decision.ownerOpen = ownerOpen;
  decision.ownerOpensAt = ownerOpensAt;
  const brief = decision.brief;
  if (brief !== null) {
    brief.deadline = deadline;
    brief.deadlineLocal = deadlineLocal;
    brief.businessTime = businessTime;
    brief.ownerOpen = ownerOpen;
    brief.ownerOpensAt = ownerOpensAt;
  }
}
