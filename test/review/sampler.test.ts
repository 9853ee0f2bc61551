import { describe, expect, it } from "vitest";
import { seededRandom } from "../../review/random.ts";
import { review } from "../../review/review.ts";
import { Reservoir } from "../../review/sampler.ts";
import { decision, logDir } from "./helpers.ts";

const lines = [
  ...Array.from({ length: 40 }, (_, i) => decision({ conv: `a${i}`, turn: 1, action: "answer", minute: i })),
  ...Array.from({ length: 12 }, (_, i) => decision({ conv: `r${i}`, turn: 1, action: "route", minute: 100 + i })),
  decision({ conv: "s0", turn: 1, action: "stop", minute: 200 }),
  decision({ conv: "s1", turn: 1, action: "stop", minute: 201 }),
];
const cwd = logDir({ "log.jsonl": lines });
const sampleOf = async (seed: string, sample = 5) => (await review(["log.jsonl"], { cwd, seed, sample })).sample;

describe("the stratified sample", () => {
  it("is the same for the same seed and log", async () => {
    expect(await sampleOf("week-46")).toEqual(await sampleOf("week-46"));
  });

  it("takes N decisions per action, fewer when fewer exist, each of that action", async () => {
    const s = await sampleOf("week-46");
    expect(s.answer).toHaveLength(5);
    expect(s.route).toHaveLength(5);
    expect(s.stop.map((d) => d.conversationId)).toEqual(["s0", "s1"]);
    expect(s.escalate).toEqual([]);
    for (const action of ["answer", "route", "stop"] as const) for (const d of s[action]) expect(d.action).toBe(action);
    expect(new Set(s.answer.map((d) => d.line)).size).toBe(5);
  });

  it("changes with the seed", async () => {
    const lines = async (seed: string) => (await sampleOf(seed)).answer.map((d) => d.line);
    expect(await lines("a")).not.toEqual(await lines("b"));
  });
});

describe("reservoir sampling", () => {
  it("keeps every item with about equal probability", () => {
    const hits = new Array(20).fill(0);
    for (let run = 0; run < 2000; run++) {
      const r = new Reservoir<number>(5, seededRandom(run));
      for (let i = 0; i < 20; i++) r.offer(() => i);
      for (const i of r.items) hits[i]++;
    }
    // Each item is kept with probability 5/20: 500 expected in 2000 runs.
    for (const h of hits) expect(h).toBeGreaterThan(400), expect(h).toBeLessThan(600);
  });
});
