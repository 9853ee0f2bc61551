import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../support/cli.ts";

const good = `contract "desk"
signals { sentiment: number in -1..1  vip: bool = false }
owners { senior: "Senior support" }
rule upset when sentiment < -0.5 then escalate to senior within 2h reason "sentiment {sentiment}"
otherwise answer
`;
const broken = `signals { sentiment: number in -1..1 }
rule upset when sentimnt < -0.5 then escalate to "senior" within 2h
otherwise answer
`;

describe("handoff check", () => {
  it("prints file:line:col severity code: message with the source line, a caret and the hint, and exits 1", async () => {
    const dir = tempDir({ "broken.handoff": broken });
    const run = await cli(dir, ["check", "broken.handoff"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("broken.handoff:2:17 error unknown-signal:");
    expect(run.stdout).toContain(" 2 | rule upset when sentimnt < -0.5");
    expect(run.stdout).toContain("   |                 ^^^^^^^^\n");
    expect(run.stdout).toMatch(/hint: .*`sentiment`/);
  });

  it("exits 0 for a clean contract and says so", async () => {
    const dir = tempDir({ "desk.handoff": good });
    const run = await cli(dir, ["check", "desk.handoff"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe("desk.handoff: no problems\n");
  });

  it("--format json prints one array of diagnostics for all files", async () => {
    const dir = tempDir({ "a.handoff": broken, "b.handoff": good });
    const run = await cli(dir, ["check", "a.handoff", "b.handoff", "--format", "json"]);
    expect(run.code).toBe(1);
    const parsed = JSON.parse(run.stdout);
    expect(parsed).toEqual([
      expect.objectContaining({ file: "a.handoff", line: 2, column: 17, endLine: 2, endColumn: 25, severity: "error", code: "unknown-signal" }),
    ]);
    expect(parsed[0].hint).toContain("sentiment");
  });

  it("rejects unknown options, formats and missing files with exit 2 and one line", async () => {
    const dir = tempDir({ "desk.handoff": good });
    for (const args of [["check", "--frmat", "json", "desk.handoff"], ["check", "desk.handoff", "--format", "xml"], ["check", "nope.handoff"], ["check"], ["bogus"]]) {
      const run = await cli(dir, args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(run.stderr).toMatch(/^handoff: /);
    }
  });
});

describe("handoff build", () => {
  it("writes <name>.ts beside the contract by default", async () => {
    const dir = tempDir({ "desk.handoff": good });
    const run = await cli(dir, ["build", "desk.handoff"]);
    expect(run.code).toBe(0);
    const text = readFileSync(join(dir, "desk.ts"), "utf8");
    expect(text).toContain("export function decide(");
  });

  it("writes into --out DIR, creating it", async () => {
    const dir = tempDir({ "desk.handoff": good });
    const run = await cli(dir, ["build", "desk.handoff", "--out", "gen/nested"]);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, "gen/nested/desk.ts"))).toBe(true);
  });

  it("writes nothing when the contract has errors", async () => {
    const dir = tempDir({ "broken.handoff": broken });
    const run = await cli(dir, ["build", "broken.handoff", "--out", "out"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("unknown-signal");
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["broken.handoff"]);
  });
});

describe("handoff run", () => {
  it("prints the decision for an input file", async () => {
    const dir = tempDir({ "desk.handoff": good, "in.json": JSON.stringify({ signals: { sentiment: -0.8 }, context: { now: "2026-11-24T10:00:00Z" } }) });
    const run = await cli(dir, ["run", "desk.handoff", "--input", "in.json"]);
    expect(run.code).toBe(0);
    const decision = JSON.parse(run.stdout);
    expect(decision).toMatchObject({
      action: "escalate",
      rule: "upset",
      owner: "senior",
      ownerName: "Senior support",
      deadline: "2026-11-24T12:00:00.000Z",
      reasons: ["sentiment -0.8"],
    });
  });

  it("reads the input from standard input with -", async () => {
    const dir = tempDir({ "desk.handoff": good });
    const run = await cli(dir, ["run", "desk.handoff", "--input", "-"], JSON.stringify({ signals: { sentiment: 0.3 } }));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ action: "answer", rule: "otherwise" });
  });

  it("gives the invalid-input decision for signals that fail validation", async () => {
    const dir = tempDir({ "desk.handoff": good });
    const run = await cli(dir, ["run", "desk.handoff", "--input", "-"], JSON.stringify({ signals: { sentiment: 4, vip: "yes" } }));
    expect(run.code).toBe(0);
    const decision = JSON.parse(run.stdout);
    expect(decision).toMatchObject({ action: "stop", rule: "invalid-input" });
    expect(decision.invalid.map((p: { signal: string }) => p.signal)).toEqual(["sentiment", "vip"]);
  });

  it("exits 2 with one line for unreadable, non-JSON or misshapen input", async () => {
    const dir = tempDir({ "desk.handoff": good, "bad.json": "{ not json" });
    const cases: [string[], string, RegExp][] = [
      [["run", "desk.handoff", "--input", "bad.json"], "", /`bad.json` is not JSON/],
      [["run", "desk.handoff", "--input", "missing.json"], "", /cannot read `missing.json`/],
      [["run", "desk.handoff", "--input", "-"], "[1,2]", /must be a JSON object/],
      [["run", "desk.handoff", "--input", "-"], '{"signal": {}}', /unknown key `signal`/],
      [["run", "desk.handoff"], "", /missing --input/],
      [["run", "desk.handoff", "--input", "-", "--fast"], "{}", /unknown option `--fast`/],
    ];
    for (const [args, stdin, message] of cases) {
      const run = await cli(dir, args, stdin);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
  });

  it("exits 1 with diagnostics when the contract has errors", async () => {
    const dir = tempDir({ "broken.handoff": broken });
    const run = await cli(dir, ["run", "broken.handoff", "--input", "-"], '{"signals": {}}');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("unknown-signal");
  });
});

describe("help and version", () => {
  it("prints help for the tool and each command, with the exit codes", async () => {
    const dir = tempDir();
    const top = await cli(dir, ["--help"]);
    expect(top.code).toBe(0);
    for (const command of ["check", "build", "run"]) {
      expect(top.stdout).toContain(command);
      const help = await cli(dir, [command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: handoff ${command}`);
      expect(help.stdout).toContain("Exit codes:");
    }
  });

  it("the installed bin runs from the repository root through npx", () => {
    const root = resolve(import.meta.dirname, "../..");
    const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
    expect(execFileSync("npx", ["--no-install", "handoff", "--version"], { cwd: root, encoding: "utf8" })).toBe(`handoff ${version}\n`);
    const bad = spawnSync("npx", ["--no-install", "handoff", "frobnicate"], { cwd: root, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown command `frobnicate`");
  });
});

describe("handoff check: analyses in the output", () => {
  const ordered = `signals { sentiment: number in -1..1  vip: bool }
owners { senior: "Senior support"  sales: "Sales" }
rule upset when sentiment < -0.5 then route to senior within 1h
rule vip when vip then route to sales within 1h
rule noisy when sentiment >= -1 and vip then answer
otherwise answer
`;

  it("counts info notes instead of printing them, unless --info", async () => {
    const dir = tempDir({ "c.handoff": ordered });
    const quiet = await cli(dir, ["check", "c.handoff"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain("info ambiguous-owner");
    expect(quiet.stdout).toMatch(/c\.handoff: .*info \(not shown; `--info` shows them\)\n$/);
    const loud = await cli(dir, ["check", "c.handoff", "--info"]);
    expect(loud.stdout).toContain("info ambiguous-owner");
    expect(loud.stdout).toMatch(/example: sentiment = -?[\d.]+, vip = true/);
    const json = JSON.parse((await cli(dir, ["check", "c.handoff", "--format", "json"])).stdout);
    expect(json.map((d: { code: string }) => d.code)).toContain("ambiguous-owner");
  });

  it("--witnesses prints, for every rule that can win, an input on which it really wins", async () => {
    const dir = tempDir({ "c.handoff": ordered });
    const run = await cli(dir, ["check", "c.handoff", "--witnesses", "--format", "json"]);
    const { witnesses } = JSON.parse(run.stdout) as { witnesses: { rule: string; example: Record<string, unknown> }[] };
    const { check } = await import("../../compiler/compile.ts");
    const { interpret } = await import("../../compiler/interpret.ts");
    const model = check(ordered).model!;
    // `noisy` can never win (`vip` always beats it), so it has no witness.
    expect(witnesses.map((w) => w.rule).sort()).toEqual(["upset", "vip"]);
    for (const w of witnesses) expect(interpret(model, w.example).rule).toBe(w.rule);
    const human = await cli(dir, ["check", "c.handoff", "--witnesses"]);
    expect(human.stdout).toMatch(/^rule upset: sentiment = -?[\d.]+, vip = (true|false)$/m);
  });
});

describe("handoff check: many diagnostics", () => {
  // 60 rules that `r0` always beats (60 unreachable-rule warnings) and 2 never satisfiable.
  const ladder = [
    `signals { n: int in 0..  a: bool = false }`,
    `owners { team: "Team" }`,
    ...Array.from({ length: 61 }, (_, i) => `rule r${i} when n > ${i} and a then route to team`),
    `rule never1 when n < 0 then answer`,
    `rule never2 when n < 0 and a then answer`,
    `otherwise answer`,
    "",
  ].join("\n");
  const headers = (stdout: string) => stdout.split("\n").filter((l) => /^\S+:\d+:\d+ /.test(l));

  it("summarise a file past 50 shown diagnostics: per code its count and the first 3, then what was left out", async () => {
    const dir = tempDir({ "l.handoff": ladder });
    const run = await cli(dir, ["check", "l.handoff"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("l.handoff: unreachable-rule: 60 warnings, the first 3 below\n");
    expect(run.stdout).toContain("l.handoff: unsatisfiable-condition: 2 warnings\n");
    expect(headers(run.stdout).map((l) => /rule `(\w+)`/.exec(l)![1])).toEqual(["r1", "r2", "r3", "never1", "never2"]);
    expect(run.stdout).toContain(" 5 | rule r2 when n > 2 and a then route to team\n");
    expect(run.stdout).toMatch(/l\.handoff: 57 more not shown; `--all` prints every one, `--format json` lists them all\nl\.handoff: 62 warnings\n$/);
  });

  it("--all prints every diagnostic, and --format json always lists every one", async () => {
    const dir = tempDir({ "l.handoff": ladder });
    const all = await cli(dir, ["check", "l.handoff", "--all"]);
    expect(headers(all.stdout)).toHaveLength(62);
    expect(all.stdout).not.toContain("more not shown");
    const json = JSON.parse((await cli(dir, ["check", "l.handoff", "--format", "json"])).stdout);
    expect(json).toHaveLength(62);
  });

  it("build summarises the same way on stderr, pointing at check --all, and still writes the module", async () => {
    const dir = tempDir({ "l.handoff": ladder });
    const run = await cli(dir, ["build", "l.handoff", "--out", "out"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("l.handoff: unreachable-rule: 60 warnings, the first 3 below\n");
    expect(headers(run.stderr)).toHaveLength(5);
    expect(run.stderr).toMatch(/l\.handoff: 57 more not shown; `handoff check --all l\.handoff` prints every one\nl\.handoff: 62 warnings\n$/);
    expect(existsSync(join(dir, "out", "l.ts"))).toBe(true);
  });

  it("print every diagnostic when there are 50 or fewer to show", async () => {
    const fifty = ladder.split("\n").filter((l) => !/^rule r(5[1-9]|60) /.test(l) && !l.startsWith("rule never")).join("\n");
    const dir = tempDir({ "f.handoff": fifty });
    const run = await cli(dir, ["check", "f.handoff"]);
    expect(headers(run.stdout)).toHaveLength(50);
    expect(run.stdout).not.toContain("more not shown");
  });
});

describe("handoff check --now", () => {
  const contract = [
    `calendars { office: "Europe/Berlin" mon-fri 09:00-17:30 closed ["2026-12-24", "2026-12-25"] }`,
    `signals { upset: bool }`,
    `owners { senior: "Senior support" hours office }`,
    `rule angry when upset then escalate to senior within 3d`,
    `otherwise answer`,
    "",
  ].join("\n");

  it("looks ahead from the instant given, so the findings of owners' hours do not move with the clock", async () => {
    const dir = tempDir({ "h.handoff": contract });
    // Christmas Eve is a Thursday: closed from Wed 23 December 17:30 to Mon 28 December 09:00.
    const before = await cli(dir, ["check", "h.handoff", "--now", "2026-12-01T00:00:00Z"]);
    expect(before.stdout).toContain("promise-outside-hours: rule `angry` promises `senior` within 3d, but `senior` (hours `office`) is closed from Wed 2026-12-23 17:30 (+01:00) until Mon 2026-12-28 09:00 (+01:00)");
    const after = await cli(dir, ["check", "h.handoff", "--now", "2026-12-28"]);
    expect(after.stdout).toBe("h.handoff: no problems\n");
  });

  it("refuses what is not an instant, naming it", async () => {
    const dir = tempDir({ "h.handoff": contract });
    for (const bad of ["tomorrow", "2026-13-01", "2026-12-01T10:00"]) {
      const run = await cli(dir, ["check", "h.handoff", "--now", bad]);
      expect(run.code, bad).toBe(2);
      expect(run.stderr).toContain(`--now must be an ISO 8601 instant such as 2026-12-04T09:00:00Z, not \`${bad}\``);
    }
  });
});
