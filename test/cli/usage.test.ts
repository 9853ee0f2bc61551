// The command table (cli/usage.ts) is the one description of the command line: the README's command
// section lists exactly its commands, options and exit codes, every command parses exactly the options
// the table gives it, and `--help` prints from it.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { commandNames, commandUsage, exitCodes, globalOptions, type CommandUsage } from "../../cli/usage.ts";
import { cli, tempDir } from "../support/cli.ts";

const root = resolve(import.meta.dirname, "../..");

/** The README's `## The command line` section. */
function readmeSection(): string {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const start = readme.indexOf("\n## The command line\n");
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** Per command in the README's table (`""` for `handoff --help` and the like), the long options its first column writes. */
function readmeOptions(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const row of readmeSection().split("\n").filter((l) => l.startsWith("| `handoff"))) {
    const first = row.split(/(?<!\\)\|/)[1]!;
    for (const [, form] of first.matchAll(/`(handoff [^`]*)`/g)) {
      const word = form!.split(" ")[1]!;
      const command = word.startsWith("-") || word === "COMMAND" ? "" : word;
      const options = out.get(command) ?? new Set<string>();
      for (const [flag] of form!.matchAll(/--[a-z][a-z-]*/g)) options.add(flag);
      out.set(command, options);
    }
  }
  return out;
}

const longOptions = (usage: CommandUsage): string[] => usage.options.map((o) => o.name).filter((n) => n.startsWith("--")).sort();

describe("the README's command section", () => {
  it("lists exactly the commands of the table", () => {
    expect([...readmeOptions().keys()].filter((c) => c !== "").sort()).toEqual([...commandNames].sort());
  });

  it.each(commandNames)("lists exactly the options of `handoff %s`", (name) => {
    expect([...(readmeOptions().get(name) ?? [])].sort()).toEqual(longOptions(commandUsage[name]));
  });

  it("lists exactly the options of `handoff` itself", () => {
    expect([...(readmeOptions().get("") ?? [])].sort()).toEqual(globalOptions.map((o) => o.name).sort());
  });

  it("lists exactly the exit codes of the table", () => {
    const line = readmeSection().split("\n\n").find((p) => p.startsWith("Exit codes:"));
    expect(line, "an `Exit codes:` paragraph").toBeDefined();
    const codes = [...line!.matchAll(/`(\d+)`/g)].map((m) => m[1]);
    expect(codes).toEqual(Object.keys(exitCodes));
  });
});

describe("the command table and the commands", () => {
  /** The options a command's source passes to `parse(args, { … }, "name")`: name, type and alias. */
  function parsedOptions(name: string): string[] {
    const source = readFileSync(join(root, "cli/commands", `${name}.ts`), "utf8");
    const start = source.search(/\bparse\(\s*args,/);
    expect(start, "a parse(args, …) call").toBeGreaterThan(0);
    const call = source.slice(start, source.indexOf(`"${name}"`, start));
    return [...call.matchAll(/"?([a-z][a-z-]*)"?: \{ type: "(string|boolean)"(?:, short: "(\w)")?/g)]
      .map(([, option, type, short]) => `--${option} ${type}${short ? ` -${short}` : ""}`)
      .sort();
  }

  it.each(commandNames)("`handoff %s` parses exactly the options of its entry", (name) => {
    const usage: CommandUsage = commandUsage[name];
    const table = usage.options
      .filter((o) => o.name.startsWith("--"))
      .map((o) => `${o.name} ${o.value === undefined ? "boolean" : "string"}${o.short ? ` -${o.short}` : ""}`)
      .sort();
    expect(parsedOptions(name)).toEqual(table);
  });

  it.each(commandNames)("`handoff %s --help` prints its synopsis, every option and its exit codes", async (name) => {
    const run = await cli(tempDir(), [name, "--help"]);
    expect(run.code).toBe(0);
    const usage: CommandUsage = commandUsage[name];
    expect(run.stdout).toContain(`Usage: handoff ${usage.synopsis[0]}`);
    for (const o of usage.options) expect(run.stdout).toMatch(new RegExp(`^  (-\\w, )?${o.name.replace(/[-]/g, "\\-")}(?=\\s)`, "m"));
    for (const code of Object.keys(exitCodes)) expect(run.stdout).toMatch(new RegExp(`^  ${code} +\\S`, "m"));
  });

  it("`handoff --help` lists every command with its summary", async () => {
    const run = await cli(tempDir(), ["--help"]);
    for (const name of commandNames) expect(run.stdout).toContain(`  ${name.padEnd(8)}${commandUsage[name].summary}\n`);
    expect(run.stdout).toContain("  70 internal error");
  });
});
