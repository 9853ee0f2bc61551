// `npm run package:vscode` end to end: esbuild bundle, then vsce, then the .vsix VS Code installs.
// Takes a few seconds (one esbuild bundle and one vsce run).
import { spawnSync } from "node:child_process";
import { builtinModules } from "node:module";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extensionDir } from "./textmate.ts";
import { zipNames, zipText } from "./zip.ts";

const root = join(import.meta.dirname, "../..");
const script = join(root, "scripts/package-vscode.ts");

function packageVsix(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: root, encoding: "utf8" });
}

describe("package:vscode", () => {
  const dir = mkdtempSync(join(tmpdir(), "handoff-vsix-"));
  const out = join(dir, "nested", "handoff.vsix");
  let run: ReturnType<typeof packageVsix>;
  beforeAll(() => {
    run = packageVsix("--out", out);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the .vsix where --out says and prints its path last", () => {
    expect(run.stderr).not.toMatch(/ERROR/);
    expect(run.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(run.stdout.trim().split("\n").at(-1)).toBe(`wrote ${out}`);
  });

  it("packs the manifest, the bundle, the grammar and the language configuration, and no sources", () => {
    const names = zipNames(out);
    expect(names).toEqual(
      expect.arrayContaining([
        "extension.vsixmanifest",
        "extension/package.json",
        "extension/readme.md",
        "extension/dist/extension.js",
        "extension/syntaxes/handoff.tmLanguage.json",
        "extension/language-configuration.json",
      ]),
    );
    expect(names.filter((n) => n.endsWith(".ts") || n.includes("/src/") || n.includes("node_modules"))).toEqual([]);
    const packed = JSON.parse(zipText(out, "extension/package.json")) as { main: string };
    expect(packed.main).toBe("./dist/extension.js");
    expect(zipText(out, "extension/syntaxes/handoff.tmLanguage.json")).toBe(
      readFileSync(join(extensionDir, "syntaxes/handoff.tmLanguage.json"), "utf8"),
    );
  });

  it("bundles everything but `vscode`: the bundle requires only vscode and Node built-ins", () => {
    const bundle = zipText(out, "extension/dist/extension.js");
    const required = new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!));
    expect(required.has("vscode")).toBe(true);
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    expect([...required].filter((m) => m !== "vscode" && !builtins.has(m))).toEqual([]);
    expect(bundle).toContain("handoff.server.path");
  });

  it("rejects an unknown option with exit code 2 before building anything", () => {
    const bad = packageVsix("--outt", out + ".x");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/package-vscode: .*--outt/);
    expect(existsSync(out + ".x")).toBe(false);
  });
});
