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
import type { Template } from "../../model.ts";
import { precedence } from "../../policy.ts";
import type { BodyContext } from "../body-context.ts";
import { condition, ifHead } from "../conditions.ts";
import { commentText, str } from "../literals.ts";
import { templateExpression } from "../outcomes.ts";
import { block, call, caseClause, constDecl, ifStatement, type Doc } from "../syntax.ts";
import { evidenceExpression, fallbackStatement, otherwiseReason, sayExpression } from "./decision-tail.ts";

/** The statements of `decide` after validation. */
export function inlineMatching(cx: BodyContext): Doc[] {
  return [...matchStatements(cx), ...reasonStatements(cx), ...finishStatements(cx)];
}

function matchStatements(cx: BodyContext): Doc[] {
  const { model } = cx;
  // Under first-match every precedence is the same: the first rule to hold wins, no rank is kept.
  const ranked = model.policy === "most-severe";
  const out: Doc[] = ["const matched: string[] = [];"];
  if (model.rules.length === 0) return out;
  out.push("let win = -1;");
  if (ranked) out.push("let rank = -1;");
  model.rules.forEach((rule, i) => {

    const rank = precedence(model.policy, rule.action);
    const choose = ranked ? [block(`if (rank < ${rank})`, [`win = ${i};`, `rank = ${rank};`])] : [`if (win < 0) win = ${i};`];
    const body = [`matched.push(${str(rule.name)});`, ...choose];
    out.push(`// rule ${commentText(rule.name)}`);
    if (rule.reason !== null) out.push(constDecl(`m${i}`, null, condition(rule.condition, cx.locals, cx.constants), true), block(`if (m${i})`, body));
    else out.push(block(ifHead(rule.condition, cx.locals, cx.constants), body));
  });
  return out;
}

function reasonStatements(cx: BodyContext): Doc[] {
  const { model, locals } = cx;
  if (model.rules.length === 0) {
    const otherwise = otherwiseReason(cx);
    return [["const reasons: string[] = [", otherwise ?? "", "];"]];
  }
  const out: Doc[] = ["const reasons: string[] = [];"];
  const push = (template: Template): Doc => [call("reasons.push", [templateExpression(template, locals)]), ";"];
  const cases: Doc[] = [];
  model.rules.forEach((rule, i) => {
    if (rule.reason !== null) cases.push(caseClause(`${i}`, [push(rule.reason), "break;"]));
  });
  if (model.otherwise?.reason) cases.push(caseClause("-1", [push(model.otherwise.reason), "break;"]));
  if (cases.length > 0) out.push(block("switch (win)", cases));
  model.rules.forEach((rule, i) => {
    if (rule.reason !== null) out.push(ifStatement(`m${i} && win !== ${i}`, push(rule.reason)));
  });
  return out;
}

function finishStatements(cx: BodyContext): Doc[] {
  const { model } = cx;
  const cases = model.rules.map((rule, i) =>
    caseClause(`${i}`, [
      ["return ", call("assemble", ["INFO", `OUTCOME_${i}`, "matched", "reasons", sayExpression(rule.say, cx), evidenceExpression(rule, cx), "ctx", "null"]), ";"],
    ]),
  );
  const fallback = fallbackStatement(cx);
  return cases.length > 0 ? [block("switch (win)", cases), fallback] : [fallback];
}
