/**
 * Two review periods side by side (`handoff review --compare EARLIER`): per action, per rule and per
 * near-miss kind, the earlier and the current figure and how far it moved. Shares and rates are
 * compared in percentage points, so a rule that went from 2% to 6% of decisions shows as +4 points
 * whatever the two periods' sizes. Each list is sorted by the size of the move, largest first; a rule
 * that decided nothing in one of the periods has `null` there.
 */
import type { ReviewResult } from "./review.ts";

/** What a comparison needs of a period: a review, or a report saved with `--out FILE.json`. */
export type Period = Pick<ReviewResult, "decisions" | "actions" | "rules" | "nearMisses" | "firstTs" | "lastTs">;

export interface Side {
  readonly decisions: number;
  /** Of all decisions in the period, 0..1. */
  readonly share: number;
  /** Near-miss decisions / decisions (actions and rules); decisions flagged / all decisions (kinds). */
  readonly nearMissRate: number;
}

export interface Move {
  readonly name: string;
  readonly before: Side | null;
  readonly after: Side | null;
  /** The change of `share`, in percentage points (for kinds: of their rate). */
  readonly points: number;
}

export interface Comparison {
  readonly earlier: string;
  readonly before: { readonly decisions: number; readonly firstTs: string | null; readonly lastTs: string | null };
  readonly actions: readonly Move[];
  readonly rules: readonly Move[];
  readonly nearMisses: readonly Move[];
}

export function compareReviews(earlier: string, before: Period, after: Period): Comparison {
  const side = (f: { decisions: number; share: number; nearMissRate: number } | undefined): Side | null =>
    f === undefined ? null : { decisions: f.decisions, share: f.share, nearMissRate: f.nearMissRate };
  const kindSide = (p: Period, kind: string): Side | null => {
    const k = p.nearMisses.find((x) => x.kind === kind);
    if (k === undefined) return null;
    const rate = p.decisions === 0 ? 0 : k.count / p.decisions;
    return { decisions: k.count, share: rate, nearMissRate: rate };
  };
  const moves = (names: readonly string[], pick: (p: Period, name: string) => Side | null): Move[] =>
    [...new Set(names)]
      .map((name) => {
        const b = pick(before, name);
        const a = pick(after, name);
        return { name, before: b, after: a, points: 100 * ((a?.share ?? 0) - (b?.share ?? 0)) };
      })
      // Stable: equal moves keep the reports' own order (actions and kinds as the review lists them).
      .sort((x, y) => Math.abs(y.points) - Math.abs(x.points));
  return {
    earlier,
    before: { decisions: before.decisions, firstTs: before.firstTs, lastTs: before.lastTs },
    actions: moves([...before.actions, ...after.actions].map((a) => a.action), (p, n) => side(p.actions.find((a) => a.action === n))),
    rules: moves([...before.rules, ...after.rules].map((r) => r.rule), (p, n) => side(p.rules.find((r) => r.rule === n))),
    nearMisses: moves([...before.nearMisses, ...after.nearMisses].map((k) => k.kind), kindSide),
  };
}

/** Whether `value`, parsed from a `.json` file, is a report `handoff review --out FILE.json` wrote. */
export function isSavedReview(value: unknown): value is Period {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  const figures = (list: unknown, key: string) =>
    Array.isArray(list) &&
    list.every((f) => typeof f === "object" && f !== null && typeof f[key] === "string" && typeof f.decisions === "number" && typeof f.share === "number" && typeof f.nearMissRate === "number");
  return (
    typeof r["decisions"] === "number" &&
    figures(r["actions"], "action") &&
    figures(r["rules"], "rule") &&
    Array.isArray(r["nearMisses"]) &&
    r["nearMisses"].every((k) => typeof k === "object" && k !== null && typeof k.kind === "string" && typeof k.count === "number")
  );
}
