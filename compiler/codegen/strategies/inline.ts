/**
 * The `inline` strategy (plan.ts), for small contracts: matching is one pass over the rules in file
 * order, straight in `decide`. Each condition is an inline boolean expression over the validated
 * locals; a rule that holds pushes its name to `matched`, and the winner is chosen in the same pass by
 * its precedence (compiler/policy.ts), computed at build time: a strictly higher precedence wins, so
 * the earliest of the highest stays (under `first-match`, the first to hold). Then the winner's reason,
 * the other matched rules' reasons in file order, and one `assemble` call with constant outcome facts
 * (the `OUTCOME_<i>` constants). No closures, no allocation beyond the decision, its arrays and its
 * evidence object.
 */
import { precedence } from "../../policy.ts";
import type { BodyContext } from "../body-context.ts";
import { condition } from "../conditions.ts";
import { commentText, str } from "../literals.ts";
import { templateExpression } from "../outcomes.ts";
import { evidenceExpression, fallbackStatement, otherwiseReason, sayExpression } from "./decision-tail.ts";

/** The statements of `decide` after validation. */
export function inlineMatching(cx: BodyContext): string {
  return `${matchStatements(cx)}
    ${reasonStatements(cx)}
    ${finishStatements(cx)}`;
}

function matchStatements(cx: BodyContext): string {
  const { model } = cx;
  // Under first-match every precedence is the same: the first rule to hold wins, no rank is kept.
  const ranked = model.policy === "most-severe";
  const lines = ["const matched: string[] = [];"];
  if (model.rules.length === 0) return lines[0]!;
  lines.push("let win = -1;");
  if (ranked) lines.push("let rank = -1;");
  model.rules.forEach((rule, i) => {
    const test = condition(rule.condition, cx.locals, cx.constants);
    const rank = precedence(model.policy, rule.action);
    const choose = ranked ? `if (rank < ${rank}) { win = ${i}; rank = ${rank}; }` : `if (win < 0) win = ${i};`;
    lines.push(`// rule ${commentText(rule.name)}`);
    if (rule.reason !== null) lines.push(`const m${i} = ${test};`, `if (m${i}) {`);
    else lines.push(`if (${test}) {`);
    lines.push(`matched.push(${str(rule.name)});`, choose, "}");
  });
  return lines.join("\n");
}

function reasonStatements(cx: BodyContext): string {
  const { model, locals } = cx;
  if (model.rules.length === 0) return `const reasons: string[] = [${otherwiseReason(cx) ?? ""}];`;
  const lines = ["const reasons: string[] = [];"];
  const cases: string[] = [];
  model.rules.forEach((rule, i) => {
    if (rule.reason !== null) cases.push(`case ${i}: reasons.push(${templateExpression(rule.reason, locals)}); break;`);
  });
  if (model.otherwise?.reason) cases.push(`case -1: reasons.push(${templateExpression(model.otherwise.reason, locals)}); break;`);
  if (cases.length > 0) lines.push(`switch (win) {\n${cases.join("\n")}\n}`);
  model.rules.forEach((rule, i) => {
    if (rule.reason !== null) lines.push(`if (m${i} && win !== ${i}) reasons.push(${templateExpression(rule.reason, locals)});`);
  });
  return lines.join("\n");
}

function finishStatements(cx: BodyContext): string {
  const { model } = cx;
  const cases = model.rules.map(
    (rule, i) =>
      `case ${i}: return assemble(INFO, OUTCOME_${i}, matched, reasons, ${sayExpression(rule.say, cx)}, ${evidenceExpression(rule, cx)}, ctx, null);`,
  );
  const fallback = fallbackStatement(cx);
  return cases.length > 0 ? `switch (win) {\n${cases.join("\n")}\n}\n${fallback}` : fallback;
}
