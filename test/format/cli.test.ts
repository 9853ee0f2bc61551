/** `handoff fmt`: rewrites in place only what changes, --check, stdin, syntax errors and unreadable files. */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../support/cli.ts";

const messy = `signals { vip: bool   # customers on the VIP list
}
rule vip when vip then route to senior within 1h
otherwise answer
`;
const tidy = `signals {
  vip: bool                                 # customers on the VIP list
}
rule vip
  when vip
  then route to senior within 1h
otherwise answer
`;
const broken = `signals { vip: bool }\nrule when vip then answer\n`;

describe("handoff fmt", () => {
  it("rewrites files that change, leaves the others alone, and says how many", async () => {
    const dir = tempDir({ "a.handoff": messy, "b.handoff": tidy, "c.handoff": messy });
    const before = statSync(join(dir, "b.handoff")).mtimeMs;
    const run = await cli(dir, ["fmt", "a.handoff", "b.handoff", "c.handoff"]);
    expect(run).toEqual({ code: 0, stdout: "formatted 2 files, 1 unchanged\n", stderr: "" });
    expect(readFileSync(join(dir, "a.handoff"), "utf8")).toBe(tidy);
    expect(readFileSync(join(dir, "c.handoff"), "utf8")).toBe(tidy);
    expect(statSync(join(dir, "b.handoff")).mtimeMs).toBe(before);
  });

  it("--check writes nothing, names the unformatted files and exits 1", async () => {
    const dir = tempDir({ "a.handoff": messy, "b.handoff": tidy });
    const run = await cli(dir, ["fmt", "--check", "a.handoff", "b.handoff"]);
    expect(run).toEqual({ code: 1, stdout: "not formatted: a.handoff\n1 file not formatted, 1 formatted\n", stderr: "" });
    expect(readFileSync(join(dir, "a.handoff"), "utf8")).toBe(messy);
    expect(await cli(dir, ["fmt", "--check", "b.handoff"])).toMatchObject({ code: 0, stdout: "0 files not formatted, 1 formatted\n" });
  });

  it("reports a file with syntax errors as check does, leaves it untouched, formats the rest and exits 1", async () => {
    const dir = tempDir({ "bad.handoff": broken, "a.handoff": messy });
    const run = await cli(dir, ["fmt", "bad.handoff", "a.handoff"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("bad.handoff:2:6 error syntax: expected a name after `rule`, found `when`");
    expect(run.stderr).toContain(" 2 | rule when vip then answer\n");
    expect(run.stdout).toBe("formatted 1 file, 0 unchanged, 1 file with errors\n");
    expect(readFileSync(join(dir, "bad.handoff"), "utf8")).toBe(broken);
    expect(readFileSync(join(dir, "a.handoff"), "utf8")).toBe(tidy);
  });

  it("`-` formats stdin to stdout; with --check it exits 1 when stdin is not formatted", async () => {
    const dir = tempDir();
    expect(await cli(dir, ["fmt", "-"], messy)).toEqual({ code: 0, stdout: tidy, stderr: "" });
    expect(await cli(dir, ["fmt", "-", "--check"], messy)).toEqual({ code: 1, stdout: "not formatted: <stdin>\n", stderr: "" });
    expect(await cli(dir, ["fmt", "-", "--check"], tidy)).toEqual({ code: 0, stdout: "", stderr: "" });
    const bad = await cli(dir, ["fmt", "-"], broken);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("<stdin>:2:6 error syntax:");
  });

  it("exits 2 with one line, writing nothing, for a missing file, a directory, bad options or no file", async () => {
    const dir = tempDir({ "a.handoff": messy });
    for (const args of [["fmt", "a.handoff", "nope.handoff"], ["fmt", "."], ["fmt", "--chek", "a.handoff"], ["fmt"], ["fmt", "-", "a.handoff"]]) {
      const run = await cli(dir, args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(run.stderr).toMatch(/^handoff: /);
    }
    expect(readFileSync(join(dir, "a.handoff"), "utf8")).toBe(messy);
  });

  it("--help describes the command and the unnamed-rule caveat", async () => {
    const run = await cli(tempDir(), ["fmt", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: handoff fmt FILE... [--check]");
    expect(run.stdout).toContain("rule_12");
  });
});
