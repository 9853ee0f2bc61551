// `handoff test FILE...`: per-test lines, the counterexample of a failure, the closing line, exit codes,
// and every example contract's tests.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import { interpret } from "../../compiler/interpret.ts";
import { cli, tempDir } from "../support/cli.ts";

const desk = `signals {
  sentiment: number in -1..1
  repeat: bool
  waiting: duration
  tier: free | pro
}
owners { senior: "Senior support" }
rule angry when sentiment < -0.5 and repeat then escalate to senior within 2h
rule slow when waiting > 1h and tier is pro then route to senior within 1d
otherwise answer

test "angry customers reach a senior" given sentiment = -0.9, repeat = true expect escalate to senior within 2h
test "calm customers are answered" given sentiment = 0.5 expect answer
test "nothing stops" expect not stop
test "slow pro customers are at least routed" given waiting = 2h, tier = pro expect at least route
`;

const allPass = `signals { vip: bool }
when vip then route to "desk"
otherwise answer
test "vip routes" given vip = true expect route to desk
test "others are answered" given vip = false expect answer
`;

const broken = `signals { vip: bool }
when vip then route to "desk"
otherwise answer
test "bad" given vp = true expect answer
`;

const lastLine = (text: string) => text.trimEnd().split("\n").pop();

describe("handoff test", () => {
  it("marks each test, prints a real counterexample for a failure, closes with the counts and exits 1", async () => {
    const dir = tempDir({ "desk.handoff": desk });
    const run = await cli(dir, ["test", "desk.handoff"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const lines = run.stdout.split("\n");
    expect(lines.filter((l) => /^[✓✗] /.test(l))).toEqual([
      "✓ angry customers reach a senior",
      "✗ calm customers are answered",
      "✓ nothing stops",
      "✓ slow pro customers are at least routed",
    ]);
    expect(lastLine(run.stdout)).toBe("3 passed, 1 failed");
    expect(run.stdout.endsWith("\n3 passed, 1 failed\n")).toBe(true);

    // The counterexample: given signals first, printed as `check` prints examples (strings in double
    // quotes, durations in seconds), and the decision it got.
    const failure = lines.slice(lines.indexOf("✗ calm customers are answered") + 1, lines.indexOf("✓ nothing stops"));
    expect(failure[0]).toBe("    expected:       answer");
    const shown = /^ {4}counterexample: (.*)$/.exec(failure[1]!)![1]!;
    expect(shown).toMatch(/^sentiment = 0\.5, repeat = (true|false), waiting = \d+(\.\d+)?, tier = "pro"$/);
    expect(failure[2]).toBe("    decision:       route to senior (Senior support) within 1d, by rule slow");

    // Read the counterexample back (every value is JSON) and run it through the interpreter: it really is routed.
    const values: Record<string, unknown> = {};
    for (const pair of shown.split(", ")) {
      const [name, text] = pair.split(" = ") as [string, string];
      values[name] = JSON.parse(text);
    }
    const decision = interpret(check(desk).model!, values);
    expect([decision.action, decision.rule]).toEqual(["route", "slow"]);
  });

  it("exits 0 when every test passes", async () => {
    const dir = tempDir({ "vip.handoff": allPass });
    const run = await cli(dir, ["test", "vip.handoff"]);
    expect(run).toEqual({ code: 0, stdout: "✓ vip routes\n✓ others are answered\n2 passed, 0 failed\n", stderr: "" });
  });

  it("runs every file, with a header per file and one closing line for all", async () => {
    const dir = tempDir({ "desk.handoff": desk, "vip.handoff": allPass });
    const run = await cli(dir, ["test", "desk.handoff", "vip.handoff"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("desk.handoff\n  ✓ angry customers reach a senior\n");
    expect(run.stdout).toContain("vip.handoff\n  ✓ vip routes\n  ✓ others are answered\n");
    expect(run.stdout.match(/passed, /g)).toHaveLength(1);
    expect(lastLine(run.stdout)).toBe("5 passed, 1 failed");
  });

  it("exits 1 with the diagnostics on standard error when a contract has errors, and still runs the others", async () => {
    const dir = tempDir({ "broken.handoff": broken, "vip.handoff": allPass });
    const run = await cli(dir, ["test", "broken.handoff", "vip.handoff"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("broken.handoff:4:18 error unknown-signal:");
    expect(lastLine(run.stdout)).toBe("2 passed, 0 failed");
  });

  it("--format json gives every result with its counterexample", async () => {
    const dir = tempDir({ "desk.handoff": desk });
    const run = await cli(dir, ["test", "desk.handoff", "--format", "json"]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ passed: 3, failed: 1, files: [{ file: "desk.handoff" }] });
    const failed = out.files[0].tests.find((t: { passed: boolean }) => !t.passed);
    expect(failed).toMatchObject({ name: "calm customers are answered", expected: "answer", counterexample: { input: { sentiment: 0.5, tier: "pro" }, decision: { rule: "slow" } } });
  });

  it("rejects bad usage with exit 2", async () => {
    const dir = tempDir({ "desk.handoff": desk });
    for (const args of [["test"], ["test", "nope.handoff"], ["test", "desk.handoff", "--format", "xml"], ["test", "--bogus", "desk.handoff"]]) {
      const run = await cli(dir, args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr, args.join(" ")).toMatch(/^handoff: [^\n]*\n$/);
    }
  });
});

describe("the examples", () => {
  const examples = join(import.meta.dirname, "../../examples");
  const files = readdirSync(examples).filter((f) => f.endsWith(".handoff")).sort();

  it("has example contracts with tests", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("every test block of %s passes", async (file) => {
    const run = await cli(examples, ["test", file]);
    expect(run.stdout).not.toContain("✗");
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(lastLine(run.stdout)).toMatch(/^[1-9]\d* passed, 0 failed$/);
  });
});
