// The layers of compiler/analysis/: the solver (solver/) knows nothing of the analyses, and no file of
// analysis takes part in an import cycle (type-only imports included).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../compiler/analysis");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** Each file of analysis (relative to it) with the files of analysis it imports. */
function imports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files(root)) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"(\.[^"]+)"/gms)]
      .map((m) => resolve(dirname(file), m[1]!))
      .filter((target) => target.startsWith(root + "/"))
      .map((target) => relative(root, target));
    graph.set(relative(root, file), targets);
  }
  return graph;
}

describe("compiler/analysis layers", () => {
  const graph = imports();

  it("finds the files and their imports", () => {
    expect(graph.get("registry.ts")).toContain("context.ts");
    expect(graph.get("solver/solve.ts")).toContain("solver/search.ts");
  });

  it("the solver imports nothing of analysis outside solver/", () => {
    const outside = [...graph].flatMap(([file, targets]) => (file.startsWith("solver/") ? targets.filter((t) => !t.startsWith("solver/")).map((t) => `${file} -> ${t}`) : []));
    expect(outside).toEqual([]);
  });

  it("has no import cycle", () => {
    const state = new Map<string, "open" | "done">();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...path.slice(path.indexOf(file)), file].join(" -> "));
        return;
      }
      state.set(file, "open");
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
