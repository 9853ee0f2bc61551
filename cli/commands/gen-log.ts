import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { generateLog } from "../../review/generate.ts";
import { parse, UsageError } from "../args.ts";
import type { Io } from "../io-types.ts";
import { checkedContract } from "../checked-contract.ts";
import { isoDate, wholeNumber } from "./review.ts";

export const genLogCommand = {
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(
      args,
      { lines: { type: "string" }, seed: { type: "string" }, since: { type: "string" }, until: { type: "string" }, out: { type: "string" } },
      "gen-log",
    );
    if (positionals.length !== 1) throw new UsageError("gen-log: expected exactly one contract (usage: handoff gen-log CONTRACT.handoff --lines N)");
    if (values.lines === undefined) throw new UsageError("gen-log: missing --lines (how many lines to write)");
    const lines = wholeNumber("gen-log", "--lines", values.lines);
    const since = values.since === undefined ? undefined : isoDate("gen-log", "--since", values.since, false);
    const until = values.until === undefined ? undefined : isoDate("gen-log", "--until", values.until, true);
    if (since !== undefined && until !== undefined && since >= until) throw new UsageError("gen-log: --since must be before --until");
    const model = await checkedContract(io, positionals[0]!, "never");
    if (model === null) return 1;
    const generated = generateLog(model, { lines, seed: values.seed ?? 1, ...(since === undefined ? {} : { since }), ...(until === undefined ? {} : { until }) });
    if (values.out === undefined) {
      let batch: string[] = [];
      for (const line of generated) {
        batch.push(line);
        if (batch.length === 1000) io.stdout(batch.join("\n") + "\n"), (batch = []);
      }
      if (batch.length > 0) io.stdout(batch.join("\n") + "\n");
      return 0;
    }
    await writeLinesAtomically(resolve(io.cwd, values.out), generated);
    io.stderr(`wrote ${lines.toLocaleString("en-US")} lines to ${values.out}\n`);
    return 0;
  },
};

/** Streams `lines` to a temporary file beside `path` and renames it: a failure leaves no file behind. */
async function writeLinesAtomically(path: string, lines: Iterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const stream = createWriteStream(temp, { encoding: "utf8" });
  try {
    let batch: string[] = [];
    const flush = async () => {
      if (!stream.write(batch.join("\n") + "\n")) await once(stream, "drain");
      batch = [];
    };
    for (const line of lines) {
      batch.push(line);
      if (batch.length === 1000) await flush();
    }
    if (batch.length > 0) await flush();
    stream.end();
    await once(stream, "finish");
    await rename(temp, path);
  } catch (error) {
    stream.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}
