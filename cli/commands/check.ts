import { check } from "../../compiler/compile.ts";
import { hasErrors, type Diagnostic } from "../../compiler/diagnostics.ts";
import { parse, UsageError } from "../args.ts";
import { readSource } from "../io.ts";
import { renderHuman, summary, toJson } from "../render.ts";
import type { Io } from "../io-types.ts";
import { tooLargeDiagnostic } from "../../grammar/parse.ts";

export const checkCommand = {
  help: `Usage: handoff check FILE... [--format human|json]

Parses and type-checks each contract and prints every diagnostic.
  --format human   file:line:col severity code: message, with the source line and a caret (default)
  --format json    a JSON array of {file, line, column, endLine, endColumn, severity, code, message, hint?}`,
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, { format: { type: "string" } }, "check");
    const format = values.format ?? "human";
    if (format !== "human" && format !== "json") throw new UsageError(`check: --format must be \`human\` or \`json\`, not \`${format}\``);
    if (positionals.length === 0) throw new UsageError("check: no contract given (usage: handoff check FILE...)");
    const all: ReturnType<typeof toJson>[] = [];
    let failed = false;
    for (const file of positionals) {
      const { text, tooLarge } = await readSource(io.cwd, file);
      const diagnostics: readonly Diagnostic[] = tooLarge ? [tooLargeDiagnostic()] : check(text, { fileName: file }).diagnostics;
      failed ||= hasErrors(diagnostics);
      if (format === "json") all.push(...diagnostics.map((d) => toJson(file, d)));
      else {
        for (const d of diagnostics) io.stdout(renderHuman(file, text, d) + "\n");
        io.stdout(`${file}: ${summary(diagnostics)}\n`);
      }
    }
    if (format === "json") io.stdout(JSON.stringify(all, null, 2) + "\n");
    return failed ? 1 : 0;
  },
};
