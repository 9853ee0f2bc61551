/**
 * `handoff` — the command line. Every command is a thin caller of `compile()`/`check()`.
 *
 * Exit codes: 0 success; 1 the contract has errors (or the command's check failed);
 * 2 usage errors, unreadable files or unreadable input.
 */
import { readFileSync } from "node:fs";
import { UsageError } from "./args.ts";
import type { Io } from "./io-types.ts";

export type { Io };

interface Command {
  readonly help: string;
  run(args: readonly string[], io: Io): Promise<number>;
}

interface CommandEntry {
  readonly summary: string;
  /** Loaded on demand so `--version` and `--help` start fast and `check` never loads the code generator. */
  load(): Promise<Command>;
}

const commands: Readonly<Record<string, CommandEntry>> = {
  check: { summary: "check contracts and print their diagnostics", load: async () => (await import("./commands/check.ts")).checkCommand },
  build: { summary: "compile a contract into a dependency-free TypeScript module", load: async () => (await import("./commands/build.ts")).buildCommand },
  run: { summary: "decide one turn with a contract and print the decision as JSON", load: async () => (await import("./commands/run.ts")).runCommand },
  explain: { summary: "decide one turn and show, rule by rule, why", load: async () => (await import("./commands/explain.ts")).explainCommand },
  test: { summary: "prove every test block of contracts, for all inputs", load: async () => (await import("./commands/test.ts")).testCommand },
  diff: { summary: "prove where two versions of a contract decide differently", load: async () => (await import("./commands/diff.ts")).diffCommand },
  lsp: { summary: "run the language server for editors (LSP over standard input and output)", load: async () => (await import("./commands/lsp.ts")).lspCommand },
  fmt: { summary: "rewrite contracts in the canonical layout (--check: only list them)", load: async () => (await import("./commands/fmt.ts")).fmtCommand },
  review: { summary: "review decision logs: figures, near misses and a sample per action", load: async () => (await import("./commands/review.ts")).reviewCommand },
  replay: { summary: "re-decide logged decisions with a new contract version and report changes", load: async () => (await import("./commands/replay.ts")).replayCommand },
  "gen-log": { summary: "write a realistic synthetic decision log for a contract", load: async () => (await import("./commands/gen-log.ts")).genLogCommand },
};

const exitCodes = `Exit codes:
  0  success
  1  the contract has errors (diagnostics are printed)
  2  usage error, unreadable file or unreadable input (one line on stderr)`;

function mainHelp(): string {
  const list = Object.entries(commands)
    .map(([name, c]) => `  ${name.padEnd(8)}${c.summary}`)
    .join("\n");
  return `handoff — compile Human Handoff Contracts into a dependency-free decide() module

Usage: handoff <command> [options]

Commands:
${list}

Options:
  -h, --help     show help (also: handoff <command> --help)
  -v, --version  print the version

${exitCodes}
`;
}

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === "-h" || first === "--help" || first === "help") {
      const topic = first === "help" && rest[0] !== undefined && Object.hasOwn(commands, rest[0]) ? commands[rest[0]] : undefined;
      if (topic) {
        io.stdout((await topic.load()).help + "\n\n" + exitCodes + "\n");
        return 0;
      }
      io.stdout(mainHelp());
      return first === undefined ? 2 : 0;
    }
    if (first === "-v" || first === "--version") {
      io.stdout(`handoff ${version()}\n`);
      return 0;
    }
    const entry = Object.hasOwn(commands, first) ? commands[first] : undefined;
    if (!entry) throw new UsageError(`unknown command \`${first}\` (commands: ${Object.keys(commands).join(", ")}; see \`handoff --help\`)`);
    const command = await entry.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(command.help + "\n\n" + exitCodes + "\n");
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`handoff: ${error.message}\n`);
      return 2;
    }
    io.stderr(`handoff: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 70;
  }
}
