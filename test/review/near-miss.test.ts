import { describe, expect, it } from "vitest";
import { review } from "../../review/review.ts";
import { decision, event, logDir } from "./helpers.ts";

async function nearMisses(lines: string[]) {
  const cwd = logDir({ "log.jsonl": lines });
  const r = await review(["log.jsonl"], { cwd });
  return { r, counts: Object.fromEntries(r.nearMisses.map((k) => [k.kind, k.count])), examples: Object.fromEntries(r.nearMisses.map((k) => [k.kind, k.examples])) };
}

describe("near misses", () => {
  it("answered, then asked for a person within 2 turns (not 3)", async () => {
    const { r, counts, examples } = await nearMisses([
      decision({ conv: "a", turn: 1, action: "answer" }),
      event("a", 2, "asked-for-human"),
      decision({ conv: "b", turn: 1, action: "answer" }),
      decision({ conv: "b", turn: 2, action: "answer" }),
      event("b", 5, "asked-for-human"),
    ]);
    expect(counts["asked-for-human-after-answer"]).toBe(1);
    expect(examples["asked-for-human-after-answer"]![0]).toMatchObject({ conversationId: "a", line: 1, turn: 1, detail: "`asked-for-human` on turn 2, 1 turn after the answer" });
    expect(r.actions.find((a) => a.action === "answer")).toMatchObject({ decisions: 3, nearMisses: 1 });
  });

  it("a handoff accepted after its deadline is late; one accepted before is not", async () => {
    const { counts, examples } = await nearMisses([
      decision({ conv: "a", turn: 1, action: "route", within: 60 }),
      decision({ conv: "b", turn: 1, action: "escalate", within: 60 }),
      event("a", 2, "handoff-accepted", 90),
      event("b", 2, "handoff-accepted", 30),
    ]);
    expect(counts["accepted-late"]).toBe(1);
    expect(examples["accepted-late"]![0]).toMatchObject({ conversationId: "a", detail: "accepted 29m after the deadline" });
    expect(counts["never-accepted"]).toBe(0);
  });

  it("a handoff never accepted counts once its deadline has passed within the log, and not while still open", async () => {
    const { r, counts, examples } = await nearMisses([
      decision({ conv: "a", turn: 1, action: "route", within: 60 }),
      decision({ conv: "b", turn: 1, action: "escalate", within: 60 * 24, minute: 100 }),
      decision({ conv: "c", turn: 1, action: "answer", minute: 200 }),
    ]);
    expect(counts["never-accepted"]).toBe(1);
    expect(examples["never-accepted"]![0]).toMatchObject({ conversationId: "a" });
    expect(r.openHandoffs).toBe(1);
  });

  it("a stop followed by confusion or a repeated question within 2 turns", async () => {
    const { counts } = await nearMisses([
      decision({ conv: "a", turn: 1, action: "stop" }),
      event("a", 2, "customer-confused"),
      decision({ conv: "b", turn: 1, action: "stop" }),
      event("b", 3, "repeat-question"),
      decision({ conv: "c", turn: 1, action: "stop" }),
      event("c", 4, "repeat-question"),
      decision({ conv: "d", turn: 1, action: "answer" }),
      event("d", 2, "customer-confused"),
    ]);
    expect(counts["stop-not-understood"]).toBe(2);
  });

  it("the same conversation handed off more than once", async () => {
    const { counts, examples, r } = await nearMisses([
      decision({ conv: "a", turn: 1, action: "route" }),
      event("a", 2, "handoff-accepted", 2),
      event("a", 3, "reopened", 3),
      decision({ conv: "a", turn: 3, action: "escalate", rule: "again" }),
      event("a", 4, "handoff-accepted", 4),
      decision({ conv: "b", turn: 1, action: "stop" }),
    ]);
    expect(counts["handed-off-again"]).toBe(1);
    // Charged to the earlier handoff, which did not settle the case, not to the one that had to follow it.
    expect(examples["handed-off-again"]![0]).toMatchObject({ conversationId: "a", rule: "route_rule", line: 1, detail: "handed off again on turn 3 (escalate, rule `again`)" });
    expect(r.rules.find((x) => x.rule === "route_rule")).toMatchObject({ decisions: 1, nearMisses: 1, nearMissRate: 1 });
    expect(r.rules.find((x) => x.rule === "again")).toMatchObject({ decisions: 1, nearMisses: 0 });
  });

  it("counts a decision flagged twice once in the near-miss rate", async () => {
    const { r, counts } = await nearMisses([
      decision({ conv: "a", turn: 1, action: "route", within: 60 }),
      event("a", 2, "handoff-accepted", 90),
      decision({ conv: "a", turn: 3, action: "stop", minute: 100 }),
    ]);
    expect(counts["accepted-late"]).toBe(1);
    expect(counts["handed-off-again"]).toBe(1);
    expect(r.nearMissDecisions).toBe(1);
    expect(r.actions.find((a) => a.action === "route")).toMatchObject({ decisions: 1, nearMisses: 1 });
    expect(r.actions.find((a) => a.action === "stop")).toMatchObject({ decisions: 1, nearMisses: 0 });
  });

  it("closes idle conversations as the log moves on, with the same figures", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 50; i++) lines.push(decision({ conv: `c${i}`, turn: 1, action: "route", within: 60, minute: i * 600 }));
    const cwd = logDir({ "log.jsonl": lines });
    const bounded = await review(["log.jsonl"], { cwd, idleMs: 3 * 3_600_000, maxOpen: 10 });
    const unbounded = await review(["log.jsonl"], { cwd });
    expect(bounded.peakOpenConversations).toBeLessThanOrEqual(11);
    expect(bounded.nearMisses).toEqual(unbounded.nearMisses);
  });

  it("keeps examples drawn across the period, the same for the same seed, not the first five", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 200; i++) lines.push(decision({ conv: `c${i}`, turn: 1, action: "answer", minute: i * 60 }), event(`c${i}`, 2, "asked-for-human", i * 60 + 1));
    const cwd = logDir({ "log.jsonl": lines });
    const kind = (r: Awaited<ReturnType<typeof review>>) => r.nearMisses.find((k) => k.kind === "asked-for-human-after-answer")!.examples;
    const first = kind(await review(["log.jsonl"], { cwd }));
    expect(first).toHaveLength(5);
    expect(Math.max(...first.map((e) => e.line))).toBeGreaterThan(100);
    expect(first.map((e) => e.line)).toEqual([...first.map((e) => e.line)].sort((a, b) => a - b));
    expect(kind(await review(["log.jsonl"], { cwd }))).toEqual(first);
    expect(kind(await review(["log.jsonl"], { cwd, seed: "other" }))).not.toEqual(first);
  });
});
