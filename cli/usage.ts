/**
 * The command table: every command's synopsis, description, options and exit codes, in one place.
 * `handoff --help` and `handoff <command> --help` print from it, and a test holds the README's command
 * section to it (test/cli/usage.test.ts) and it to the options each command parses.
 *
 * Adding an option to a command: add it to the command's `parse(...)` call and here, then to the
 * README's row for the command.
 */

import { SUMMARY_FIRST, SUMMARY_THRESHOLD } from "./summarise.ts";

/** An option, or (`-`) an argument with a meaning of its own. */
export interface OptionUsage {
  /** `--out`, or `-` for standard input. */
  readonly name: string;
  /** The one-letter alias: `o` for `-o`. */
  readonly short?: string;
  /** What follows the option: `DIR`, `human|json`. None for a switch. */
  readonly value?: string;
  /** One line, or several joined by `\n`. */
  readonly text: string;
}

export interface CommandUsage {
  /** One line, for `handoff --help`. */
  readonly summary: string;
  /** The usage lines, without `handoff `. */
  readonly synopsis: readonly string[];
  /** What the command does, before its options. */
  readonly description: string;
  readonly options: readonly OptionUsage[];
  /** Caveats printed after the options. */
  readonly notes?: string;
  /** Exit codes whose meaning differs from `exitCodes` (or that only this command has). */
  readonly exits?: Readonly<Partial<Record<ExitCode, string>>>;
}

export type ExitCode = 0 | 1 | 2 | 70;

/** What each exit code means, for every command that does not say otherwise. */
export const exitCodes: Readonly<Record<ExitCode, string>> = {
  0: "success",
  1: "the contract has errors (diagnostics are printed)",
  2: "usage error, unreadable file or unreadable input (one line on stderr)",
  70: "internal error: a bug in handoff (the stack is printed on stderr; please report it)",
};

/** The options of `handoff` itself. */
export const globalOptions: readonly OptionUsage[] = [
  { name: "--help", short: "h", text: "show help (also: handoff <command> --help)" },
  { name: "--version", short: "v", text: "print the version" },
];

const format = (shape: string): OptionUsage => ({ name: "--format", value: "human|json", text: `human (default) or json: ${shape}` });

