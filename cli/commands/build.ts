import { resolve, join, dirname } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { parse, UsageError } from "../args.ts";
import { moduleBaseName, readSource, writeAtomically } from "../io.ts";
import type { Io } from "../io-types.ts";
import { reportToStderr } from "../report.ts";
import { tooLargeDiagnostic } from "../../grammar/parse.ts";

export const buildCommand = {
  help: `Usage: handoff build FILE [--out DIR]

Checks the contract and writes DIR/<name>.ts, where <name> is the file name without .handoff.
  --out DIR   where to write the module (default: beside the contract; created if missing)
On any error the diagnostics are printed and no file is written. Warnings are printed and do not stop the build.`,
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, { out: { type: "string", short: "o" } }, "build");
    if (positionals.length !== 1) throw new UsageError("build: expected exactly one contract (usage: handoff build FILE [--out DIR])");
    const file = positionals[0]!;
    const { text, tooLarge } = await readSource(io.cwd, file);
    if (tooLarge) {
      reportToStderr(io, file, "", [tooLargeDiagnostic()]);
      return 1;
    }
    const result = await compile(text, { fileName: file });
    if (reportToStderr(io, file, text, result.diagnostics) || result.output === null) return 1;
    const outDir = values.out === undefined ? dirname(resolve(io.cwd, file)) : resolve(io.cwd, values.out);
    const target = join(outDir, `${moduleBaseName(file)}.ts`);
    try {
      await writeAtomically(target, result.output);
    } catch (error) {
      throw new UsageError(`build: cannot write \`${target}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    io.stdout(`wrote ${target}\n`);
    return 0;
  },
};
