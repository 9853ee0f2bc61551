// `handoff build FILE --target python`: writes <name>.py, which compiles under python3 and decides;
// `--target ts` (the default) is unchanged; an unknown target is a usage error (exit 2), writing nothing.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../support/cli.ts";
import { pyCompile } from "./python.ts";

const support = readFileSync(resolve(import.meta.dirname, "../../examples/support.handoff"), "utf8");

describe("build --target", () => {
  it("python writes <name>.py, which compiles and decides", async () => {
    const dir = tempDir({ "support.handoff": support });
    const run = await cli(dir, ["build", "support.handoff", "--target", "python"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const file = join(dir, "support.py");
    expect(run.stdout).toBe(`wrote ${file}\n`);
    expect(existsSync(join(dir, "support.ts"))).toBe(false);
    expect(pyCompile(file)).toEqual({ status: 0, stderr: "" });
    const r = spawnSync("python3", ["-c", "import json, support; print(json.dumps([support.decide(None)['rule'], support.validate([])['ok'], support.CONTRACT['name']]))"], { cwd: dir, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual(["invalid-input", false, "support-desk"]);
  });

  it("ts is the default and writes <name>.ts", async () => {
    const dir = tempDir({ "support.handoff": support });
    const run = await cli(dir, ["build", "support.handoff", "--target", "ts"]);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, "support.ts"))).toBe(true);
    expect(existsSync(join(dir, "support.py"))).toBe(false);
  });

  it("an unknown target is a usage error and writes nothing", async () => {
    const dir = tempDir({ "support.handoff": support });
    const run = await cli(dir, ["build", "support.handoff", "--target", "rust"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown target `rust`");
    expect(existsSync(join(dir, "support.ts")) || existsSync(join(dir, "support.rs"))).toBe(false);
  });

  it("python with a TypeScript-only option is a usage error", async () => {
    const dir = tempDir({ "support.handoff": support });
    const run = await cli(dir, ["build", "support.handoff", "--target", "python", "--emit-tests"]);
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, "support.py"))).toBe(false);
  });
});
