// `handoff build FILE --target python`: writes <name>.py, which compiles under python3 and decides;
// with --emit-tests also test_<name>.py, which passes under `python3 -m unittest` on every example
// (both files or neither); `--target ts` (the default) is unchanged; an unknown target or a
// TypeScript-only option is a usage error (exit 2), writing nothing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../support/cli.ts";
import { pyCompile } from "./python.ts";

const examples = resolve(import.meta.dirname, "../../examples");
const support = readFileSync(join(examples, "support.handoff"), "utf8");

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

  it("python --explain-plan prints the Python strategy and why; --strategy forces one; chunked is TypeScript only", async () => {
    const dir = tempDir({ "support.handoff": support });
    const plan = await cli(dir, ["build", "support.handoff", "--target", "python", "--explain-plan"]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/^contract `support-desk`: 25 rules, 24 signals, policy most-severe\npython strategy: inline — 25 rules: one `if` per rule in `_match` is fastest in CPython up to 150 rules\n/);
    const forced = await cli(dir, ["build", "support.handoff", "--target", "python", "--strategy", "indexed", "--explain-plan", "--out", "forced"]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("python strategy: indexed — forced\nindex: ");
    expect(readFileSync(join(dir, "forced", "support.py"), "utf8")).toContain("_rule_masks(");
    const chunked = await cli(dir, ["build", "support.handoff", "--target", "python", "--strategy", "chunked", "--out", "chunked"]);
    expect(chunked.code).toBe(2);
    expect(chunked.stderr).toContain("unknown strategy `chunked` for --target python (strategies: inline, indexed)");
    expect(existsSync(join(dir, "chunked"))).toBe(false);
  });
});

describe("build --target python --emit-tests", () => {
  it("writes <name>.py and test_<name>.py for every example; both compile and the tests pass", async () => {
    const files = readdirSync(examples).filter((f) => f.endsWith(".handoff"));
    const dir = tempDir(Object.fromEntries(files.map((f) => [f, readFileSync(join(examples, f), "utf8")])));
    for (const f of files) {
      const run = await cli(dir, ["build", f, "--target", "python", "--emit-tests", "--out", "gen"]);
      expect(run.stderr, f).toBe("");
      expect(run.code, f).toBe(0);
      const name = f.replace(/\.handoff$/, "");
      const tests = `test_${name.replace(/-/g, "_")}.py`;
      expect(run.stdout).toBe(`wrote ${join(dir, "gen", `${name}.py`)}\nwrote ${join(dir, "gen", tests)}\n`);
      expect(pyCompile(join(dir, "gen", tests)), tests).toEqual({ status: 0, stderr: "" });
      const py39 = spawnSync("python3", ["-c", "import ast, sys; ast.parse(open(sys.argv[1]).read(), feature_version=(3, 9))", join(dir, "gen", tests)], { encoding: "utf8" });
      expect(py39.stderr, `${tests} as Python 3.9`).toBe("");
      expect(readFileSync(join(dir, "gen", tests), "utf8")).toContain(`MODULE_FILE = "${name}.py"`);
    }
    expect(readdirSync(join(dir, "gen")).filter((f) => !f.startsWith("__")).length).toBe(files.length * 2);
    const r = spawnSync("python3", ["-m", "unittest"], { cwd: join(dir, "gen"), encoding: "utf8" });
    expect(r.stderr).toMatch(new RegExp(`\nRan ${files.length * 6} tests in .*\n\nOK\n$`));
    expect(r.status).toBe(0);
  });

  it("writes neither file when the contract has errors", async () => {
    const dir = tempDir({ "broken.handoff": support.replace("when topic is medical", "when topik is medical") });
    const run = await cli(dir, ["build", "broken.handoff", "--target", "python", "--emit-tests"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("unknown-signal");
    expect(readdirSync(dir)).toEqual(["broken.handoff"]);
  });

  it("writes neither file when one cannot be written, keeping what was there", async () => {
    const dir = tempDir({ "support.handoff": support, "support.py": "# old module\n" });
    mkdirSync(join(dir, "test_support.py")); // a directory where the test file should go
    writeFileSync(join(dir, "test_support.py/keep"), "");
    const run = await cli(dir, ["build", "support.handoff", "--target", "python", "--emit-tests"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^handoff: build: cannot write `.*test_support\.py`: \w+\n$/);
    expect(run.stdout).toBe("");
    expect(readFileSync(join(dir, "support.py"), "utf8")).toBe("# old module\n");
    expect(readdirSync(dir).sort()).toEqual(["support.handoff", "support.py", "test_support.py"]);
  });

  it("is described in the help", async () => {
    const run = await cli(tempDir(), ["build", "--help"]);
    expect(run.stdout).toMatch(/With --target python: DIR\/test_<name>\.py, the same checks as a standard-library unittest/);
    expect(run.stdout).not.toContain("--emit-tests, --strategy");
  });
});
