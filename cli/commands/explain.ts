import { explain, renderExplanation } from "../../compiler/explain.ts";
import { parse, UsageError } from "../args.ts";
import { checkedContract } from "../checked-contract.ts";
import { readInput } from "../input.ts";
import type { Io } from "../io-types.ts";

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
    const input = await readInput(io, "explain", values.input);
    const model = await checkedContract(io, positionals[0]!, "with-errors");
    if (model === null) return 1;
    const explanation = explain(model, input.signals, input.context);
    io.stdout(values.format === "json" ? JSON.stringify(explanation, null, 2) + "\n" : renderExplanation(model, explanation));
    return 0;
  },
};
