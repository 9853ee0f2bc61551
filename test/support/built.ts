/**
 * Vitest global setup: the tests that start `handoff` as a user does (bin/handoff.js, the language
 * server, the packed tarball) run the compiled package in dist/, so it is rebuilt first whenever a
 * source file is newer than the build. `npm ci` and `npm install` build it already (`prepare`).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");
const layers = ["diagnostics", "grammar", "compiler", "runtime", "cli", "format", "prettier", "lsp", "review", "api"];

function newestSource(): number {
  let newest = Math.max(...["package.json", "tsconfig.json", "tsconfig.build.json"].map((f) => statSync(join(root, f)).mtimeMs));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") || entry.name.endsWith(".py")) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const layer of layers) if (existsSync(join(root, layer))) walk(join(root, layer));
  return newest;
}

export function setup(): void {
  const built = join(root, "dist", "cli", "main.js");
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource()) return;
  execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit" });
}
