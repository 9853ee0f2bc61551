/**
 * Code generation: a checked `ContractModel` in, the text of a dependency-free TypeScript module out.
 *
 *   model → module.ts (the per-contract code, laid out by syntax.ts) + strategies/ (tables)
 *         + the runtime prelude, inlined (prelude.ts: extracted and laid out when the package is built)
 *
 * No formatter runs: every part is written formatted. Same model, byte-identical output.
 */
import type { ContractModel } from "../model.ts";
import { contractText, preludeSection } from "./module.ts";
import type { Plan, Strategy } from "./plan.ts";
import { loadPrelude } from "./prelude.ts";

export interface GenerateOptions {
  /** Overrides the strategy `choosePlan` would pick (tests and benchmarks compare them). */
  readonly strategy?: Strategy;
}

/** The generated module's TypeScript source. */
export async function generate(model: ContractModel, options: GenerateOptions = {}): Promise<string> {
  return (await generateWithPlan(model, options)).text;
}

/** The generated module and the plan it follows. */
export async function generateWithPlan(model: ContractModel, options: GenerateOptions = {}): Promise<{ text: string; plan: Plan }> {
  const prelude = await loadPrelude();
  const { text, tables, plan } = contractText(model, prelude, options.strategy);
  const section = preludeSection(prelude, text + tables);
  return { text: tables === "" ? `${text}\n${section}` : `${text}\n${tables}\n\n${section}`, plan };
}
