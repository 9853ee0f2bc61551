/** Helpers for the formatter tests: formatting that must succeed, and meaning compared by decisions. */
import { expect } from "vitest";
import { check } from "../../compiler/compile.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { formatSource, meaning } from "../../format/index.ts";
import { parse } from "../../grammar/parse.ts";
import { interpret } from "../../compiler/interpret.ts";

/** The formatted text; fails the test when the formatter refuses. */
export function fmt(source: string): string {
  const result = formatSource(source);
  if (!result.ok) expect.fail(`formatSource refused: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  return result.text;
}

/** The tree without positions and the comments' texts (trailing whitespace aside), from a fresh parse. */
export function meaningOf(source: string): string {
  return meaning(parse(source).ast);
}

/** The checker's model, also when only the analyses found an error (such as `incomplete`). */
export function modelOf(source: string): ContractModel {
  const result = check(source);
  const model = result.model ?? result.checked;
  if (!model) expect.fail(`the contract does not check: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  return model;
}

/**
 * The decisions of both contracts on every input, with rule names replaced by the rule's position: an
 * unnamed rule is named after its line, which formatting may move (docs/formatting.md).
 */
export function decisions(source: string, inputs: readonly unknown[], context?: unknown): unknown[] {
  const model = modelOf(source);
  const index = new Map(model.rules.map((r, i) => [r.name, `#${i}`]));
  const byIndex = (name: string): string => index.get(name) ?? name;
  return inputs.map((input) => {
    const d = interpret(model, input, context);
    return { ...d, rule: byIndex(d.rule), matched: d.matched.map(byIndex), brief: d.brief && { ...d.brief, rule: byIndex(d.brief.rule) } };
  });
}
