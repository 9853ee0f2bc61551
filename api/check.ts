/**
 * `check` and `compile` as the library publishes them: compiler/compile.ts with only the parts a host
 * or tool relies on. The syntax tree, the analyses' witnesses and the code generator's plan stay
 * internal, so their shapes can change without breaking anyone.
 */
import { check as checkSource, compile as compileSource } from "../compiler/compile.ts";
import type { ContractModel } from "../compiler/model.ts";
import type { Diagnostic } from "../diagnostics/index.ts";

export interface CheckOptions {
  /** The file's path or name, used for the contract name when it declares none (its base name without `.handoff`). */
  readonly fileName?: string;
}

/** Options of `compile`: those of `check` for now; options that only code generation takes will go here. */
export interface CompileOptions extends CheckOptions {}

export interface CheckResult {
  /** What `decide` and `validate` take; null when any diagnostic is an error. */
  readonly model: ContractModel | null;
  /** Every error, warning and info, sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface CompileResult extends CheckResult {
  /** The generated TypeScript module; null exactly when `model` is null. */
  readonly output: string | null;
}

/** Parses, checks and analyses a contract. Synchronous. Never throws on a string; a TypeError on anything else. */
export function check(source: string, options: CheckOptions = {}): CheckResult {
  const { model, diagnostics } = checkSource(text(source, "check"), optionsOf(options));
  return { model, diagnostics };
}

/**
 * `check`, then code generation when there is no error. Resolves for any string (rejecting would be a
 * bug in handoff); rejects with a TypeError on anything else.
 */
export async function compile(source: string, options: CompileOptions = {}): Promise<CompileResult> {
  const { model, diagnostics, output } = await compileSource(text(source, "compile"), optionsOf(options));
  return { model, diagnostics, output };
}

function text(source: unknown, fn: string): string {
  if (typeof source !== "string") throw new TypeError(`${fn}: the contract source must be a string, got ${source === null ? "null" : typeof source}`);
  return source;
}

/** Only the options this layer publishes reach the compiler (a `strategy` smuggled in from JavaScript does not). */
function optionsOf(options: CheckOptions): CheckOptions {
  return options?.fileName === undefined ? {} : { fileName: options.fileName };
}
