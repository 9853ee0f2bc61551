/**
 * `handoff` — the command line. Every command is a thin caller of `compile()`/`check()`; what each
 * takes and how it exits is the command table in usage.ts, which `--help` prints.
 *
 * Exit codes: 0 success; 1 the contract has errors (or the command's check failed);
 * 2 usage errors, unreadable files or unreadable input; 70 an internal error.
 */
import { packageVersion } from "../compiler/package-root.ts";
import { UsageError } from "./args.ts";
import type { Io } from "./io-types.ts";
import { commandHelp, commandNames, isCommandName, mainHelp, type CommandName } from "./usage.ts";

export type { Io };

interface Command {
  run(args: readonly string[], io: Io): Promise<number>;
}

/** Loaded on demand so `--version` and `--help` start fast and `check` never loads the code generator. */
const commands: Readonly<Record<CommandName, () => Promise<Command>>> = {
  check: async () => (await import("./commands/check.ts")).checkCommand,
  build: async () => (await import("./commands/build.ts")).buildCommand,
  run: async () => (await import("./commands/run.ts")).runCommand,
  schema: async () => (await import("./commands/schema.ts")).schemaCommand,
  explain: async () => (await import("./commands/explain.ts")).explainCommand,
  test: async () => (await import("./commands/test.ts")).testCommand,
  diff: async () => (await import("./commands/diff.ts")).diffCommand,
  lsp: async () => (await import("./commands/lsp.ts")).lspCommand,
  fmt: async () => (await import("./commands/fmt.ts")).fmtCommand,
  review: async () => (await import("./commands/review.ts")).reviewCommand,
  replay: async () => (await import("./commands/replay.ts")).replayCommand,
  "gen-log": async () => (await import("./commands/gen-log.ts")).genLogCommand,
};

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === "-h" || first === "--help" || first === "help") {
      const topic = first === "help" ? rest[0] : undefined;
      if (topic !== undefined && isCommandName(topic)) {
        io.stdout(commandHelp(topic));
        return 0;
      }
      io.stdout(mainHelp());
      return first === undefined ? 2 : 0;
    }
    if (first === "-v" || first === "--version") {
      io.stdout(`handoff ${packageVersion()}\n`);
      return 0;
    }
    if (!isCommandName(first)) throw new UsageError(`unknown command \`${first}\` (commands: ${commandNames.join(", ")}; see \`handoff --help\`)`);
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(commandHelp(first));
      return 0;
    }
    return await (await commands[first]()).run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`handoff: ${error.message}\n`);
      return 2;
    }
    io.stderr(`handoff: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 70;
  }
}
