/** The import graph of the project's own source: which file imports which, read from the text. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import ts from "typescript";

export const root = join(import.meta.dirname, "..", "..");

export interface Import {
  /** Importing file, relative to the root. */
  readonly from: string;
  /** A relative import resolved against the root, or the bare package name (`chevrotain`, `node:fs`). */
  readonly to: string;
  readonly relative: boolean;
}

/** Every `.ts`/`.js` file under `folder` (relative to the root), skipping generated CST types. */
export function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      const path = join(dir, name);
      if (name === "node_modules" || name === "dist") continue;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.(ts|js|mjs)$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
    }
  };
  walk(folder);
  return out.sort();
}

/** Static, re-export and dynamic imports, as TypeScript's own pre-processor finds them (so text inside strings is not read). */
export function importsOf(file: string): Import[] {
  const text = readFileSync(join(root, file), "utf8");
  return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName: spec }) =>
    spec.startsWith(".")
      ? { from: file, to: normalize(relative(root, join(root, dirname(file), spec))), relative: true }
      : { from: file, to: spec, relative: false },
  );
}

/** The top-level folder of a root-relative path (`compiler/check/x.ts` → `compiler`). */
export function layerOf(path: string): string {
  return path.split(/[\\/]/)[0]!;
}
