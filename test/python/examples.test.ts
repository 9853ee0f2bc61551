// The Python recipes of docs/python.md (examples/python/), run as a user runs them: support.py built by
// the CLI beside them, then python3. The gate answers a plain question and hands off an upset repeat
// contact and invalid signals; the logging loop writes lines that match the documented schemas and
// that `handoff review` reads in full, with no bad line.
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, tempDir } from "../support/cli.ts";

const root = resolve(import.meta.dirname, "../..");
const recipes = join(root, "examples", "python");
let dir = "";

beforeAll(async () => {
  dir = tempDir({ "support.handoff": readFileSync(join(root, "examples", "support.handoff"), "utf8") });
  const run = await cli(dir, ["build", "support.handoff", "--target", "python"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  for (const recipe of ["gate.py", "log_decisions.py"]) copyFileSync(join(recipes, recipe), join(dir, recipe));
});

function python(args: readonly string[]): string {
  const r = spawnSync("python3", args, { cwd: dir, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}

describe("the recipes", () => {
  it("parse as Python 3.9", () => {
    const parse = "import ast, sys\nfor f in sys.argv[1:]:\n    ast.parse(open(f).read(), f, feature_version=(3, 9))";
    python(["-c", parse, "gate.py", "log_decisions.py"]);
  });
});

describe("examples/python/gate.py", () => {
  it("lets the assistant answer a plain question and hands off the rest with the brief", () => {
    const turns = python(["gate.py"]).split(/^turn \d+:\n/m).slice(1);
    expect(turns).toHaveLength(3);
    const [plain, angry, invalid] = turns as [string, string, string];
    expect(plain).toBe("  decision: answer (rule otherwise)\n  assistant: (the assistant's own answer)\n");
    expect(angry).toContain("  handoff: escalate to Senior support by 2026-11-12T20:40:00.000Z\n");
    expect(angry).toContain('"stillToCollect": ["preferredTime"], "doNotReAsk": ["accountNumber"]');
    expect(angry).toContain("  decision: escalate (rule angry_repeat)\n  assistant: I'm bringing in a senior colleague.");
    expect(invalid).toContain("  handoff: stop to Senior support by 2026-11-12T19:10:00.000Z\n");
    expect(invalid).toContain("  decision: stop (rule invalid-input)\n  assistant: Something went wrong on our side.");
  });
});

describe("examples/python/log_decisions.py", () => {
  it("writes schema-valid lines that handoff review reads in full", async () => {
    const out = python(["log_decisions.py", "decisions.jsonl"]);
    expect(out).toContain("chat-2 turn 1: escalate (rule angry_repeat)\n");
    expect(out).toContain("chat-4 turn 1: stop (rule invalid-input)\n");
    expect(out).toMatch(/appended 5 decisions and 5 events to decisions\.jsonl\n$/);

    const ajv = new Ajv2020({ strict: false, allowUnionTypes: true });
    ajv.addFormat("date-time", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(join(root, "docs", "schema", name), "utf8")) as object);
    const valid = { decision: schema("decision-line.schema.json"), event: schema("event-line.schema.json") };
    const lines = readFileSync(join(dir, "decisions.jsonl"), "utf8").split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(10);
    for (const line of lines) {
      const parsed = JSON.parse(line) as { type: "decision" | "event"; context?: { collected: Record<string, unknown> } };
      const check = valid[parsed.type];
      expect(check(parsed), `${line}\n${JSON.stringify(check.errors)}`).toBe(true);
      if (parsed.type === "decision") expect(parsed.context!.collected).toEqual({ email: "[redacted]" });
    }
    expect(lines.join("\n")).not.toContain("customer@example.com");

    const run = await cli(dir, ["review", "decisions.jsonl", "--contract", "support.handoff", "--out", "report.json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as { lines: number; decisions: number; events: number; bad: { count: number } };
    expect({ lines: report.lines, decisions: report.decisions, events: report.events, bad: report.bad.count }).toEqual({ lines: 10, decisions: 5, events: 5, bad: 0 });
    expect(run.stdout).toContain("near misses: 2 decisions — asked-for-human-after-answer 1");
  });
});
