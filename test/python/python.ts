/** Helpers for the Python target tests: write a generated module, run it over JSON lines in one process. */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
  return out.map((l) => JSON.parse(l) as PythonResult);
}

/** `value` as JSON reads it back (what "JSON-equal" compares). */
export const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

export function pyCompile(file: string): { status: number | null; stderr: string } {
  const r = spawnSync("python3", ["-m", "py_compile", file], { encoding: "utf8" });
  return { status: r.status, stderr: r.stderr };
}