export const commandUsage = {
  check: {
    summary: "check contracts and print their diagnostics",
    synopsis: ["check FILE... [--format human|json] [--info] [--all] [--witnesses] [--now INSTANT]"],
    description: [
      "Parses and type-checks each contract, proves what the static analyses prove, and prints every diagnostic;",
      `a file with more than ${SUMMARY_THRESHOLD} to show is summarised: per code, its count and the first ${SUMMARY_FIRST} in full.`,
    ].join("\n"),
    options: [
      {
        name: "--format",
        value: "human|json",
        text: [
          "human: file:line:col severity code: message, with the source line and a caret (default)",
          "json: a JSON array of {file, line, column, endLine, endColumn, severity, code, message, hint?, example?, fixes?}",
          "(fixes: [{title, line, column, endLine, endColumn, text, preferred?}], edits that resolve it)",
        ].join("\n"),
      },
      { name: "--info", text: "also print info notes in human output (json always has them); otherwise they are counted" },
      {
        name: "--all",
        text: `print every diagnostic in human output, however many (without it, more than ${SUMMARY_THRESHOLD} in a file are\nsummarised per code with the first ${SUMMARY_FIRST} of each and a count of the rest; json always lists every one)`,
      },
      {
        name: "--witnesses",
        text: [
          "also print, for every rule that can win, one input on which it wins",
          '(human: `rule NAME: signal = value, ...`; json: {"diagnostics": [...], "witnesses": [{file, rule, example}]})',
        ].join("\n"),
      },
      {
        name: "--now",
        value: "INSTANT",
        text: "the ISO 8601 instant the analyses of owners' hours look ahead from, a year and a week (default: now),\nso a check in CI gives the same findings every day",
      },
    ],
  },
  build: {
    summary: "compile a contract into a dependency-free TypeScript (or Python) module",
    synopsis: ["build FILE [--out DIR] [--target ts|python] [--emit-tests] [--explain-plan] [--strategy NAME]"],
    description: "Checks the contract and writes DIR/<name>.ts (DIR/<name>.py with --target python), where <name> is the file name without .handoff.",
    options: [
      {
        name: "--target",
        value: "ts|python",
        text: "ts: a TypeScript module (default); python: one module for Python 3.9+, standard library only\n(decide, validate, CONTRACT; see docs/python.md)",
      },
      { name: "--out", short: "o", value: "DIR", text: "where to write the module (default: beside the contract; created if missing)" },
      { name: "--explain-plan", text: "also print how the module matches rules (inline, chunked or indexed; for python inline or indexed) and why" },
      {
        name: "--strategy",
        value: "NAME",
        text: "use this matching strategy instead of the one chosen: inline, chunked or indexed (python: inline\nor indexed); every strategy decides identically, they differ in speed and size",
      },
      {
        name: "--emit-tests",
        text: [
          "also write DIR/<name>.test.ts: vitest + fast-check property tests of the module (decide is",
          "total; every `test` block holds on random completions of its `given`; every witness of",
          "the static analysis makes its rule win). The host project supplies vitest and fast-check.",
          "With --target python: DIR/test_<name>.py, the same checks as a standard-library unittest",
          "file (seeded random draws); run `python3 -m unittest` in DIR.",
        ].join("\n"),
      },
    ],
    notes: "On any error the diagnostics are printed and no file is written. Warnings are printed and do not stop the build.",
  },
  run: {
    summary: "decide one turn with a contract and print the decision as JSON",
    synopsis: ["run FILE --input INPUT.json|-"],
    description: "Checks the contract, then decides one turn with the reference interpreter and prints the decision.",
    options: [
      {
        name: "--input",
        short: "i",
        value: "FILE",
        text: 'a JSON object { "signals": {...}, "context": {...} } ("-" reads standard input);\n"context" is optional; signals that fail validation give the invalid-input decision',
      },
    ],
  },
  schema: {
    summary: "print JSON Schema for a contract's input, decision or signal extraction",
    synopsis: ["schema FILE [--for input|decision|extraction]"],
    description: [
      "Checks the contract and prints JSON Schema (draft 2020-12) generated from it: types, ranges, enums,",
      "defaults, required signals, `pii` marks (x-handoff-pii), and the comment after each signal and field",
      "declaration as its description.",
    ].join("\n"),
    options: [
      {
        name: "--for",
        value: "input|decision|extraction",
        text: [
          "input (default): the { signals, context } object decide() takes; $defs also holds the decision",
          "decision: the decision decide() returns",
          "extraction: the signals alone, for an LLM's structured output (every property required,",
          "additionalProperties false, null for unknown where the contract has a default)",
        ].join("\n"),
      },
    ],
  },
  explain: {
    summary: "decide one turn and show, rule by rule, why",
    synopsis: ["explain FILE --input INPUT.json|- [--format human|json]"],
    description: [
      "Checks the contract, decides one turn with the reference interpreter, and shows why: for every rule in",
      "file order, whether its condition held and, where it did not, the first comparison that failed with the",
      "input's value. Invalid input shows the decision and every problem.",
    ].join("\n"),
    options: [
      { name: "--input", short: "i", value: "FILE", text: 'a JSON object { "signals": {...}, "context": {...} }, as for `handoff run`\n("-" reads standard input)' },
      { ...format("{ decision, rules: [{ rule, held, failed? }] }"), short: "f" },
    ],
  },
  test: {
    summary: "prove every test block of contracts, for all inputs",
    synopsis: ["test FILE... [--format human|json]"],
    description: [
      "Checks each contract and proves every `test` block: a test passes only if EVERY valid input that agrees",
      "with its `given` (all other signals over their whole valid range) gets the expected decision. This is",
      "exact, not sampled. A failing test shows a counterexample input and the decision it got.",
      "Prints `✓ name` or `✗ name` per test and a closing line `N passed, N failed`.",
    ].join("\n"),
    options: [{ ...format("{ files: [{ file, tests: [...] }], passed, failed }"), short: "f" }],
    exits: { 1: "a test failed, or a contract has errors (its diagnostics go to standard error)" },
  },
  diff: {
    summary: "prove where two versions of a contract decide differently",
    synopsis: ["diff OLD.handoff NEW.handoff [--format human|json]"],
    description: [
      "Proves where two versions of a contract decide differently (action, owner or deadline) on some valid input.",
      "Both must check without errors and declare the same signals with the same types and ranges.",
    ].join("\n"),
    options: [
      {
        name: "--format",
        value: "human|json",
        text: [
          "human: a matrix old action -> new action, then each change with its regions of inputs",
          "(readable constraints) and one example input with the old and new decision (default)",
          "json: {equivalent, matrix, changes: [{from, to, common, regions: [{where, from, to}], moreRegions,",
          "example: {input, from, to}}], becameUnreachable, becameReachable}",
        ].join("\n"),
      },
    ],
    exits: {
      0: "equivalent: the two versions decide every valid input the same way",
      1: "they differ",
      2: "a contract has errors or the signals differ; a usage error or an unreadable file (one line on stderr)",
    },
  },
  lsp: {
    summary: "run the language server for editors (LSP over standard input and output)",
    synopsis: ["lsp [--stdio]"],
    description: [
      "Runs the handoff language server, speaking the Language Server Protocol (JSON-RPC) over standard input",
      "and output, for any editor: diagnostics as `handoff check` reports them, completion, hover, go to",
      "definition, references, rename, outline, folding, semantic tokens, quick fixes and formatting.",
      "It runs until the editor sends `exit`. See docs/editor.md.",
    ].join("\n"),
    options: [{ name: "--stdio", text: "accepted and ignored (standard input and output are the only transport)" }],
    exits: {
      0: "the editor sent `shutdown`, then `exit`",
      1: "the editor sent `exit` without `shutdown`, or went away",
    },
  },
  fmt: {
    summary: "rewrite contracts in the canonical layout (--check: only list them)",
    synopsis: ["fmt FILE... [--check]", "fmt - [--check]"],
    description: [
      "Rewrites each contract in the canonical layout (docs/formatting.md), in place, and only when it changes.",
      "Comments stay where they were written; the meaning of the contract does not change.",
    ].join("\n"),
    options: [
      { name: "--check", text: "write nothing; list the files that are not formatted (`not formatted: FILE`) and exit 1 if any" },
      { name: "-", text: "read a contract from stdin and write it, formatted, to stdout" },
    ],
    notes: [
      "A file with syntax errors is not formatted: its diagnostics are printed, it is left untouched, and the exit",
      "code is 1. Every file is read before any is written.",
      "Caveat: an unnamed rule is named after the line of its `when` (`rule_12`); formatting can move that line,",
      "and so change the `rule` an unnamed rule reports in decisions. Name rules that others refer to.",
    ].join("\n"),
    exits: { 1: "a contract has syntax errors, or (with --check) is not formatted" },
  },
  review: {
    summary: "review decision logs: figures, near misses and a sample per action",
    synopsis: ["review LOG.jsonl... [--sample N] [--seed S] [--since DATE] [--until DATE]\n                      [--contract FILE.handoff] [--out FILE.html|FILE.md|FILE.json] [--compare EARLIER]"],
    description: [
      "Reviews decision logs (see docs/review.md) in one streaming pass: decisions and near-miss rates per",
      "action and per rule, the rules that never fired, near misses with examples, and a reproducible sample",
      "of decisions per action. Prints a summary; bad lines are counted and listed with their line numbers.",
    ].join("\n"),
    options: [
      { name: "--sample", value: "N", text: "decisions sampled per action (default 5)" },
      { name: "--seed", value: "S", text: 'seed of the sample (default "handoff"): same seed, same log, same sample' },
      { name: "--since", value: "DATE", text: "skip lines before DATE (ISO: 2026-11-02 or 2026-11-02T08:00:00Z)" },
      { name: "--until", value: "DATE", text: "skip lines from DATE on; a date alone includes that whole day (UTC)" },
      { name: "--contract", value: "FILE", text: "the contract, so its rules that never fired are listed even if absent from the log" },
      {
        name: "--out",
        value: "FILE.html|FILE.md|FILE.json",
        text: "also write the report: .html a self-contained HTML report (inline SVG charts, printable),\n.md the report as Markdown, .json every figure, example and sample the report\nshows (docs/schema/review-report.schema.json)",
      },
      {
        name: "--compare",
        value: "EARLIER",
        text: "an earlier period: a log (reviewed whole) or a report saved with --out FILE.json; the\nsummary, .md and .json add what moved, per action, rule and near-miss kind, in points of share",
      },
    ],
    exits: {
      0: "reviewed (even with bad lines)",
      1: "the contract (--contract) has errors",
      2: "usage error or unreadable log (one line on stderr)",
    },
  },
  replay: {
    summary: "re-decide logged decisions with a new contract version and report changes",
    synopsis: ["replay NEW.handoff LOG.jsonl... [--fail-on-change] [--format human|json]"],
    description: [
      "Decides every logged decision again with the new contract (on the logged signals and context) and",
      "reports what would change: a matrix of old action -> new action (on the diagonal, owner or within",
      "changed), the owners and deadlines that change, and example conversations for each changed cell.",
      "The regression check before a contract change ships.",
    ].join("\n"),
    options: [
      { name: "--fail-on-change", text: "exit 1 when any decision would change" },
      {
        name: "--format",
        value: "human|json",
        text: "human: the report as text (default)\njson: {contract, decisions, changed, matrix, cells: [{from, to, count, examples}], owners,\nwithins, newlyInvalid, redactedInputs, unreplayable, bad}",
      },
    ],
    exits: {
      0: "replayed",
      1: "the contract has errors, or (with --fail-on-change) a decision changes",
      2: "usage error or unreadable log (one line on stderr)",
    },
  },
  "gen-log": {
    summary: "write a realistic synthetic decision log for a contract",
    synopsis: ["gen-log CONTRACT.handoff --lines N [--seed S] [--since DATE] [--until DATE] [--out FILE.jsonl]"],
    description: [
      "Writes a realistic synthetic decision log for the contract: interleaved conversations of several turns,",
      "each turn decided by the contract itself, with the events a host records (asked for a person, handoffs",
      "accepted on time, late or never, stops that confused the customer, reopened cases), in time order and",
      "with pii redacted. For trying `handoff review` and `handoff replay`, tests and benchmarks.",
    ].join("\n"),
    options: [
      { name: "--lines", value: "N", text: "exactly N lines" },
      { name: "--seed", value: "S", text: "the same seed gives the same log (default 1)" },
      { name: "--since", value: "DATE", text: "the period's start (ISO: 2026-11-02 or 2026-11-02T08:00:00Z); default\n2026-11-02, or a week before --until" },
      { name: "--until", value: "DATE", text: "the period's end, excluded; a date alone includes that whole day (UTC);\ndefault a week after --since" },
      { name: "--out", value: "FILE", text: "write to FILE (atomically) instead of standard output (use it for large logs)" },
    ],
  },
} as const satisfies Readonly<Record<string, CommandUsage>>;

