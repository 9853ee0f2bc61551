/**
 * Where each rule and each comparison of the model sits in the source. The model carries no spans on
 * conditions, so the AST's rules (in file order, as the checker turned them into the model's rules) are
 * walked alongside the model's: the checker maps `comparison`/`flag` to `cmp`, `membership` to `in`, and
 * keeps every `not`, `and` and `or`, so the two trees have the same shape.
 */
import type { Condition, ContractFile, RuleDecl, Span } from "../../grammar/ast.ts";
import type { Cond, ContractModel } from "../model.ts";

export interface RuleSpans {
  /** The rule's name, or its `when` keyword when unnamed. */
  readonly name: Span;
  /** The whole condition after `when`. */
  readonly condition: Span;
  /** Each comparison leaf (`cmp`/`in`) of the model's condition, by identity. */
  readonly comparisons: ReadonlyMap<Cond, Span>;
}

export function ruleSpans(ast: ContractFile, model: ContractModel): RuleSpans[] {
  const decls = (ast.items ?? []).filter((item): item is RuleDecl => item?.kind === "rule");
  return model.rules.map((rule, i) => {
    const decl = decls[i];
    const comparisons = new Map<Cond, Span>();
    if (!decl) return { name: rule.span, condition: rule.span, comparisons };
    walk(decl.condition, rule.condition, comparisons);
    return { name: decl.name?.span ?? decl.whenSpan, condition: decl.condition.span, comparisons };
  });
}

function walk(node: Condition, cond: Cond, out: Map<Cond, Span>): void {
  if (cond.kind === "cmp" || cond.kind === "in") {
    out.set(cond, node.span);
    return;
  }
  if (cond.kind === "not" && node.kind === "not") walk(node.operand, cond.operand, out);
  else if ((cond.kind === "and" || cond.kind === "or") && node.kind === cond.kind)
    cond.operands.forEach((operand, k) => {
      const child = node.operands[k];
      if (child) walk(child, operand, out);
    });
}
