/** How the review and replay reports print figures: counts, percentages and the period a review covered. */
import type { Side } from "./compare.ts";

export const count = (n: number): string => n.toLocaleString("en-US");

/** A 0..1 ratio as a percentage with one decimal ("12.5%"). */
export const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;

/** The period a review covered, in words. */
export function period(since: string | null, until: string | null, firstTs: string | null, lastTs: string | null): string {
  if (firstTs === null && since === null && until === null) return "no lines in the log";
  return `${since ?? firstTs ?? "the start"} to ${until ?? lastTs ?? "the end"}`;
}

/** A move between two periods: `+4.0 points`, `−1.5 points`, `no change`. */
export function pointsText(points: number): string {
  if (Math.abs(points) < 0.05) return "no change";
  return `${points > 0 ? "+" : "−"}${Math.abs(points).toFixed(1)} points`;
}

/** One period's share in a comparison; "none" when nothing was decided there. */
export function sideText(s: Side | null): string {
  return s === null ? "none" : percent(s.share);
}

/** What the per-owner table counts, as the reports say it. */
export const OWNERS_NOTE =
  "Per owner handed a case (routes, escalations and stops). *While closed*: decided while the owner's hours were closed (`ownerOpen: false`). *Accepted in time*, *late* and *never accepted* count routes and escalations by their `handoff-accepted` event; a business-time deadline already counts only the owner's open hours, so for those the share in time is the promise as the customer was given it.";

/** An owner's share of handoffs accepted by their deadline, or "—" when none was settled. */
export function inTime(o: { readonly inTimeRate: number | null }): string {
  return o.inTimeRate === null ? "—" : percent(o.inTimeRate);
}
