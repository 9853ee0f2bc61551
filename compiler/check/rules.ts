/**
 * Rules: names (written or derived `rule_<line>`) must be unique (`duplicate-rule`, on the later
 * rule) and not reserved; each rule's condition and outcome are checked.
 */
import { ruleName, type RuleDecl, type Span } from "../../grammar/ast.ts";
import type { RuleModel } from "../model.ts";
import { checkCondition } from "./conditions.ts";
import { code, type Context, type Scope } from "./context.ts";
import { checkOutcome } from "./outcomes.ts";
import { checkReserved } from "./reserved.ts";

/** Names that the built-in outcomes use; a rule can't take them. */
const outcomeNames: ReadonlySet<string> = new Set(["otherwise", "invalid-input"]);

export function checkRules(ctx: Context, scope: Scope, rules: readonly RuleDecl[]): RuleModel[] {
  const first = new Map<string, RuleDecl>();
  return rules.map((rule) => {
    const name = ruleName(rule);
    const nameSpan: Span = rule.name?.span ?? rule.whenSpan;
    if (rule.name) checkReserved(ctx, rule.name, "rule");
    const earlier = first.get(name);
    if (earlier) {
      ctx.report("duplicate-rule", nameSpan, clashMessage(name, rule, earlier), "give one of the rules a different name");
    } else if (outcomeNames.has(name)) {
      ctx.report("duplicate-rule", nameSpan, `a rule can't be named ${code(name)}, the name of a built-in outcome`, "choose another name");
    } else {
      first.set(name, rule);
    }
    const { cond, reads } = checkCondition(ctx, scope, rule.condition);
    const outcome = checkOutcome(ctx, scope, rule, "rule", name);
    return { ...outcome, nameSpan, condition: cond ?? { kind: "and", operands: [] }, reads };
  });
}

function clashMessage(name: string, rule: RuleDecl, earlier: RuleDecl): string {
  const line = earlier.span.startLine;
  const earlierText = earlier.name ? `rule ${code(name)} on line ${line}` : `the unnamed rule on line ${earlier.whenSpan.startLine}`;
  return rule.name
    ? `rule ${code(name)} is already used by ${earlierText}`
    : `this unnamed rule is named ${code(name)}, which is already used by ${earlierText}`;
}
