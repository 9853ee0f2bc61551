/** Helpers for the analyses' tests: the model before analysis, the analyses' findings, what they underline. */
import { analyse } from "../../compiler/analysis/index.ts";
import { checkContract } from "../../compiler/check/index.ts";
import type { Diagnostic, DiagnosticCode } from "../../diagnostics/index.ts";
import type { ContractModel } from "../../compiler/model.ts";
import type { ContractFile } from "../../grammar/ast.ts";
import { parse } from "../../grammar/parse.ts";
import { interpret } from "../../compiler/interpret.ts";

export interface Analysed {
  readonly model: ContractModel;
  readonly ast: ContractFile;
  readonly diagnostics: Diagnostic[];
  readonly witnesses: { rule: string; example: Readonly<Record<string, unknown>> }[];
  /** The underlined text of each diagnostic with `code`. */
  underlined(code: DiagnosticCode): string[];
  of(code: DiagnosticCode): Diagnostic[];
}

/** Checks `source` (which must have no checker error) and runs every analysis on its model. */
export function analysed(source: string): Analysed {
  const parsed = parse(source);
  const checked = checkContract(parsed.ast, { source, fileName: "test.handoff" });
  if (!checked.model) throw new Error(`checker errors: ${checked.diagnostics.map((d) => d.message).join("; ")}`);
  const model = checked.model;
  const { diagnostics, witnesses } = analyse(model, parsed.ast, parsed.source);
  const of = (code: DiagnosticCode) => diagnostics.filter((d) => d.code === code);
  return {
    model,
    ast: parsed.ast,
    diagnostics,
    witnesses,
    of,
    underlined: (code) => of(code).map((d) => source.slice(d.span.startOffset, d.span.endOffset)),
  };
}

/** The model with `otherwise answer` when it has none, so an input no rule matches decides `otherwise`. */
export function withOtherwise(model: ContractModel): ContractModel {
  if (model.otherwise) return model;
  const otherwise = { ...model.onInvalid, name: "otherwise", action: "answer" as const, owner: null, ownerName: null, withinSeconds: null, reason: null, say: null };
  return { ...model, otherwise };
}

/** The rule that wins on `input` (`otherwise` when none matches), by the reference interpreter. */
export function winner(model: ContractModel, input: unknown): string {
  return interpret(withOtherwise(model), input).rule;
}

/** The rules that match `input`, by the reference interpreter. */
export function matched(model: ContractModel, input: unknown): string[] {
  return interpret(withOtherwise(model), input).matched;
}
