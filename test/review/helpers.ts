/** Hand-written decision logs for the review tests. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Action } from "../../runtime/prelude/index.ts";

const base = Date.parse("2026-11-02T09:00:00Z");
/** An ISO time `minutes` after the logs' start. */
export const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();

export interface DecisionSpec {
  readonly conv: string;
  readonly turn: number;
  readonly action: Action;
  readonly minute?: number;
  readonly rule?: string;
  readonly owner?: string | null;
  /** Minutes until the deadline; none for answers by default. */
  readonly within?: number | null;
}

/** One decision line in the shape runtime/log.ts writes (with a minimal decision). */
export function decision(d: DecisionSpec): string {
  const minute = d.minute ?? d.turn;
  const within = d.within === undefined ? (d.action === "answer" ? null : 60) : d.within;
  return JSON.stringify({
    type: "decision",
    ts: at(minute),
    conversationId: d.conv,
    turn: d.turn,
    contract: { name: "t", version: "1", hash: "abc" },
    signals: { n: 1 },
    context: { now: at(minute), customer: null, issueType: null, collected: {}, evidence: [], priorActions: [] },
    decision: {
      action: d.action,
      rule: d.rule ?? `${d.action}_rule`,
      owner: d.owner === undefined ? (d.action === "answer" ? null : "team") : d.owner,
      ownerName: null,
      matched: [],
      withinSeconds: within === null ? null : within * 60,
      deadline: within === null ? null : at(minute + within),
      urgency: "normal",
      reasons: [],
      say: null,
      collect: [],
      confirm: [],
      doNotReAsk: [],
      brief: null,
    },
  });
}

export function event(conv: string, turn: number, name: string, minute = turn): string {
  return JSON.stringify({ type: "event", ts: at(minute), conversationId: conv, turn, event: name });
}

/** Writes the files into a fresh temporary directory and returns it. */
export function logDir(files: Record<string, readonly string[]>): string {
  const dir = mkdtempSync(join(tmpdir(), "handoff-review-"));
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, name), lines.join("\n") + "\n");
  return dir;
}
