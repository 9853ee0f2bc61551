/**
 * Builds the VS Code extension in editor/vscode into a .vsix:
 *
 *   npm run package:vscode [-- --out PATH]
 *
 * 1. bundles src/extension.ts and everything it imports (vscode-languageclient included) with esbuild
 *    into dist/extension.js, a CommonJS file whose only external module is `vscode`;
 * 2. runs `vsce package --no-dependencies` there (the bundle needs no node_modules), writing
 *    editor/vscode/handoff-<version>.vsix unless --out says otherwise, and prints the path.
 *
 * Exit codes: 0 written, 1 build or packaging failed, 2 bad arguments.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

export const extensionDir = fileURLToPath(new URL("../editor/vscode/", import.meta.url));

/** Bundles the client into dist/extension.js; returns that path. */
export async function bundleExtension(): Promise<string> {
  const outfile = join(extensionDir, "dist/extension.js");
  await build({
    entryPoints: [join(extensionDir, "src/extension.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["vscode"],
    minify: true,
    sourcemap: false,
    logLevel: "warning",
  });
  return outfile;
}

/** Bundles, then packs the extension into `out`. Throws with vsce's exit status on failure. */
export async function packageExtension(out: string): Promise<void> {
  await bundleExtension();
  const vsce = join(dirname(createRequire(import.meta.url).resolve("@vscode/vsce/package.json")), "vsce");
  mkdirSync(dirname(out), { recursive: true });
  rmSync(out, { force: true });
  // stdin is closed so that a vsce question (a missing field, say) fails instead of waiting forever.
  const result = spawnSync(
    process.execPath,
    [vsce, "package", "--no-dependencies", "--allow-missing-repository", "--out", out],
    { cwd: extensionDir, stdio: ["ignore", "inherit", "inherit"] },
  );
  if (result.status !== 0 || !existsSync(out)) {
    rmSync(out, { force: true });
    throw new Error(`vsce package failed (exit status ${result.status ?? result.signal})`);
  }
}

function defaultOut(): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8")) as { name: string; version: string };
  return join(extensionDir, `${manifest.name}-${manifest.version}.vsix`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  let out: string;
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), options: { out: { type: "string" } }, strict: true });
    out = values.out === undefined ? defaultOut() : resolve(values.out);
  } catch (error) {
    console.error(`package-vscode: ${(error as Error).message.split("\n")[0]} (usage: npm run package:vscode -- [--out PATH])`);
    process.exit(2);
  }
  try {
    await packageExtension(out);
    console.log(`wrote ${out}`);
  } catch (error) {
    console.error(`package-vscode: ${(error as Error).message}`);
    process.exit(1);
  }
}
