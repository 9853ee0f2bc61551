/** The `--input` file of `run` and `explain`: `{ "signals": {...}, "context": {...} }`, from a file or stdin. */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { UsageError } from "./args.ts";
import type { Io } from "./io-types.ts";

/** Reads and shape-checks the input; anything unreadable is a one-line UsageError naming `command`. */
export async function readInput(io: Io, command: string, from: string): Promise<{ signals: unknown; context: unknown }> {
  const name = from === "-" ? "standard input" : `\`${from}\``;
  let text: string;
  try {
    text = from === "-" ? await io.readStdin() : await readFile(resolve(io.cwd, from), "utf8");
  } catch (error) {
    throw new UsageError(`${command}: cannot read ${name}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${command}: ${name} is not JSON: ${(error as Error).message.replace(/\s+/g, " ")}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new UsageError(`${command}: ${name} must be a JSON object with \`signals\` and optionally \`context\``);
  }
  const unknown = Object.keys(value).filter((k) => k !== "signals" && k !== "context");
  if (unknown.length > 0) throw new UsageError(`${command}: unknown key \`${unknown[0]}\` in ${name}; expected \`signals\` and \`context\``);
  const record = value as Record<string, unknown>;
  return { signals: record.signals, context: record.context };
}
