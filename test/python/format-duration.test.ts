// `{waiting}` prints a duration in words; the TypeScript and Python runtimes must print the same words
// for every duration a module can be given (whole, fractional, at the rounding edge, huge).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { compile } from "../../compiler/compile.ts";
import { interpret } from "../../compiler/interpret.ts";
import { formatDuration } from "../../runtime/prelude/assembly.ts";

const runtime = join(import.meta.dirname, "../../runtime/python/runtime.py");
const python = String.raw`
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("r", sys.argv[1]); r = importlib.util.module_from_spec(spec); spec.loader.exec_module(r)
print(json.dumps([r._format_duration(v) for v in json.load(sys.stdin)]))
`;

describe("durations in words", () => {
  it("read as a support manager reads them", () => {
    expect([2700, 5400, 86400, 90061, 0, 0.4, 0.5, 59.5, 3599.6, 1e300].map(formatDuration)).toEqual([
      "45 minutes",
      "1 hour 30 minutes",
      "1 day",
      "1 day 1 hour 1 minute 1 second",
      "0 seconds",
      "0 seconds",
      "1 second",
      "1 minute",
      "1 hour",
      "1e+300 seconds",
    ]);
  });

  it("are the same words in Python", () => {
    const values = [
      ...fc.sample(fc.integer({ min: 0, max: 10 * 365 * 86400 }), { numRuns: 3000, seed: 3 }),
      ...fc.sample(fc.double({ min: 0, max: 1e7, noNaN: true }), { numRuns: 2000, seed: 4 }),
      ...fc.sample(fc.integer({ min: 0, max: 100000 }).map((n) => n + 0.5), { numRuns: 500, seed: 5 }),
      2 ** 53 - 1, 2 ** 53, 2 ** 60, 1e21, 1.5e300, Number.MAX_VALUE,
    ];
    const run = spawnSync("python3", ["-c", python, runtime], { input: JSON.stringify(values), encoding: "utf8" });
    expect(run.stderr).toBe("");
    const words = JSON.parse(run.stdout) as string[];
    values.forEach((v, i) => expect(words[i], String(v)).toBe(formatDuration(v)));
  });

  it("are what the compiled module and the interpreter print for {waiting}, raw seconds kept in the evidence", async () => {
    const source = `signals { waiting: duration }
owners { senior: "Senior" }
rule slow when waiting > 10m then escalate to senior within 1h reason "waiting {waiting}" say "You have waited {waiting}."
otherwise answer reason "waited {waiting}"
`;
    const { output, model } = await compile(source, { fileName: "waits.handoff" });
    const file = join(mkdtempSync(join(tmpdir(), "handoff-waits-")), "waits.ts");
    writeFileSync(file, output!);
    const { decide } = (await import(pathToFileURL(file).href)) as { decide: typeof interpret extends (m: never, ...a: infer A) => infer R ? (...a: A) => R : never };
    const now = { now: "2026-12-04T10:00:00Z" };
    for (const waiting of [2700, 5400.4, 0, 59.5]) {
      const decision = decide({ waiting }, now);
      expect(decision).toEqual(interpret(model!, { waiting }, now));
      expect(decision.reasons[0]).toBe(`${waiting > 600 ? "waiting" : "waited"} ${formatDuration(waiting)}`);
    }
    expect(decide({ waiting: 2700 }).say).toBe("You have waited 45 minutes.");
    expect(decide({ waiting: 2700 }).brief!.evidence.signals).toEqual({ waiting: 2700 });
  });
});
