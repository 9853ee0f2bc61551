// The compiled CLI (dist/, what bin/handoff.js and the package run) and the TypeScript sources (what
// the other tests run in-process) print the same bytes and exit the same way on every example, so the
// two can never drift apart.
import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir, type Run } from "../support/cli.ts";

const root = join(import.meta.dirname, "..", "..");
const examples = join(root, "examples");
const contracts = readdirSync(examples).filter((f) => f.endsWith(".handoff")).sort();
const dir = tempDir();
for (const file of readdirSync(examples, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)) copyFileSync(join(examples, file), join(dir, file));

function compiled(args: string[]): Run {
  try {
    return { code: 0, stdout: execFileSync(process.execPath, [join(root, "bin", "handoff.js"), ...args], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }), stderr: "" };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the compiled CLI prints what the sources print", () => {
  it.each(contracts)("%s: check, test, run, explain and build", async (file) => {
    const name = file.replace(/\.handoff$/, "");
    const input = `${name}.input.json`;
    const runs: string[][] = [
      ["check", file, "--info"],
      ["check", file, "--format", "json", "--witnesses"],
      ["test", file],
      ["run", file, "--input", input],
      ["explain", file, "--input", input],
      ["fmt", "--check", file],
      ["check", "missing.handoff"],
    ];
    for (const args of runs) expect(compiled(args), args.join(" ")).toEqual(await cli(dir, args));
    // build: the same module, written by each.
    const source = await cli(dir, ["build", file, "--out", "from-source"]);
    const built = compiled(["build", file, "--out", "from-dist"]);
    expect([built.code, built.stderr]).toEqual([source.code, source.stderr]);
    expect(readFileSync(join(dir, "from-dist", `${name}.ts`), "utf8")).toBe(readFileSync(join(dir, "from-source", `${name}.ts`), "utf8"));
  });
});

describe("the compiled CLI in a pipeline", () => {
  it("stops quietly when the reader closes the pipe early (`handoff … | head -1`)", () => {
    const bin = join(root, "bin", "handoff.js");
    const script = `"${process.execPath}" "${bin}" gen-log support.handoff --lines 20000 2>stderr.txt | head -1 > first.txt`;
    execFileSync("sh", ["-c", script], { cwd: dir });
    expect(readFileSync(join(dir, "first.txt"), "utf8")).toMatch(/^\{"type":"decision"/);
    expect(readFileSync(join(dir, "stderr.txt"), "utf8")).toBe("");
  });
});
