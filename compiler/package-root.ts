/**
 * The package's root folder: the nearest folder above this file whose package.json names `handoff`.
 * The answer is the same whether the compiler runs from its TypeScript sources (`compiler/`) or from
 * the built JavaScript (`dist/`, where bundling moves code into chunks), so the files shipped beside
 * the code — package.json, the runtime prelude's TypeScript, which generated modules inline, and the
 * built worker scripts — are found the same way in both.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

interface Manifest {
  readonly name?: unknown;
  readonly version: string;
}

let found: { readonly root: string; readonly manifest: Manifest } | undefined;

function locate(): { readonly root: string; readonly manifest: Manifest } {
  if (found !== undefined) return found;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
      if (manifest.name === "handoff") return (found = { root: dir, manifest });
    }
    if (dirname(dir) === dir) throw new Error(`handoff: no package.json of handoff above ${start}`);
  }
}

export function packageRoot(): string {
  return locate().root;
}

/** The package's version, from the package.json `packageRoot` found (read once). */
export function packageVersion(): string {
  return locate().manifest.version;
}

/**
 * A worker thread's script. Built (the caller's `import.meta.url` is JavaScript), the bundle's own entry
 * `dist/<built>`; run from the TypeScript sources (tests, a clone before `npm run build`), `sourceEntry`
 * beside the caller, a small entry that registers tsx first and is not in the package.
 */
export function workerScript(callerUrl: string, sourceEntry: string, built: string): URL {
  return callerUrl.endsWith(".ts") ? new URL(sourceEntry, callerUrl) : pathToFileURL(join(packageRoot(), "dist", built));
}
