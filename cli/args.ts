/** Command-line argument parsing shared by every command. */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** Bad usage or unreadable input: printed as one line, exit code 2. */
export class UsageError extends Error {}

export type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses `args` strictly: an unknown option or a missing value is a UsageError naming it. */
export function parse<O extends Options>(args: readonly string[], options: O, command: string): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${describe(error as Error)} (see \`handoff ${command} --help\`)`);
  }
}

/** node:util's parseArgs messages, in the CLI's own words. */
function describe(error: Error): string {
  const message = error.message.split("\n")[0]!;
  const unknown = /^Unknown option '([^']*)'/.exec(message);
  if (unknown) return `unknown option \`${unknown[1]}\``;
  const missing = /^Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  const unexpected = /^Unexpected argument '([^']*)'/.exec(message);
  if (unexpected) return `unexpected argument \`${unexpected[1]}\``;
  return message;
}
