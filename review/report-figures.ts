/** How the review and replay reports print figures: counts, percentages and the period a review covered. */

export const count = (n: number): string => n.toLocaleString("en-US");

/** A 0..1 ratio as a percentage with one decimal ("12.5%"). */
export const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;

/** The period a review covered, in words. */
export function period(since: string | null, until: string | null, firstTs: string | null, lastTs: string | null): string {
  if (firstTs === null && since === null && until === null) return "no lines in the log";
  return `${since ?? firstTs ?? "the start"} to ${until ?? lastTs ?? "the end"}`;
}
