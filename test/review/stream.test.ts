// Review and replay read a large generated log in one streaming pass: their figures equal a direct
// count of the log, and the near-miss state stays bounded by the conversations open at once, not by
// the length of the log. (Memory and speed are measured by `npm run bench`, not asserted here.)
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import { generateLog } from "../../review/generate.ts";
import { replay } from "../../review/replay.ts";
import { review } from "../../review/review.ts";
import { logDir } from "./helpers.ts";

const LINES = 120_000;

describe("a large generated log", () => {
  const model = check(readFileSync(join(import.meta.dirname, "../../examples/support.handoff"), "utf8"), { fileName: "support.handoff" }).model!;
  const cwd = logDir({});
  const byAction: Record<string, number> = { answer: 0, route: 0, escalate: 0, stop: 0 };
  const byRule = new Map<string, number>();
  const conversations = new Set<string>();
  let events = 0;
  const fd = openSync(join(cwd, "log.jsonl"), "w");
  let batch: string[] = [];
  for (const line of generateLog(model, { lines: LINES, seed: "stream" })) {
    batch.push(line);
    if (batch.length === 5000) writeSync(fd, batch.join("\n") + "\n"), (batch = []);
    // A direct count, by string matching rather than the reader under test.
    const rule = /"decision":\{"action":"(\w+)","rule":"([^"]+)"/.exec(line);
    if (rule) {
      byAction[rule[1]!]!++;
      byRule.set(rule[2]!, (byRule.get(rule[2]!) ?? 0) + 1);
    } else events++;
    conversations.add(/"conversationId":"([^"]+)"/.exec(line)![1]!);
  }
  writeSync(fd, batch.join("\n") + "\n");
  closeSync(fd);
  const decisions = LINES - events;
  let full: Awaited<ReturnType<typeof review>>;

  it("reviews it with figures equal to a direct count and bounded state", async () => {
    const r = (full = await review(["log.jsonl"], { cwd, sample: 3 }));
    expect(r.lines).toBe(LINES);
    expect(r.bad.count).toBe(0);
    expect(r.events).toBe(events);
    expect(Object.fromEntries(r.actions.map((a) => [a.action, a.decisions]))).toEqual(byAction);
    expect(new Map(r.rules.map((x) => [x.rule, x.decisions]))).toEqual(byRule);
    for (const a of r.actions) expect(a.share).toBeCloseTo(byAction[a.action]! / decisions, 12);
    // Every kind of near miss occurs; a decision flagged twice counts once.
    for (const k of r.nearMisses) expect(k.count).toBeGreaterThan(0);
    const flagged = r.actions.reduce((n, a) => n + a.nearMisses, 0);
    expect(flagged).toBe(r.nearMissDecisions);
    expect(r.rules.reduce((n, x) => n + x.nearMisses, 0)).toBe(flagged);
    expect(r.nearMisses.reduce((n, k) => n + k.count, 0)).toBeGreaterThanOrEqual(flagged);
    expect(r.peakOpenConversations).toBeLessThanOrEqual(conversations.size);
  });

  it("keeps at most maxOpen conversations, with the same counts", async () => {
    const bounded = await review(["log.jsonl"], { cwd, sample: 3, maxOpen: 1000 });
    expect(bounded.peakOpenConversations).toBeLessThanOrEqual(1001);
    expect(bounded.actions.map((a) => a.decisions)).toEqual(full.actions.map((a) => a.decisions));
    expect(bounded.sample).toEqual(full.sample);
  });

  it("replays it against the same contract without a change", async () => {
    const r = await replay(model, ["log.jsonl"], { cwd });
    expect(r.decisions).toBe(decisions);
    expect(r.changed).toBe(0);
  });
});
