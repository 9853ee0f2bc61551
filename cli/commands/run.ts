import { interpret } from "../../compiler/interpret.ts";
import { parse, UsageError } from "../args.ts";
import { checkedContract } from "../checked-contract.ts";
import { readInput } from "../input.ts";
import type { Io } from "../io-types.ts";

export const runCommand = {
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, { input: { type: "string", short: "i" } }, "run");
    if (positionals.length !== 1) throw new UsageError("run: expected exactly one contract (usage: handoff run FILE --input INPUT.json|-)");
    if (values.input === undefined) throw new UsageError("run: missing --input (a JSON file, or - for standard input)");
    const input = await readInput(io, "run", values.input);
    const model = await checkedContract(io, positionals[0]!, "always");
    if (model === null) return 1;
    const decision = interpret(model, input.signals, input.context);
    io.stdout(JSON.stringify(decision, null, 2) + "\n");
    return 0;
  },
};

