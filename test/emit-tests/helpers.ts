/**
 * Helpers for the emitted-test suites: scratch folders inside the repository (so `vitest` and
 * `fast-check` resolve from its node_modules, as they would in a host project), running vitest on
 * such a folder in a child process, type-checking it, and witnesses found by sampling the interpreter
 * (stand-ins for the static analysis' witnesses).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import ts from "typescript";
import type { Witness } from "../../compiler/emit-tests/index.ts";
import type { ContractModel, SignalValue } from "../../compiler/model.ts";
import { interpret } from "../../compiler/interpret.ts";
import { validValue } from "../support/arbitraries.ts";

export const root = resolve(import.meta.dirname, "../..");
/** Gitignored; each run works in its own subfolder (the caller removes it in `afterAll`). */
const scratchRoot = join(root, ".emit-tests-tmp");

export function scratchDir(): string {
  mkdirSync(scratchRoot, { recursive: true });
  return mkdtempSync(join(scratchRoot, "run-"));
}

export function removeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface TestOutcome {
  /** `describe title > test title`. */
  readonly name: string;
  readonly file: string;
  readonly status: string;
  readonly failureMessages: readonly string[];
}

/** Runs vitest on every `*.test.ts` directly in `dir`, in a child process; one entry per test. */
export async function runVitest(dir: string): Promise<TestOutcome[]> {
  writeFileSync(join(dir, "vitest.config.mjs"), `export default { test: { include: ["*.test.ts"], pool: "forks" } };\n`);
  writeFileSync(join(dir, "package.json"), `{ "type": "module", "private": true }\n`);
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && name !== "NODE_OPTIONS" && name !== "TEST"));
  const results = join(dir, "results.json");
  try {
    await promisify(execFile)(process.execPath, [join(root, "node_modules/vitest/vitest.mjs"), "run", "--reporter=json", `--outputFile=${results}`], {
      cwd: dir,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    // A failing test exits 1; the results file says which.
  }
  const report = JSON.parse(readFileSync(results, "utf8")) as {
    testResults: { name: string; assertionResults: { ancestorTitles: string[]; title: string; status: string; failureMessages: string[] }[] }[];
  };
  return report.testResults.flatMap((file) =>
    file.assertionResults.map((a) => ({
      name: [...a.ancestorTitles, a.title].join(" > "),
      file: file.name.slice(dir.length + 1),
      status: a.status,
      failureMessages: a.failureMessages,
    })),
  );
}

/** Type-checks every `.ts` file in `dir` with `strict` (plus `extra`) and lib ES2022 only; "" when clean. */
export function typecheckDir(dir: string, files: readonly string[], extra: ts.CompilerOptions = {}): string {
  const options: ts.CompilerOptions = {
    ...extra,
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    lib: ["lib.es2022.d.ts"],
    types: [],
    skipLibCheck: true,
  };
  const program = ts.createProgram(
    files.map((f) => join(dir, f)),
    options,
  );
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return diagnostics.length === 0
    ? ""
    : ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => dir, getNewLine: () => "\n" });
}

/** For each rule that wins on some sampled valid input (fixed seed), the first such input, complete. */
export function sampledWitnesses(model: ContractModel, samples = 3000): Witness[] {
  const inputs = fc.sample(
    fc.tuple(...model.signals.map((s) => validValue(model, s))),
    { numRuns: samples, seed: 42 },
  );
  const found = new Map<string, Record<string, SignalValue>>();
  for (const values of inputs) {
    const example: Record<string, SignalValue> = {};
    model.signals.forEach((s, i) => Object.defineProperty(example, s.name, { value: values[i], enumerable: true, writable: true, configurable: true }));
    const rule = interpret(model, example, { now: 0 }).rule;
    if (!found.has(rule) && model.rules.some((r) => r.name === rule)) found.set(rule, example);
  }
  return model.rules.flatMap((r) => (found.has(r.name) ? [{ rule: r.name, example: found.get(r.name)! }] : []));
}
