// The extension's static parts agree with each other: manifest, language configuration, grammar,
// client source; and the client type-checks under its own tsconfig (the root one does not cover editor/).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extensionDir, grammarPath } from "./textmate.ts";

const read = (path: string) => readFileSync(join(extensionDir, path), "utf8");
const manifest = JSON.parse(read("package.json"));
const clientSource = read("src/extension.ts");

describe("language-configuration.json", () => {
  const config = JSON.parse(read("language-configuration.json"));

  it("has `#` line comments, bracket pairs, and auto-closes brackets and quotes", () => {
    expect(config.comments).toEqual({ lineComment: "#" });
    expect(config.brackets).toEqual(expect.arrayContaining([["{", "}"], ["[", "]"], ["(", ")"]]));
    const closing = Object.fromEntries(config.autoClosingPairs.map((p: { open: string; close: string }) => [p.open, p.close]));
    expect(closing).toEqual({ "{": "}", "[": "]", "(": ")", '"': '"' });
  });

  it("treats most-severe, durations and identifiers as single words", () => {
    const word = new RegExp(`^(?:${config.wordPattern})$`);
    for (const w of ["most-severe", "first-match", "1h30m", "-0.5", "angry_repeat", "tier2"]) expect(w).toMatch(word);
    expect("a-b").not.toMatch(word);
  });

  it("indents after `rule NAME`, `test \"...\"` and an opening brace, not after a one-line rule", () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    expect("rule angry_repeat").toMatch(increase);
    expect('test "medical questions stop"   # why').toMatch(increase);
    expect("signals {").toMatch(increase);
    expect("rule vip when tier is enterprise then answer").not.toMatch(increase);
    expect(new RegExp(config.indentationRules.decreaseIndentPattern).test("}")).toBe(true);
  });
});

describe("package.json of the extension", () => {
  it("contributes the handoff language for .handoff files, with files that exist", () => {
    const [language] = manifest.contributes.languages;
    expect(language.id).toBe("handoff");
    expect(language.extensions).toEqual([".handoff"]);
    expect(existsSync(join(extensionDir, language.configuration))).toBe(true);
    const [grammar] = manifest.contributes.grammars;
    expect(grammar).toMatchObject({ language: "handoff", scopeName: "source.handoff" });
    expect(join(extensionDir, grammar.path)).toBe(grammarPath);
    expect(JSON.parse(readFileSync(grammarPath, "utf8")).scopeName).toBe("source.handoff");
  });

  it("activates on handoff files and runs the bundle", () => {
    expect(manifest.activationEvents).toContain("onLanguage:handoff");
    expect(manifest.main).toBe("./dist/extension.js");
    expect(manifest.engines.vscode).toBe("^1.91.0");
    const types = JSON.parse(readFileSync(join(extensionDir, "../../node_modules/@types/vscode/package.json"), "utf8"));
    expect(types.version.startsWith("1.91.")).toBe(true);
  });

  it("declares what the client reads and registers", () => {
    const settings = Object.keys(manifest.contributes.configuration.properties);
    expect(settings).toEqual(["handoff.server.path", "handoff.trace.server"]);
    expect(clientSource).toContain('getConfiguration("handoff").get<string>("server.path"');
    // vscode-languageclient reads `<client id>.trace.server`.
    expect(clientSource).toContain('new LanguageClient("handoff"');
    for (const { command } of manifest.contributes.commands) expect(clientSource).toContain(`"${command}"`);
    expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations).toEqual(["handoff.server.path"]);
  });

  it("ships no sources: .vscodeignore leaves out src and TypeScript", () => {
    const ignored = read(".vscodeignore").split("\n");
    expect(ignored).toEqual(expect.arrayContaining(["src/**", "**/*.ts"]));
  });
});

it("the client type-checks under editor/vscode/tsconfig.json", () => {
  const root = join(extensionDir, "../..");
  let output = "";
  try {
    execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(extensionDir, "tsconfig.json"), "--pretty", "false"], {
      encoding: "utf8",
    });
  } catch (error) {
    output = (error as { stdout?: string }).stdout ?? String(error);
  }
  expect(output).toBe("");
});
