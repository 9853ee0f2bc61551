import { mkdir, open, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { check, compile } from "../../compiler/compile.ts";
import type { Strategy } from "../../compiler/codegen/strategies/names.ts";
import type { PythonStrategy } from "../../compiler/python/plan.ts";
import type { Witness } from "../../compiler/emit-tests/index.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { parse, UsageError } from "../args.ts";
import { moduleBaseName, readSource, writeAtomically } from "../io.ts";
import type { Io } from "../io-types.ts";
import { reportToStderr } from "../report.ts";
import { tooLargeDiagnostic } from "../../grammar/parse.ts";
import { isStrategy, strategyNames } from "../../compiler/codegen/strategies/names.ts";

export const buildCommand = {
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(
      args,
      { out: { type: "string", short: "o" }, "emit-tests": { type: "boolean" }, "explain-plan": { type: "boolean" }, strategy: { type: "string" }, target: { type: "string" } },
      "build",
    );
    if (positionals.length !== 1) {
      throw new UsageError("build: expected exactly one contract (usage: handoff build FILE [--out DIR] [--emit-tests] [--target ts|python])");
    }
    const file = positionals[0]!;
    const target = values.target ?? "ts";
    if (target !== "ts" && target !== "python") {
      throw new UsageError(`build: unknown target \`${target}\` (targets: ts, python)`);
    }
    const strategy = values.strategy;
    if (strategy !== undefined && target === "ts" && !isStrategy(strategy)) {
      throw new UsageError(`build: unknown strategy \`${strategy}\` (strategies: ${strategyNames.join(", ")})`);
    }
    // Loaded on demand, like the test emitter: a TypeScript build never loads the Python generator.
    const python = target === "python" ? await import("../../compiler/python/index.ts") : null;
    if (python !== null && strategy !== undefined && !python.isPythonStrategy(strategy)) {
      throw new UsageError(`build: unknown strategy \`${strategy}\` for --target python (strategies: ${python.pythonStrategies.join(", ")})`);
    }
    const { text, tooLarge } = await readSource(io.cwd, file);
    if (tooLarge) {
      reportToStderr(io, file, "", [tooLargeDiagnostic()]);
      return 1;
    }
    // The Python target needs the checked model only: the TypeScript module is not generated for it.
    const result =
      python === null
        ? await compile(text, { fileName: file, ...(strategy === undefined ? {} : { strategy: strategy as Strategy }) })
        : { ...check(text, { fileName: file }), output: "", plan: undefined };
    if (reportToStderr(io, file, text, result.diagnostics) || result.output === null || result.model === null) return 1;
    const outDir = values.out === undefined ? dirname(resolve(io.cwd, file)) : resolve(io.cwd, values.out);
    const name = moduleBaseName(file);
    const files: { path: string; text: string }[] = [];
    let planText: string | null = null;
    if (python !== null) {
      const plan = python.choosePythonPlan(result.model, strategy as PythonStrategy | undefined);
      files.push({ path: join(outDir, `${name}.py`), text: python.generatePython(result.model, { plan }) });
      if (values["explain-plan"] === true) planText = python.describePythonPlan(result.model, plan);
    } else {
      files.push({ path: join(outDir, `${name}.ts`), text: result.output });
      if (values["explain-plan"] === true && result.plan) {
        const { describePlan } = await import("../../compiler/codegen/plan.ts");
        planText = describePlan(result.model, result.plan);
      }
    }
    if (values["emit-tests"] === true) {
      const witnesses = await witnessesOf(result, result.model, io);
      if (python !== null) {
        files.push({ path: join(outDir, python.pythonTestFileName(name)), text: python.generatePythonTests(result.model, { moduleName: name, witnesses }) });
      } else {
        // Loaded on demand, like the code generator: a plain build never loads the test emitter.
        const { generateTests } = await import("../../compiler/emit-tests/index.ts");
        files.push({ path: join(outDir, `${name}.test.ts`), text: await generateTests(result.model, { moduleName: name, witnesses }) });
      }
    }
    try {
      if (files.length === 1) await writeAtomically(files[0]!.path, files[0]!.text);
      else await writeAllOrNothing(files);
    } catch (error) {
      const target = error instanceof WriteError ? error.target : files[0]!.path;
      const cause = error instanceof WriteError ? error.cause : error;
      throw new UsageError(`build: cannot write \`${target}\`: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`);
    }
    if (planText !== null) io.stdout(planText);
    for (const { path } of files) io.stdout(`wrote ${path}\n`);
    return 0;
  },
};

/** The witnesses `compile` found while analysing; the hook asks the analysis itself when it did not run. */
async function witnessesOf(result: object, model: ContractModel, io: Io): Promise<readonly Witness[]> {
  const found = (result as { readonly witnesses?: readonly Witness[] }).witnesses;
  if (found !== undefined) return found;
  const { computeWitnesses } = await import("../../compiler/emit-tests/witnesses.ts");
  const computed = await computeWitnesses(model);
  if (computed.unavailable !== undefined) io.stderr(`note: no witness tests emitted: the static analysis is unavailable (${computed.unavailable})\n`);
  return computed.witnesses;
}

/** A failure to write `target` (the file the user asked for, not its temporary name). */
class WriteError extends Error {
  constructor(
    readonly target: string,
    override readonly cause: unknown,
  ) {
    super(`cannot write ${target}`);
  }
}

/**
 * Writes every file or, as far as the file system allows, none: all are first written to temporary
 * files beside their targets, then renamed into place; if a rename fails, the files already renamed
 * get their previous content back (or are removed when they did not exist).
 */
async function writeAllOrNothing(files: readonly { path: string; text: string }[]): Promise<void> {
  const staged: { path: string; temp: string }[] = [];
  const removeTemps = () => Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
  let current = files[0]!.path;
  try {
    for (const { path, text } of files) {
      current = path;
      await mkdir(dirname(path), { recursive: true });
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      staged.push({ path, temp });
      const handle = await open(temp, "w");
      try {
        await handle.writeFile(text, "utf8");
      } finally {
        await handle.close();
      }
    }
  } catch (error) {
    await removeTemps();
    throw new WriteError(current, error);
  }
  const done: { path: string; previous: string | null }[] = [];
  try {
    for (const { path, temp } of staged) {
      current = path;
      const previous = await readFile(path, "utf8").catch(() => null);
      await rename(temp, path);
      done.push({ path, previous });
    }
  } catch (error) {
    for (const { path, previous } of done) {
      await (previous === null ? rm(path, { force: true }) : writeFile(path, previous, "utf8")).catch(() => undefined);
    }
    await removeTemps();
    throw new WriteError(current, error);
  }
}
