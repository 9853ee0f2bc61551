import { check } from "../../compiler/compile.ts";
import { interpret } from "../../runtime/interpret.ts";
import { parse, UsageError } from "../args.ts";
import { readSource } from "../io.ts";
import type { Io } from "../io-types.ts";
import { reportToStderr } from "../report.ts";
import { tooLargeDiagnostic } from "../../grammar/parse.ts";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

export const runCommand = {
  help: `Usage: handoff run FILE --input INPUT.json|-

Checks the contract, then decides one turn with the reference interpreter and prints the decision.
  --input FILE   a JSON object { "signals": {...}, "context": {...} } ("-" reads standard input);
                 "context" is optional; signals that fail validation give the invalid-input decision`,
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, { input: { type: "string", short: "i" } }, "run");
    if (positionals.length !== 1) throw new UsageError("run: expected exactly one contract (usage: handoff run FILE --input INPUT.json|-)");
    if (values.input === undefined) throw new UsageError("run: missing --input (a JSON file, or - for standard input)");
    const file = positionals[0]!;
    const input = await readInput(io, values.input);
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

async function readInput(io: Io, from: string): Promise<{ signals: unknown; context: unknown }> {
  const name = from === "-" ? "standard input" : `\`${from}\``;
  let text: string;
  try {
    text = from === "-" ? await io.readStdin() : await readFile(resolve(io.cwd, from), "utf8");
  } catch (error) {
    throw new UsageError(`run: cannot read ${name}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`run: ${name} is not JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new UsageError(`run: ${name} must be a JSON object with \`signals\` and optionally \`context\``);
  }
  const unknown = Object.keys(value).filter((k) => k !== "signals" && k !== "context");
  if (unknown.length > 0) throw new UsageError(`run: unknown key \`${unknown[0]}\` in ${name}; expected \`signals\` and \`context\``);
  const record = value as Record<string, unknown>;
  return { signals: record.signals, context: record.context };
}
