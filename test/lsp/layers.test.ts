// The language server sits beside the CLI, not on top of it: nothing it loads, directly or through
// other modules (dynamic imports included), comes from cli/.
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

/** Every repository file reachable from `entry` through relative static and dynamic imports. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) visit(join(dirname(file), spec!));
  };
  visit(entry);
  return seen;
}

describe("layers", () => {
  it("lsp/ never imports cli/", () => {
    const files = [...reachable(join(root, "lsp/server.ts")), ...reachable(join(root, "lsp/analysis-worker.ts"))].map((f) => relative(root, f));
    expect(files).toContain("lsp/hover.ts");
    expect(files.filter((f) => f.startsWith("cli/"))).toEqual([]);
  });
});
