import { assertReadable, LogReadError } from "../../review/jsonl.ts";
import { replay, type ReplayResult } from "../../review/replay.ts";
import { replayText } from "../../review/replay-report.ts";
import { parse, UsageError } from "../args.ts";
import type { Io } from "../io-types.ts";
import { checkedContract } from "../checked-contract.ts";

export const replayCommand = {
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, { "fail-on-change": { type: "boolean" }, format: { type: "string" } }, "replay");
    const format = values.format ?? "human";
    if (format !== "human" && format !== "json") throw new UsageError(`replay: --format must be \`human\` or \`json\`, not \`${format}\``);
    if (positionals.length < 2) throw new UsageError("replay: expected a contract and at least one log (usage: handoff replay NEW.handoff LOG.jsonl...)");
    const [contract, ...logs] = positionals as [string, ...string[]];
    if (!contract.endsWith(".handoff")) throw new UsageError(`replay: the first argument must be a .handoff contract, not \`${contract}\``);
    let result: ReplayResult;
    try {
      await assertReadable(logs, io.cwd);
      const model = await checkedContract(io, contract, "never");
      if (model === null) return 1;
      result = await replay(model, logs, { cwd: io.cwd });
    } catch (error) {
      if (error instanceof LogReadError) throw new UsageError(`replay: ${error.message}`);
      throw error;
    }
    io.stdout(format === "json" ? JSON.stringify(result, null, 2) + "\n" : replayText(result));
    return values["fail-on-change"] === true && result.changed > 0 ? 1 : 0;
  },
};
