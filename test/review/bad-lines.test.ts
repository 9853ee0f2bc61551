import { describe, expect, it } from "vitest";
import { review } from "../../review/review.ts";
import { replay } from "../../review/replay.ts";
import { check } from "../../compiler/compile.ts";
import { decision, event, logDir } from "./helpers.ts";

describe("bad lines", () => {
  it("are counted with their line numbers and reasons, and never stop the review", async () => {
    const cwd = logDir({
      "log.jsonl": [
        decision({ conv: "a", turn: 1, action: "answer" }),
        "{not json",
        "",
        JSON.stringify([1, 2]),
        event("a", 2, "coffee-break"),
        JSON.stringify({ type: "decision", ts: "yesterday", conversationId: "a", turn: 1 }),
        decision({ conv: "a", turn: 3, action: "answer" }).replace('"action":"answer"', '"action":"maybe"'),
        event("a", 2, "asked-for-human"),
        JSON.stringify({ type: "note", ts: "2026-11-02T09:00:00Z", conversationId: "a", turn: 1 }),
        decision({ conv: "b", turn: 1, action: "route" }),
        JSON.stringify({ a: 1 }),
        decision({ conv: "c", turn: 1, action: "answer" }).replace('"collected":{},', ""),
        decision({ conv: "c", turn: 2, action: "answer" }).replace(/"now":"[^"]*",/, ""),
      ],
    });
    const r = await review(["log.jsonl"], { cwd });
    expect(r.bad.count).toBe(9);
    expect(r.bad.first).toEqual([
      { file: "log.jsonl", line: 2, reason: "not JSON" },
      { file: "log.jsonl", line: 4, reason: "not a JSON object" },
      { file: "log.jsonl", line: 5, reason: 'unknown event "coffee-break"' },
      { file: "log.jsonl", line: 6, reason: "`ts` is not an ISO-8601 time" },
      { file: "log.jsonl", line: 7, reason: "`decision.action` is not answer, route, escalate or stop" },
      { file: "log.jsonl", line: 9, reason: '`type` is "note", not "decision" or "event"' },
      { file: "log.jsonl", line: 11, reason: "no `type`" },
      { file: "log.jsonl", line: 12, reason: "`context.collected` is not an object" },
      { file: "log.jsonl", line: 13, reason: "`context.now` is not an ISO-8601 time" },
    ]);
    expect(r.decisions).toBe(2);
    expect(r.events).toBe(1);
    expect(r.nearMisses.find((k) => k.kind === "asked-for-human-after-answer")!.count).toBe(1);
  });

  it("keep the first 20 and count the rest, across files", async () => {
    const cwd = logDir({ "one.jsonl": Array.from({ length: 15 }, () => "x"), "two.jsonl": [decision({ conv: "a", turn: 1, action: "answer" }), ...Array.from({ length: 15 }, () => "y")] });
    const r = await review(["one.jsonl", "two.jsonl"], { cwd });
    expect(r.bad.count).toBe(30);
    expect(r.bad.first).toHaveLength(20);
    expect(r.bad.first[15]).toEqual({ file: "two.jsonl", line: 2, reason: "not JSON" });
    const model = check("signals { n: int }\notherwise answer\n").model!;
    expect((await replay(model, ["one.jsonl", "two.jsonl"], { cwd })).bad.count).toBe(30);
  });
});
