import { resolve } from "node:path";
import { formatSource } from "../../format/index.ts";
import { tooLargeDiagnostic } from "../../grammar/parse.ts";
import { parse, UsageError } from "../args.ts";
import { readSource, writeAtomically } from "../io.ts";
import type { Io } from "../io-types.ts";
import { reportToStderr } from "../report.ts";

export const fmtCommand = {
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, { check: { type: "boolean" } }, "fmt");
    const check = values.check === true;
    if (positionals.length === 0) throw new UsageError("fmt: no contract given (usage: handoff fmt FILE... [--check])");
    if (positionals.includes("-")) {
      if (positionals.length > 1) throw new UsageError("fmt: `-` (stdin) cannot be combined with files");
      return fmtStdin(io, check);
    }
    const sources = [];
    for (const file of positionals) sources.push({ file, ...(await readSource(io.cwd, file)) });

    let failed = 0;
    const changed: { file: string; text: string }[] = [];
    for (const { file, text, tooLarge } of sources) {
      const result = tooLarge ? null : formatSource(text);
      if (!result?.ok) {
        reportToStderr(io, file, text, result ? result.diagnostics : [tooLargeDiagnostic()]);
        failed++;
      } else if (result.text !== text) changed.push({ file, text: result.text });
    }
    const unchanged = sources.length - failed - changed.length;
    const errors = failed > 0 ? `, ${count(failed, "file")} with errors` : "";
    if (check) {
      for (const { file } of changed) io.stdout(`not formatted: ${file}\n`);
      io.stdout(`${count(changed.length, "file")} not formatted, ${unchanged} formatted${errors}\n`);
      return changed.length > 0 || failed > 0 ? 1 : 0;
    }
    for (const { file, text } of changed) {
      try {
        await writeAtomically(resolve(io.cwd, file), text);
      } catch (error) {
        throw new UsageError(`fmt: cannot write \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }
    io.stdout(`formatted ${count(changed.length, "file")}, ${unchanged} unchanged${errors}\n`);
    return failed > 0 ? 1 : 0;
  },
};

async function fmtStdin(io: Io, check: boolean): Promise<number> {
  const text = await io.readStdin();
  const result = formatSource(text);
  if (!result.ok) {
    reportToStderr(io, "<stdin>", text, result.diagnostics);
    return 1;
  }
  if (!check) {
    io.stdout(result.text);
    return 0;
  }
  if (result.text === text) return 0;
  io.stdout("not formatted: <stdin>\n");
  return 1;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
