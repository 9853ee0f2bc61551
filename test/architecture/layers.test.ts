/**
 * The layers point down (docs/architecture.md): diagnostics at the bottom; grammar on diagnostics;
 * compiler on grammar and the runtime; tools on the compiler; the CLI on everything. A file that
 * imports against this order fails here with the offending import named.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { importsOf, layerOf, root, sourceFiles, type Import } from "./imports.ts";

/** For each layer, the layers (besides itself) its files may import. */
const allowed: Readonly<Record<string, readonly string[]>> = {
  diagnostics: [],
  runtime: [],
  grammar: ["diagnostics"],
  compiler: ["diagnostics", "grammar", "runtime", "format"],
  format: ["diagnostics", "grammar"],
  prettier: ["diagnostics", "grammar", "format"],
  review: ["diagnostics", "grammar", "compiler", "runtime"],
  lsp: ["diagnostics", "grammar", "compiler", "runtime", "format"],
  api: ["diagnostics", "grammar", "compiler", "runtime", "format"],
  cli: ["diagnostics", "grammar", "compiler", "runtime", "format", "review", "lsp", "package.json"],
  bin: ["dist"],
};

/** Packages a layer may load; node: built-ins are open to the layers that run on Node. */
const packages: Readonly<Record<string, readonly string[]>> = {
  diagnostics: [],
  runtime: ["node:"],
  grammar: ["chevrotain"],
  compiler: ["node:", "ts-morph", "prettier"],
  format: ["chevrotain"],
  prettier: ["prettier", "tsx"],
  review: ["node:", "tsx"],
  lsp: ["node:", "chevrotain", "vscode-languageserver", "vscode-languageserver-textdocument", "tsx"],
  api: [],
  cli: ["node:"],
  bin: ["node:"],
};

const imports: Import[] = Object.keys(allowed).flatMap((layer) => sourceFiles(layer).flatMap(importsOf));

const show = (i: Import) => `${i.from} imports ${i.to}`;

describe("layers", () => {
  it("finds the source", () => {
    expect(sourceFiles("grammar")).toContain("grammar/parse.ts");
    expect(imports.some((i) => i.from === "cli/main.ts")).toBe(true);
  });

  for (const [layer, below] of Object.entries(allowed)) {
    it(`${layer} imports only ${below.length === 0 ? "itself" : below.join(", ")}`, () => {
      const wrong = imports.filter((i) => i.relative && layerOf(i.from) === layer && layerOf(i.to) !== layer && !below.includes(layerOf(i.to)));
      expect(wrong.map(show)).toEqual([]);
    });

    it(`${layer} loads only the packages it is allowed`, () => {
      const ok = packages[layer]!;
      const wrong = imports.filter((i) => !i.relative && layerOf(i.from) === layer && !ok.some((p) => (p.endsWith(":") ? i.to.startsWith(p) : i.to === p || i.to.startsWith(`${p}/`))));
      expect(wrong.map(show)).toEqual([]);
    });
  }

  it("the runtime prelude imports nothing outside itself, since generated modules inline it", () => {
    const prelude = imports.filter((i) => i.from.startsWith("runtime/prelude"));
    expect(sourceFiles("runtime").some((f) => f.startsWith("runtime/prelude"))).toBe(true);
    expect(prelude.filter((i) => !i.relative || !i.to.startsWith("runtime/prelude")).map(show)).toEqual([]);
  });

  it("the compiler uses only the formatter's document printer (the code generator lays out with it), never the formatter", () => {
    const fromCompiler = imports.filter((i) => i.relative && layerOf(i.from) === "compiler" && layerOf(i.to) === "format");
    expect(fromCompiler.length).toBeGreaterThan(0);
    expect(fromCompiler.filter((i) => !["format/doc.ts", "format/render.ts"].includes(i.to)).map(show)).toEqual([]);
    const printer = ["format/doc.ts", "format/render.ts"];
    expect(imports.filter((i) => i.relative && printer.includes(i.from) && i.to.startsWith("format/") && !printer.includes(i.to)).map(show)).toEqual([]);
  });

  it("ts-morph, a development dependency, is loaded only by the prelude extractor, which an installed package never runs", () => {
    expect(imports.filter((i) => i.to === "ts-morph").map((i) => i.from)).toEqual(["compiler/codegen/prelude-extract.ts"]);
  });

  it("the analyses' solver (compiler/analysis/solver/) imports nothing of the analysis rules around it", () => {
    const solver = imports.filter((i) => i.from.startsWith("compiler/analysis/solver/"));
    expect(solver.length).toBeGreaterThan(0);
    expect(solver.filter((i) => i.relative && i.to.startsWith("compiler/analysis/") && !i.to.startsWith("compiler/analysis/solver/")).map(show)).toEqual([]);
  });

  it("no file imports itself through others", () => {
    const edges = new Map<string, Set<string>>();
    for (const i of imports) {
      if (!i.relative) continue;
      if (!edges.has(i.from)) edges.set(i.from, new Set());
      edges.get(i.from)!.add(i.to);
    }
    expect(cycles(edges)).toEqual([]);
  });
});

/** Each strongly connected set of two or more files (Tarjan), as a sorted list. */
function cycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const set: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        set.push(w);
      } while (w !== v);
      if (set.length > 1) out.push(set.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe("index files", () => {
  // An index names a folder's public face; the work lives in files named for what they do.
  const indexes = Object.keys(allowed)
    .flatMap(sourceFiles)
    .filter((f) => /(^|\/)index\.ts$/.test(f));

  it("exist for the folders others import", () => {
    expect(indexes).toEqual(expect.arrayContaining(["api/index.ts", "compiler/check/index.ts", "compiler/codegen/index.ts", "diagnostics/index.ts", "format/index.ts"]));
  });

  it.each(indexes)("%s only re-exports", (file) => {
    const source = ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.Latest);
    const work = source.statements.filter((s) => !(ts.isExportDeclaration(s) && s.moduleSpecifier !== undefined));
    expect(work.map((s) => s.getText(source).split("\n")[0])).toEqual([]);
  });
});
