import { contractSchema, schemaTargets, type SchemaTarget } from "../../compiler/schema/index.ts";
import { parse, UsageError } from "../args.ts";
import { checkedContract } from "../checked-contract.ts";
import type { Io } from "../io-types.ts";

export const schemaCommand = {
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, { for: { type: "string", default: "input" } }, "schema");
    if (positionals.length !== 1) throw new UsageError("schema: expected exactly one contract (usage: handoff schema FILE [--for input|decision|extraction])");
    const target = values.for;
    if (!(schemaTargets as readonly string[]).includes(target)) {
      throw new UsageError(`schema: unknown target \`${target}\` for --for (expected ${schemaTargets.join(", ")})`);
    }
    const model = await checkedContract(io, positionals[0]!, "with-errors");
    if (model === null) return 1;
    io.stdout(`${JSON.stringify(contractSchema(model, target as SchemaTarget), null, 2)}\n`);
    return 0;
  },
};
