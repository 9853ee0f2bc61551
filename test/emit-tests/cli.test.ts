// `handoff build FILE --emit-tests`: both files, or neither.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../support/cli.ts";

const good = `contract "desk"
signals { sentiment: number in -1..1  vip: bool = false }
owners { senior: "Senior support" }
rule upset when sentiment < -0.5 then escalate to senior within 2h
otherwise answer
test "upset customers reach a senior" given sentiment = -0.9 expect escalate to senior within 2h
`;
const broken = `signals { sentiment: number in -1..1 }
rule upset when sentimnt < -0.5 then escalate to "senior" within 2h
otherwise answer
`;

describe("handoff build --emit-tests", () => {
  it("writes <name>.ts and <name>.test.ts, with a `wrote` line for each", async () => {
    const dir = tempDir({ "desk.handoff": good });
    const run = await cli(dir, ["build", "desk.handoff", "--emit-tests", "--out", "gen"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`wrote ${join(dir, "gen/desk.ts")}\nwrote ${join(dir, "gen/desk.test.ts")}\n`);
    const tests = readFileSync(join(dir, "gen/desk.test.ts"), "utf8");
    expect(tests).toContain('import { decide } from "./desk.ts";');
    expect(tests).toContain('it("upset customers reach a senior"');
    expect(readdirSync(join(dir, "gen")).sort()).toEqual(["desk.test.ts", "desk.ts"]);
  });

  it("without the flag writes the module only", async () => {
    const dir = tempDir({ "desk.handoff": good });
    const run = await cli(dir, ["build", "desk.handoff"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`wrote ${join(dir, "desk.ts")}\n`);
    expect(existsSync(join(dir, "desk.test.ts"))).toBe(false);
  });

  it("writes neither file when the contract has errors", async () => {
    const dir = tempDir({ "broken.handoff": broken });
    const run = await cli(dir, ["build", "broken.handoff", "--emit-tests"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("unknown-signal");
    expect(readdirSync(dir)).toEqual(["broken.handoff"]);
  });

  it("writes neither file when one cannot be written, keeping what was there", async () => {
    const dir = tempDir({ "desk.handoff": good, "desk.ts": "// old module\n" });
    mkdirSync(join(dir, "desk.test.ts")); // a directory where the test file should go
    writeFileSync(join(dir, "desk.test.ts/keep"), "");
    const run = await cli(dir, ["build", "desk.handoff", "--emit-tests"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^handoff: build: cannot write `.*desk\.test\.ts`: \w+\n$/);
    expect(run.stdout).toBe("");
    expect(readFileSync(join(dir, "desk.ts"), "utf8")).toBe("// old module\n");
    expect(readdirSync(dir).sort()).toEqual(["desk.handoff", "desk.test.ts", "desk.ts"]);
  });

  it("is described in the help", async () => {
    const run = await cli(tempDir(), ["build", "--help"]);
    expect(run.stdout).toContain("Usage: handoff build FILE [--out DIR] [--target ts|python] [--emit-tests]");
    expect(run.stdout).toMatch(/--emit-tests +also write DIR\/<name>\.test\.ts/);
  });
});
