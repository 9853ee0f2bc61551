import { check } from "../../compiler/compile.ts";
import { hasErrors } from "../../diagnostics/index.ts";
import { explain, renderExplanation } from "../../compiler/explain.ts";
import { tooLargeDiagnostic } from "../../grammar/parse.ts";
import { parse, UsageError } from "../args.ts";
import { readInput } from "../input.ts";
import { readSource } from "../io.ts";
import type { Io } from "../io-types.ts";
import { reportToStderr } from "../report.ts";

export const explainCommand = {
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(
      args,
      { input: { type: "string", short: "i" }, format: { type: "string", short: "f", default: "human" } },
      "explain",
    );
    if (positionals.length !== 1) throw new UsageError("explain: expected exactly one contract (usage: handoff explain FILE --input INPUT.json|-)");
    if (values.input === undefined) throw new UsageError("explain: missing --input (a JSON file, or - for standard input)");
    if (values.format !== "human" && values.format !== "json") {
      throw new UsageError(`explain: unknown format \`${values.format}\` (expected human or json)`);
    }
    const file = positionals[0]!;
    const input = await readInput(io, "explain", values.input);
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
    const explanation = explain(result.model, input.signals, input.context);
    io.stdout(values.format === "json" ? JSON.stringify(explanation, null, 2) + "\n" : renderExplanation(result.model, explanation));
    return 0;
  },
};
