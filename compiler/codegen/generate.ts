/**
 * Code generation: a checked `ContractModel` in, the text of a dependency-free TypeScript module out.
 *
 *   model → module.ts (ts-morph: per-contract code; the runtime prelude, inlined) → prettier
 *
 * The two parts are formatted separately and joined; the formatted prelude is cached (keyed by its
 * text), since it is most of the module and nearly the same for every contract. Same model, byte-identical
 * output.
 */
import { format, type Options } from "prettier";
import type { ContractModel } from "../model.ts";
import { contractText, preludeSection } from "./module.ts";
import type { Plan, Strategy } from "./plan.ts";

const PRETTIER: Options = { parser: "typescript", printWidth: 100 };

/** Formatted prelude sections by their text (a handful of variants: which declarations are used). */
const formattedPreludes = new Map<string, Promise<string>>();

export interface GenerateOptions {
  /** Overrides the strategy `choosePlan` would pick (tests and benchmarks compare them). */
  readonly strategy?: Strategy;
}

/** The generated module's TypeScript source, formatted. */
export async function generate(model: ContractModel, options: GenerateOptions = {}): Promise<string> {
  return (await generateWithPlan(model, options)).text;
}

/** The generated module and the plan it follows. */
export async function generateWithPlan(model: ContractModel, options: GenerateOptions = {}): Promise<{ text: string; plan: Plan }> {
  const { text, tables, plan } = contractText(model, options.strategy);
  const own = await format(text, PRETTIER);
  const prelude = preludeSection(text + tables);
  let formatted = formattedPreludes.get(prelude);
  if (formatted === undefined) {
    if (formattedPreludes.size >= 16) formattedPreludes.clear();
    formatted = format(prelude, PRETTIER);
    formattedPreludes.set(prelude, formatted);
  }
  return { text: tables === "" ? `${own}\n${await formatted}` : `${own}\n${tables}\n\n${await formatted}`, plan };
}
