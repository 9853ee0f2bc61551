import { assertReadable, LogReadError } from "../../review/jsonl.ts";
import { replay, type ReplayResult } from "../../review/replay.ts";
import { replayText } from "../../review/replay-report.ts";
import { parse, UsageError } from "../args.ts";
import type { Io } from "../io-types.ts";
import { loadModel } from "./review.ts";

export const replayCommand = {
  help: `Usage: handoff replay NEW.handoff LOG.jsonl... [--fail-on-change] [--format human|json]

Decides every logged decision again with the new contract (on the logged signals and context) and
reports what would change: a matrix of old action -> new action (on the diagonal, owner or within
changed), the owners and deadlines that change, and example conversations for each changed cell.
The regression check before a contract change ships.
  --fail-on-change   exit 1 when any decision would change
  --format human     the report as text (default)
  --format json      {contract, decisions, changed, matrix, cells: [{from, to, count, examples}], owners,
                     withins, newlyInvalid, redactedInputs, bad}
Exit status: 0 replayed, 1 the contract has errors or (with --fail-on-change) a decision changes,
2 usage or unreadable log.`,
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
      const model = await loadModel(io, contract);
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
