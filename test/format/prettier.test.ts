/** The Prettier plugin gives exactly `formatSource`'s text, through Prettier's API and its command line. */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import * as plugin from "../../prettier/index.js";
import { tempDir } from "../support/cli.ts";
import { fmt } from "../support/format.ts";

const root = new URL("../../", import.meta.url).pathname;
const examples = ["support", "b2b-sales", "clinic-intake", "property-viewings"].map((name) =>
  readFileSync(join(root, "examples", `${name}.handoff`), "utf8"),
);
const messy = `# a contract\nsignals { vip: bool # VIP list\n}\n\n\n\nwhen vip then route to senior within 1h\notherwise answer`;

describe("the Prettier plugin", () => {
  it("formats like formatSource, for every example and a messy contract", async () => {
    for (const source of [...examples, messy]) {
      expect(await prettier.format(source, { parser: "handoff", plugins: [plugin] })).toBe(fmt(source));
    }
  });

  it("is picked for .handoff files by name, and keeps Prettier's endOfLine", async () => {
    expect(await prettier.format(messy, { filepath: "desk.handoff", plugins: [plugin] })).toBe(fmt(messy));
    expect(await prettier.format(messy, { filepath: "desk.handoff", plugins: [plugin], endOfLine: "crlf" })).toBe(fmt(messy).replace(/\n/g, "\r\n"));
  });

  it("rejects a contract with syntax errors, with the position", async () => {
    await expect(prettier.format("signals { a: bool }\nrule when a then answer\n", { parser: "handoff", plugins: [plugin] })).rejects.toThrow(
      /expected a name after `rule`, found `when` \(2:6\)/,
    );
  });

  it("works from Prettier's command line: --plugin ./prettier/index.js --write, then .prettierrc and --check", () => {
    const dir = tempDir({ "desk.handoff": messy });
    const prettierBin = join(root, "node_modules", "prettier", "bin", "prettier.cjs");
    const plugin = join(root, "prettier", "index.js");
    execFileSync(process.execPath, [prettierBin, "--plugin", plugin, "--write", "desk.handoff"], { cwd: dir });
    expect(readFileSync(join(dir, "desk.handoff"), "utf8")).toBe(fmt(messy));
    writeFileSync(join(dir, ".prettierrc"), JSON.stringify({ plugins: [plugin] }));
    expect(spawnSync(process.execPath, [prettierBin, "--check", "desk.handoff"], { cwd: dir, encoding: "utf8" }).status).toBe(0);
  });
});
