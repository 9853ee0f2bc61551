/**
 * Test helpers for generated modules: transpile to JavaScript and import, and type-check under
 * `tsc --strict` with only the ES2022 library (no DOM, no Node types).
 */
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import type { Decision, Validation } from "../../runtime/prelude/index.ts";

export interface GeneratedModule {
  decide(signals: unknown, context?: unknown): Decision;
  validate(signals: unknown): Validation;
  readonly contract: {
    readonly name: string;
    readonly version: string | null;
    readonly policy: string;
    readonly rules: readonly string[];
    readonly hash: string;
    readonly pii: { readonly signals: readonly string[]; readonly fields: readonly string[] };
  };
}

const dir = join(tmpdir(), `handoff-codegen-${process.pid}`);
process.once("exit", () => rmSync(dir, { recursive: true, force: true }));

/** The generated TypeScript as JavaScript (type annotations erased, nothing else changed). */
export function transpile(source: string): string {
  const out = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    reportDiagnostics: true,
  });
  if (out.diagnostics?.length) throw new Error(ts.formatDiagnostics(out.diagnostics, formatHost));
  return out.outputText;
}

/** Transpiles and imports a generated module (from a file under the OS temp directory). */
export async function loadGenerated(source: string): Promise<GeneratedModule> {
  const js = transpile(source);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${createHash("sha256").update(js).digest("hex").slice(0, 20)}.mjs`);
  writeFileSync(file, js);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as GeneratedModule;
}

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => "/",
  getNewLine: () => "\n",
};

/**
 * Type-checks in-memory modules (name → source) in one program with `strict: true` (plus `extra`)
 * and lib ES2022 only; returns the formatted diagnostics ("" when there are none).
 */
export function typecheck(files: Readonly<Record<string, string>>, extra: ts.CompilerOptions = {}): string {
  const options: ts.CompilerOptions = {
    ...extra,
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts"],
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options, true);
  const virtual = new Map<string, string>(Object.entries(files).map(([name, text]) => [`/virtual/${name}`, text]));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(fileName);
    return text !== undefined
      ? ts.createSourceFile(fileName, text, languageVersion, true)
      : getSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => virtual.has(fileName) || fileExists(fileName);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => name === "/virtual" || (directoryExists?.(name) ?? false);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => virtual.get(fileName) ?? readFile(fileName);
  const program = ts.createProgram([...virtual.keys()], options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return diagnostics.length === 0 ? "" : ts.formatDiagnostics(diagnostics, formatHost);
}

/** The flags of the strictest common project settings (a generated file dropped into such a project). */
export const strictestOptions: ts.CompilerOptions = {
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noImplicitOverride: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noPropertyAccessFromIndexSignature: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  declaration: true,
  isolatedDeclarations: true,
};