export type CommandName = keyof typeof commandUsage;

export const commandNames = Object.keys(commandUsage) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandUsage, name);
}

/** The exit codes of a command and what each means. */
export function exitsOf(command: CommandName): readonly [ExitCode, string][] {
  const own: Partial<Record<ExitCode, string>> = (commandUsage[command] as CommandUsage).exits ?? {};
  return (Object.keys(exitCodes).map(Number) as ExitCode[]).map((code) => [code, own[code] ?? exitCodes[code]]);
}

/** `handoff --help`. */
export function mainHelp(): string {
  const list = commandNames.map((name) => `  ${name.padEnd(8)}${commandUsage[name].summary}`).join("\n");
  return `handoff — compile Human Handoff Contracts into a dependency-free decide() module

Usage: handoff <command> [options]

Commands:
${list}

Options:
${optionLines(globalOptions, 2)}

${exitLines(Object.entries(exitCodes).map(([code, text]) => [Number(code) as ExitCode, text]))}
`;
}

/** `handoff <command> --help`. */
export function commandHelp(command: CommandName): string {
  const usage: CommandUsage = commandUsage[command];
  const synopsis = usage.synopsis.map((s, i) => `${i === 0 ? "Usage: " : "       "}handoff ${s}`).join("\n");
  const notes = usage.notes === undefined ? "" : `\n${usage.notes}`;
  return `${synopsis}\n\n${usage.description}\n${optionLines(usage.options)}${notes}\n\n${exitLines(exitsOf(command))}\n`;
}

function label(o: OptionUsage): string {
  const name = o.short === undefined ? o.name : `-${o.short}, ${o.name}`;
  return o.value === undefined ? name : `${name} ${o.value}`;
}

/** Two spaces, the label, and the text at one column for all (`gap` after the longest label); continuation lines at that column. */
function optionLines(options: readonly OptionUsage[], gap = 3): string {
  const width = Math.max(...options.map((o) => label(o).length)) + gap;
  return options
    .map((o) => {
      const [first, ...rest] = o.text.split("\n");
      return [`  ${label(o).padEnd(width)}${first}`, ...rest.map((line) => `  ${"".padEnd(width)}${line}`)].join("\n");
    })
    .join("\n");
}

function exitLines(exits: readonly (readonly [ExitCode, string])[]): string {
  return `Exit codes:\n${exits.map(([code, text]) => `  ${String(code).padEnd(3)}${text}`).join("\n")}`;
}
