import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { cli } from "../support/cli.ts";
import { decision, event, logDir } from "./helpers.ts";

const examples = join(import.meta.dirname, "../../examples");
const support = join(examples, "support.handoff");

describe("handoff gen-log", () => {
  it.each(["support", "clinic-intake", "b2b-sales", "property-viewings"])("writes a reviewable log for examples/%s.handoff", async (name) => {
    const cwd = logDir({});
    const gen = await cli(cwd, ["gen-log", join(examples, `${name}.handoff`), "--lines", "2000", "--seed", "3", "--out", "log.jsonl"]);
    expect(gen.code).toBe(0);
    const lines = readFileSync(join(cwd, "log.jsonl"), "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(2000);
    const r = await cli(cwd, ["review", "log.jsonl"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/bad line/);
    expect(r.stdout).toMatch(/answer [1-9]/);
    // Several turns per conversation, and the same log for the same seed.
    const turns = new Map<string, number>();
    for (const l of lines) turns.set(JSON.parse(l).conversationId, Math.max(turns.get(JSON.parse(l).conversationId) ?? 0, JSON.parse(l).turn));
    expect([...turns.values()].filter((t) => t >= 2).length).toBeGreaterThan(turns.size / 2);
    expect((await cli(cwd, ["gen-log", join(examples, `${name}.handoff`), "--lines", "2000", "--seed", "3"])).stdout).toBe(lines.join("\n") + "\n");
  });

  it("writes lines within --since and --until, and rejects a bad date naming the option", async () => {
    const cwd = logDir({});
    const r = await cli(cwd, ["gen-log", support, "--lines", "500", "--since", "2026-12-07", "--until", "2026-12-07"]);
    expect(r.code).toBe(0);
    const ms = r.stdout.trimEnd().split("\n").map((l) => Date.parse(JSON.parse(l).ts));
    expect(Math.min(...ms)).toBeGreaterThanOrEqual(Date.parse("2026-12-07T00:00:00Z"));
    expect(Math.max(...ms)).toBeLessThan(Date.parse("2026-12-08T00:00:00Z"));
    const bad = await cli(cwd, ["gen-log", support, "--lines", "5", "--since", "next week"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("gen-log: --since must be an ISO date such as 2026-11-02");
    const backwards = await cli(cwd, ["gen-log", support, "--lines", "5", "--since", "2026-12-08", "--until", "2026-12-01"]);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain("gen-log: --since must be before --until");
  });

  it("redacts the support contract's pii fields", async () => {
    const out = (await cli(logDir({}), ["gen-log", support, "--lines", "3000"])).stdout;
    expect(out).toContain('"email":"[redacted]"');
    expect(out).not.toMatch(/@example\.com/);
  });
});

describe("handoff review", () => {
  const cwd = logDir({
    "log.jsonl": [
      decision({ conv: "a", turn: 1, action: "answer", minute: 60 * 24 }),
      event("a", 2, "asked-for-human", 60 * 24 + 1),
      "oops",
      decision({ conv: "b", turn: 1, action: "route", minute: 60 * 48 }),
    ],
  });

  it("prints a summary and the bad lines, exit 0", async () => {
    const r = await cli(cwd, ["review", "log.jsonl"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 decisions, 1 events");
    expect(r.stdout).toContain("1 bad line:\n  log.jsonl:3: not JSON");
    expect(r.stdout).toContain("asked-for-human-after-answer 1");
  });

  it("filters by --since and --until (a date alone includes that day)", async () => {
    const r = await cli(cwd, ["review", "log.jsonl", "--since", "2026-11-03", "--until", "2026-11-03"]);
    expect(r.stdout).toMatch(/^1 decisions, 1 events/);
    const later = await cli(cwd, ["review", "log.jsonl", "--since", "2026-11-04T00:00:00Z"]);
    expect(later.stdout).toMatch(/^1 decisions, 0 events/);
  });

  it("writes every figure as JSON with --out FILE.json, with the properties its schema requires", async () => {
    const r = await cli(cwd, ["review", "log.jsonl", "--out", "week.json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(cwd, "week.json"), "utf8"));
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, "../../docs/schema/review-report.schema.json"), "utf8"));
    expect(Object.keys(report).sort()).toEqual([...schema.required].sort());
    const valid = new Ajv2020({ strict: false, allowUnionTypes: true }).compile(schema);
    expect(valid(report), JSON.stringify(valid.errors)).toBe(true);
    expect(Object.keys(report.sample.route[0]).sort()).toEqual([...schema.$defs.sampled.required].sort());
    expect(report.actions.find((a: { action: string }) => a.action === "answer")).toMatchObject({ decisions: 1, nearMisses: 1, nearMissRate: 1 });
    expect((await cli(cwd, ["review", "log.jsonl", "--out", "week.txt"])).stderr).toContain("review: --out must name a .html, .md or .json file, not `week.txt`");
  });

  it("writes Markdown or HTML with --out, and lists rules of --contract that never fired", async () => {
    const r = await cli(cwd, ["review", "log.jsonl", "--out", "week.md", "--contract", support]);
    expect(r.code).toBe(0);
    const md = readFileSync(join(cwd, "week.md"), "utf8");
    expect(md).toContain("| answer | 1 | 50.0% | 1 | 100.0% |");
    expect(md).toContain("- `angry_repeat`");
    expect(r.stdout).toContain("rules that never fired: angry_repeat");
    expect((await cli(cwd, ["review", "log.jsonl", "--out", "week.html"])).code).toBe(0);
    expect(readFileSync(join(cwd, "week.html"), "utf8")).toMatch(/^<!doctype html>[\s\S]*<svg[\s\S]*<\/html>\n$/);
  });

  it.each([
    [["review"], "no log given"],
    [["review", "missing.jsonl"], "cannot read `missing.jsonl`: no such file"],
    [["review", "log.jsonl", "--since", "last week"], "--since must be an ISO date"],
    [["review", "log.jsonl", "--until", "2026-02-30"], "--until must be an ISO date"],
    [["review", "log.jsonl", "--since", "2026-11-05", "--until", "2026-11-01"], "--since must be before --until"],
    [["review", "log.jsonl", "--sample", "0"], "--sample must be a whole number"],
    [["review", "log.jsonl", "--out", "report.pdf"], "--out must name a .html, .md or .json file"],
  ])("refuses %j with exit 2 and one line, writing nothing", async (args, message) => {
    const before = readdirSync(cwd).sort();
    const r = await cli(cwd, args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(readdirSync(cwd).sort()).toEqual(before);
  });

  it("exits 1 when --contract has errors", async () => {
    const dir = logDir({ "log.jsonl": [decision({ conv: "a", turn: 1, action: "answer" })] });
    const broken = join(dir, "broken.handoff");
    writeFileSync(broken, "signals { n: nope }\n");
    const r = await cli(dir, ["review", "log.jsonl", "--contract", "broken.handoff", "--out", "r.md"]);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, "r.md"))).toBe(false);
  });
});

describe("handoff replay", () => {
  it("exits 0 when nothing changes, and 1 with --fail-on-change when something does", async () => {
    const cwd = logDir({});
    await cli(cwd, ["gen-log", support, "--lines", "1500", "--out", "log.jsonl"]);
    const same = await cli(cwd, ["replay", support, "log.jsonl", "--fail-on-change"]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/no decision changes/);
    const changed = readFileSync(support, "utf8").replace("then escalate to senior within 2h", "then escalate to senior within 1h");
    writeFileSync(join(cwd, "next.handoff"), changed);
    const plain = await cli(cwd, ["replay", "next.handoff", "log.jsonl"]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("escalate -> escalate (owner or within changed):");
    expect(plain.stdout).toContain("2h -> 1h:");
    const failing = await cli(cwd, ["replay", "next.handoff", "log.jsonl", "--fail-on-change"]);
    expect(failing.code).toBe(1);
    const json = JSON.parse((await cli(cwd, ["replay", "next.handoff", "log.jsonl", "--format", "json"])).stdout);
    expect(json.matrix.escalate.escalate).toBeGreaterThan(0);
  });

  it.each([
    [["replay", "x.handoff"], "expected a contract and at least one log"],
    [["replay", "log.jsonl", "x.jsonl"], "must be a .handoff contract"],
    [["replay", "next.handoff", "missing.jsonl"], "cannot read `missing.jsonl`"],
    [["replay", "next.handoff", "log.jsonl", "--format", "xml"], "--format must be"],
  ])("refuses %j with exit 2", async (args, message) => {
    const cwd = logDir({ "log.jsonl": [] });
    const r = await cli(cwd, args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("has --help", async () => {
    for (const command of ["review", "replay", "gen-log"]) {
      const r = await cli(logDir({}), [command, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: handoff ${command}`);
    }
  });
});
