/**
 * Near misses: decisions the log's later events show were probably wrong, found in one pass.
 *
 * Memory: only conversations still open are kept, each with the few decisions that can still be
 * flagged (answers and stops for 2 turns, routes and escalations until accepted). A conversation is
 * closed when no line of it arrived for `idleMs` of log time (default 14 days) or, to bound memory
 * whatever the log, when more than `maxOpen` conversations (default 100,000) are open, oldest first.
 * Lines of one conversation are expected in time order; conversations may interleave.
 */
import type { DecisionHead } from "./heads.ts";
import type { EventRecord } from "./lines.ts";

export type NearMissKind = "asked-for-human-after-answer" | "accepted-late" | "never-accepted" | "stop-not-understood" | "handed-off-again";

export const nearMissDefinitions: Readonly<Record<NearMissKind, { readonly title: string; readonly definition: string }>> = {
  "asked-for-human-after-answer": {
    title: "Answered, then asked for a person",
    definition:
      "An `answer` decision followed in the same conversation by an `asked-for-human` event within 2 turns (turn t to t+2); an event flags the latest such answer only.",
  },
  "accepted-late": {
    title: "Handoff accepted late",
    definition: "A `route` or `escalate` decision whose next `handoff-accepted` event in the conversation came after the decision's deadline.",
  },
  "never-accepted": {
    title: "Handoff never accepted",
    definition:
      "A `route` or `escalate` decision with no `handoff-accepted` event before its conversation closed, once its deadline (if any) lies before the last time in the log; handoffs still within their deadline at the end are counted as open, not as near misses.",
  },
  "stop-not-understood": {
    title: "Stop not understood",
    definition:
      "A `stop` decision followed in the same conversation by a `customer-confused` or `repeat-question` event within 2 turns; an event flags the latest such stop only.",
  },
  "handed-off-again": {
    title: "Handed off more than once",
    definition: "A `route`, `escalate` or `stop` decision followed in its conversation by another handoff decision on a later turn; counted against the earlier decision's rule, whose handoff did not settle the case.",
  },
};

export const nearMissKinds = Object.keys(nearMissDefinitions) as NearMissKind[];

/** What is kept of a decision that may still be flagged (not its signals or context). */
export type TrackedDecision = Pick<DecisionHead, "conversationId" | "turn" | "action" | "rule" | "owner" | "deadlineMs">;

/** A decision that may still be flagged; `flagged` makes it count once whatever flags it. */
export interface Tracked {
  readonly record: TrackedDecision;
  readonly file: string;
  readonly line: number;
  flagged: boolean;
}

interface Conversation {
  lastMs: number;
  /** The latest handoff decision, or null. */
  lastHandoff: Tracked | null;
  /** Answers and stops that a later event within 2 turns can flag. */
  recent: Tracked[];
  /** Routes and escalations not yet accepted. */
  pending: Tracked[];
}

export interface NearMissOptions {
  readonly idleMs?: number;
  readonly maxOpen?: number;
}

export class NearMissDetector {
  private readonly open = new Map<string, Conversation>();
  private readonly idleMs: number;
  private readonly maxOpen: number;
  private latestMs = -Infinity;
  private sinceSweep = 0;
  /** Handoffs still within their deadline when the log ended. */
  stillOpen = 0;
  /** The most conversations open at once. */
  peakOpen = 0;

  constructor(
    private readonly onNearMiss: (kind: NearMissKind, tracked: Tracked, detail: string) => void,
    options: NearMissOptions = {},
    /** A route or escalation accepted by its deadline (or with none). */
    private readonly onAcceptedInTime: (tracked: Tracked) => void = () => {},
  ) {
    this.idleMs = options.idleMs ?? 14 * 86_400_000;
    this.maxOpen = options.maxOpen ?? 100_000;
  }

