import { check } from "../../compiler/compile.ts";
import { interpret } from "../../compiler/interpret.ts";
import { parse, UsageError } from "../args.ts";
import { readInput } from "../input.ts";
import { readSource } from "../io.ts";
import type { Io } from "../io-types.ts";
import { reportToStderr } from "../report.ts";
import { tooLargeDiagnostic } from "../../grammar/parse.ts";

export const runCommand = {
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, { input: { type: "string", short: "i" } }, "run");
    if (positionals.length !== 1) throw new UsageError("run: expected exactly one contract (usage: handoff run FILE --input INPUT.json|-)");
    if (values.input === undefined) throw new UsageError("run: missing --input (a JSON file, or - for standard input)");
    const file = positionals[0]!;
    const input = await readInput(io, "run", values.input);
    const { text, tooLarge } = await readSource(io.cwd, file);
    if (tooLarge) {
      reportToStderr(io, file, "", [tooLargeDiagnostic()]);
      return 1;
    }
    const result = check(text, { fileName: file });
    if (reportToStderr(io, file, text, result.diagnostics) || result.model === null) return 1;
    const decision = interpret(result.model, input.signals, input.context);
    io.stdout(JSON.stringify(decision, null, 2) + "\n");
    return 0;
  },
};

