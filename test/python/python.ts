/** Helpers for the Python target tests: write a generated module, run it over JSON lines in one process. */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { transformSync } from "esbuild";
import type { GeneratedModule } from "../support/load-module.ts";

const dir = join(tmpdir(), `handoff-python-${process.pid}`);
process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
let count = 0;

export const runner = join(import.meta.dirname, "runner.py");

/** Writes `source` to a fresh .py file and returns its path. */
export function writeModule(source: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `m${count++}.py`);
  writeFileSync(file, source);
  return file;
}

const MARK = "\u0000handoff-number\u0000";

/** JSON text of a JS value for Python (NaN, ±Infinity and -0 as Python's json reads them), and the same value back in JS. */
export function transfer(value: unknown): { text: string; value: unknown } {
  const replacer = (_key: string, v: unknown): unknown => {
    if (typeof v === "number") {
      if (Number.isNaN(v)) return `${MARK}NaN`;
      if (v === Infinity) return `${MARK}Infinity`;
      if (v === -Infinity) return `${MARK}-Infinity`;
      if (Object.is(v, -0)) return `${MARK}-0.0`;
    }
    if (typeof v === "bigint") return null;
    return v;
  };
  const json = JSON.stringify(value, replacer) ?? "null";
  const escapedMark = JSON.stringify(MARK).slice(1, -1);
  const text = json.replace(new RegExp(`"${escapedMark.replace(/\\/g, "\\\\")}(NaN|Infinity|-Infinity|-0\\.0)"`, "g"), "$1");
  const back = JSON.parse(json, (_key, v: unknown) => {
    if (typeof v === "string" && v.startsWith(MARK)) {
      const rest = v.slice(MARK.length);
      return rest === "NaN" ? NaN : rest === "Infinity" ? Infinity : rest === "-Infinity" ? -Infinity : -0;
    }
    return v;
  });
  return { text, value: back };
}

export interface PythonResult {
  readonly d: unknown;
  readonly v: unknown;
  readonly mutated: boolean;
}

/** Runs the module at `file` on every line (one python3 process), with the clock fixed at `clockMs`. */
export function runPython(file: string, lines: readonly string[], clockMs: number): PythonResult[] {
  const result = spawnSync("python3", [runner, file, String(clockMs)], { input: lines.join("\n") + "\n", encoding: "utf8", maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`python3 failed (${result.status}): ${result.stderr}`);
  const out = result.stdout.split("\n").filter((l) => l !== "");
  if (out.length !== lines.length) throw new Error(`python3 answered ${out.length} of ${lines.length} lines: ${result.stderr}`);
  return out.map((l) => {
    const got = JSON.parse(l) as [unknown, unknown, boolean] | { error: string };
    if (!Array.isArray(got)) throw new Error(`python3 raised on an input: ${got.error}`);
    return { d: got[0], v: got[1], mutated: got[2] };
  });
}

/** `value` as JSON reads it back (what "JSON-equal" compares). */
export const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

export function pyCompile(file: string): { status: number | null; stderr: string } {
  const r = spawnSync("python3", ["-m", "py_compile", file], { encoding: "utf8" });
  return { status: r.status, stderr: r.stderr };
}

/**
 * A generated TypeScript module, its types erased by esbuild and evaluated in this realm with
 * `new Function` (it imports nothing): many times faster than importing a file through the test
 * runner, which transforms every module it imports.
 */
export function loadQuickly(source: string): GeneratedModule {
  const { code } = transformSync(source, { loader: "ts", format: "cjs", target: "es2022" });
  const module = { exports: {} as unknown };
  new Function("module", "exports", code)(module, module.exports);
  return module.exports as GeneratedModule;
}

/**
 * Starts runner.py on the module at `file` (one python3 process, clock fixed at `clockMs`), writes
 * every line to it and resolves to its output lines, one per input line; runs while the caller works.
 */
export function runPythonAsync(file: string, lines: readonly string[], clockMs: number): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("python3", [runner, file, String(clockMs)], { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (status) => {
      const stderr = Buffer.concat(err).toString("utf8");
      if (status !== 0) return reject(new Error(`python3 failed (${status}): ${stderr}`));
      const text = Buffer.concat(out).toString("utf8");
      const got = text.split("\n");
      got.pop();
      if (got.length !== lines.length) return reject(new Error(`python3 answered ${got.length} of ${lines.length} lines: ${stderr}`));
      resolvePromise(got);
    });
    child.stdin.on("error", () => {}); // an early exit is reported by "close"
    child.stdin.end(lines.join("\n") + "\n");
  });
}