  decision(record: DecisionHead, file: string, line: number): void {
    const c = this.touch(record.conversationId, record.ms);
    const { conversationId, turn, action, rule, owner, deadlineMs } = record;
    const tracked: Tracked = { record: { conversationId, turn, action, rule, owner, deadlineMs }, file, line, flagged: false };
    prune(c, record.turn);
    if (record.action !== "answer") {
      const earlier = c.lastHandoff;
      if (earlier !== null && earlier.record.turn < record.turn) {
        this.flag("handed-off-again", earlier, `handed off again on turn ${record.turn} (${record.action}, rule \`${record.rule}\`)`);
      }
      c.lastHandoff = tracked;
    }
    if (record.action === "answer" || record.action === "stop") c.recent.push(tracked);
    else c.pending.push(tracked);
  }

  event(record: EventRecord): void {
    const c = this.touch(record.conversationId, record.ms);
    prune(c, record.turn);
    switch (record.event) {
      case "asked-for-human":
        this.flagRecent(c, "answer", "asked-for-human-after-answer", record);
        break;
      case "customer-confused":
      case "repeat-question":
        this.flagRecent(c, "stop", "stop-not-understood", record);
        break;
      case "handoff-accepted":
        for (const t of c.pending) {
          const deadline = t.record.deadlineMs;
          if (deadline !== null && record.ms > deadline) {
            this.flag("accepted-late", t, `accepted ${formatLate(record.ms - deadline)} after the deadline`);
          } else this.onAcceptedInTime(t);
        }
        c.pending = [];
        break;
      default:
        break;
    }
  }

  /** Closes every conversation still open (at the end of the log). */
  finish(): void {
    for (const c of this.open.values()) this.close(c);
    this.open.clear();
  }

  /** How many conversations are open now. */
  get openCount(): number {
    return this.open.size;
  }

  private flagRecent(c: Conversation, action: "answer" | "stop", kind: NearMissKind, event: EventRecord): void {
    // The latest such decision only, and each decision once per kind: it is dropped once flagged.
    for (let i = c.recent.length - 1; i >= 0; i--) {
      const t = c.recent[i]!;
      if (t.record.action === action && event.turn >= t.record.turn && event.turn <= t.record.turn + 2) {
        this.flag(kind, t, `\`${event.event}\` on turn ${event.turn}, ${turns(event.turn - t.record.turn)} after the ${action}`);
        c.recent.splice(i, 1);
        return;
      }
    }
  }

  private flag(kind: NearMissKind, tracked: Tracked, detail: string): void {
    this.onNearMiss(kind, tracked, detail);
    tracked.flagged = true;
  }

  private touch(id: string, ms: number): Conversation {
    if (ms > this.latestMs) this.latestMs = ms;
    let c = this.open.get(id);
    if (c === undefined) c = { lastMs: ms, lastHandoff: null, recent: [], pending: [] };
    else this.open.delete(id); // re-inserted below: the map stays in order of last activity
    c.lastMs = Math.max(c.lastMs, ms);
    this.open.set(id, c);
    if (this.open.size > this.peakOpen) this.peakOpen = this.open.size;
    if (++this.sinceSweep >= 4096 || this.open.size > this.maxOpen) this.sweep();
    return c;
  }

  /** Closes idle conversations (the map's front holds the least recently active) and any over maxOpen. */
  private sweep(): void {
    this.sinceSweep = 0;
    for (const [id, c] of this.open) {
      if (this.open.size <= this.maxOpen && c.lastMs >= this.latestMs - this.idleMs) break;
      this.close(c);
      this.open.delete(id);
    }
  }

  private close(c: Conversation): void {
    for (const t of c.pending) {
      const deadline = t.record.deadlineMs;
      if (deadline === null || deadline < this.latestMs) this.flag("never-accepted", t, deadline === null ? "no deadline and never accepted" : "never accepted");
      else this.stillOpen++;
    }
    c.pending = [];
    c.recent = [];
  }
}

const turns = (n: number) => (n === 1 ? "1 turn" : `${n} turns`);

/** Drops answers and stops more than 2 turns behind `turn`: no event can flag them any more. */
function prune(c: Conversation, turn: number): void {
  if (c.recent.length > 0 && c.recent[0]!.record.turn + 2 < turn) c.recent = c.recent.filter((t) => t.record.turn + 2 >= turn);
}

function formatLate(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours}h${minutes % 60 ? `${minutes % 60}m` : ""}` : `${Math.floor(hours / 24)}d${hours % 24 ? `${hours % 24}h` : ""}`;
}
