/**
 * The package's root folder: the nearest folder above this file whose package.json names `handoff`.
 * The answer is the same whether the compiler runs from its TypeScript sources (`compiler/`) or from
 * the built JavaScript (`dist/compiler/`), so the files shipped beside the code — package.json, the
 * runtime prelude's TypeScript, which generated modules inline — are found the same way in both.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let found: string | undefined;

export function packageRoot(): string {
  if (found !== undefined) return found;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === "handoff") return (found = dir);
    if (dirname(dir) === dir) throw new Error(`handoff: no package.json of handoff above ${start}`);
  }
}
