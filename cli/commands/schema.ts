import { check } from "../../compiler/compile.ts";
import { contractSchema, schemaTargets, type SchemaTarget } from "../../compiler/schema/index.ts";
import { hasErrors } from "../../diagnostics/index.ts";
import { tooLargeDiagnostic } from "../../grammar/parse.ts";
import { parse, UsageError } from "../args.ts";
import { readSource } from "../io.ts";
import type { Io } from "../io-types.ts";
import { reportToStderr } from "../report.ts";

export const schemaCommand = {
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, { for: { type: "string", default: "input" } }, "schema");
    if (positionals.length !== 1) throw new UsageError("schema: expected exactly one contract (usage: handoff schema FILE [--for input|decision|extraction])");
    const target = values.for;
    if (!(schemaTargets as readonly string[]).includes(target)) {
      throw new UsageError(`schema: unknown target \`${target}\` for --for (expected ${schemaTargets.join(", ")})`);
    }
    const file = positionals[0]!;
    const { text, tooLarge } = await readSource(io.cwd, file);
    if (tooLarge) {
      reportToStderr(io, file, "", [tooLargeDiagnostic()]);
      return 1;
    }
    const result = check(text, { fileName: file });
    // Warnings and infos are `check`'s business; here only errors (which stop the command) are shown.
    if (result.model === null || hasErrors(result.diagnostics)) {
      reportToStderr(io, file, text, result.diagnostics);
      return 1;
    }
    io.stdout(`${JSON.stringify(contractSchema(result.model, target as SchemaTarget), null, 2)}\n`);
    return 0;
  },
};
