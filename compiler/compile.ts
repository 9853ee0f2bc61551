/**
 * The one entry point: source text in, tree + diagnostics + model (+ generated module) out.
 * The CLI, the tests and the editor tooling are thin callers of it. It never throws on any source.
 *
 *   parse (grammar/) → check (compiler/check/) → model → analyse (compiler/analysis/) → generate (compiler/codegen/)
 */
import type { ContractFile } from "../grammar/ast.ts";
import { parse } from "../grammar/parse.ts";
import { analyse, type Witness } from "./analysis/index.ts";
import { checkContract } from "./check/index.ts";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/index.ts";
import type { ContractModel } from "./model.ts";
import type { Plan, Strategy } from "./codegen/plan.ts";

export interface CheckOptions {
  /** The file's path or name; the contract name defaults to its base name without `.handoff`. */
  readonly fileName?: string;
  /**
   * The instant the analyses of calendars count from (epoch ms or an ISO 8601 string); default the
   * clock. `promise-outside-hours` and `unstaffed-handoff` look at the year from its UTC day on.
   */
  readonly now?: number | string;
}

export interface CheckResult {
  readonly ast: ContractFile;
  /** Null when there is any error diagnostic. */
  readonly model: ContractModel | null;
  /** Sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * One winning input per rule that can win, in file order; present when the analyses ran (the checker
   * found no error), even if they then found one.
   */
  readonly witnesses?: readonly Witness[];
  /**
   * The checker's model whenever the checker found no error, even if the analyses then found one
   * (`handoff test` runs on it when the only errors are `not-monotone`, which it reports itself).
   */
  readonly checked?: ContractModel;
}

export interface CompileOptions extends CheckOptions {
  /** Overrides the matching strategy the code generator would choose (see `handoff build --explain-plan`). */
  readonly strategy?: Strategy;
}

export interface CompileResult extends CheckResult {
  /** The generated TypeScript module; null when there is any error diagnostic. */
  readonly output: string | null;
  /** How the module matches rules, and why; present with `output`. */
  readonly plan?: Plan;
}

/** Parses and checks. Synchronous, for editors and `handoff check`. */
export function check(source: string, options: CheckOptions = {}): CheckResult {
  const parsed = parse(source);
  // After `too-large` or `too-deep` the parser built nothing, so checking would only add noise.
  if (parsed.diagnostics.some((d) => d.code === "too-large" || d.code === "too-deep")) {
    return { ast: parsed.ast, model: null, diagnostics: sortDiagnostics(parsed.diagnostics) };
  }
  const checked = checkContract(parsed.ast, { source, text: parsed.source, fileName: options.fileName ?? "contract.handoff" });
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...checked.diagnostics]);
  if (hasErrors(diagnostics) || !checked.model) return { ast: parsed.ast, model: null, diagnostics };
  // The static analyses prove what the checker cannot see locally (coverage, reachability, …).
  const now = typeof options.now === "string" ? Date.parse(options.now) : options.now;
  const analysed = analyse(checked.model, parsed.ast, parsed.source, now !== undefined && Number.isFinite(now) ? now : undefined);
  const all = sortDiagnostics([...diagnostics, ...analysed.diagnostics]);
  return {
    ast: parsed.ast,
    model: hasErrors(all) ? null : checked.model,
    diagnostics: all,
    witnesses: analysed.witnesses,
    checked: checked.model,
  };
}

/** Parses, checks and, when there is no error, generates the module. */
export async function compile(source: string, options: CompileOptions = {}): Promise<CompileResult> {
  const checked = check(source, options);
  if (!checked.model) return { ...checked, output: null };
  // Loaded on demand: code generation pulls in ts-morph and prettier, which `check` never needs.
  const { generateWithPlan } = await import("./codegen/index.ts");
  const { text, plan } = await generateWithPlan(checked.model, options.strategy === undefined ? {} : { strategy: options.strategy });
  return { ...checked, output: text, plan };
}
