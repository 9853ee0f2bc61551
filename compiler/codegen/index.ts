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

const PRETTIER: Options = { parser: "typescript", printWidth: 100 };

/** Formatted prelude sections by their text (a handful of variants: which declarations are used). */
const formattedPreludes = new Map<string, Promise<string>>();

/** The generated module's TypeScript source, formatted. */
export async function generate(model: ContractModel): Promise<string> {
  const code = contractText(model);
  const own = await format(code, PRETTIER);
  const prelude = preludeSection(code);
  let formatted = formattedPreludes.get(prelude);
  if (formatted === undefined) {
    if (formattedPreludes.size >= 16) formattedPreludes.clear();
    formatted = format(prelude, PRETTIER);
    formattedPreludes.set(prelude, formatted);
  }
  return `${own}\n${await formatted}`;
}
