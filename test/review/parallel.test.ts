// A large log is parsed by worker threads (review/heads-stream.ts); the review must be exactly the one
// this thread makes alone, whatever the batches: bad and blank lines, CRLF, a multi-byte character cut
// by no batch, several files, a last line without its newline.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import { generateLog } from "../../review/generate.ts";
import { review } from "../../review/review.ts";

describe("review with worker threads", () => {
  it("gives exactly the review of a single thread on a multi-batch log", async () => {
    const model = check(readFileSync(join(import.meta.dirname, "../../examples/support.handoff"), "utf8"), { fileName: "support.handoff" }).model!;
    const lines = [...generateLog(model, { lines: 6_000, seed: "parallel" })];
    // Damage a few lines, add blanks and CRLF line ends, and a non-ASCII character.
    lines[17] = "{not json";
    lines[2_500] = "";
    lines[4_000] = lines[4_000]!.replace('"type":"decision"', '"type":"memo"');
    lines[4_500] = lines[4_500]!.replace("support-desk", "support-desk — ünïcode");
    const dir = mkdtempSync(join(tmpdir(), "handoff-parallel-"));
    writeFileSync(join(dir, "a.jsonl"), lines.slice(0, 3_000).join("\r\n") + "\r\n");
    writeFileSync(join(dir, "b.jsonl"), lines.slice(3_000).join("\n"));
    const files = ["a.jsonl", "b.jsonl"];
    expect(readFileSync(join(dir, "b.jsonl")).length).toBeGreaterThan(2 * 2 ** 20);

    const alone = await review(files, { cwd: dir, sample: 7, seed: "s", workers: 0 });
    const parallel = await review(files, { cwd: dir, sample: 7, seed: "s", workers: 2 });
    expect(parallel).toEqual(alone);
    expect(alone.bad.first.map((b) => [b.file, b.line])).toEqual([
      ["a.jsonl", 18],
      ["b.jsonl", 1_001],
    ]);
    expect(alone.lines).toBe(5_999);
    expect(alone.sample.answer.length).toBe(7);
    // Each sampled decision is the line its file and line number name.
    const byFile = Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), "utf8").split(/\r?\n/)]));
    for (const s of Object.values(parallel.sample).flat()) {
      const logged = JSON.parse(byFile[s.file]![s.line - 1]!);
      expect([s.conversationId, s.turn, s.signals]).toEqual([logged.conversationId, logged.turn, logged.signals]);
    }
  }, 60_000);
});
