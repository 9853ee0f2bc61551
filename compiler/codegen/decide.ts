/**
 * The bodies of `decide` and `validate`: straight-line per-contract code.
 *
 * Matching is one pass over the rules in file order: each condition is an inline boolean expression
 * over the validated locals; a rule that holds pushes its name to `matched`, and the winner is chosen
 * in the same pass from precomputed severity ranks (most-severe: strictly higher rank wins, so the
 * earliest of the most severe stays; first-match: the first to hold). Then the winner's reason, the
 * other matched rules' reasons in file order, and one `assemble` call with constant outcome facts.
 * No closures, no allocation beyond the decision, its arrays and its evidence object.
 *
 * That is the `inline` strategy (plan.ts), for small contracts; larger ones keep the reading and
 * validation here and match through scaled.ts.
 */
import { NO_MATCH_PROBLEM } from "../interpret.ts";
import { precedence } from "../policy.ts";
import type { ContractModel, OutcomeModel, RuleModel, Template } from "../model.ts";
import { condition, type ConditionConstants } from "./conditions.ts";
import { commentText, str } from "./literals.ts";
import type { Locals } from "./names.ts";
import { constantText, templateExpression } from "./outcomes.ts";
import { readStatements, signalsObject } from "./signals.ts";

export interface BodyContext {
  readonly model: ContractModel;
  readonly locals: Locals;
  readonly constants: ConditionConstants;
  /** Per signal, the name of its member Set constant, or null. */
  readonly enumSets: readonly (string | null)[];
}

const READ_PRELUDE = `const whole = inputProblem(signals);`;

/** The body of `decide`; `scaledTail` replaces the inline matching for the chunked and indexed strategies. */
export function decideBody(cx: BodyContext, scaledTail: string | null = null): string {
  const { model } = cx;
  const matching = scaledTail ?? `${matchStatements(cx)}
    ${reasonStatements(cx)}
    ${finishStatements(cx)}`;
  return `try {
    const ctx = readContext(context);
    ${READ_PRELUDE}
    if (whole !== null) return invalidDecision(ctx, [whole]);
    ${readPreamble(model)}
    ${readStatements(model, cx.enumSets)}
    if (problems !== null) return invalidDecision(ctx, problems);
    ${matching}
  } catch {
    return ${failSafeExpression(model)};
  }`;
}

/** The fail-safe decision (on-invalid outcome) `decide` returns if anything throws. */
export function failSafeExpression(model: ContractModel): string {
  return `failSafe(INFO, ON_INVALID, ${invalidReasons(model.onInvalid)}, ${invalidSay(model.onInvalid)})`;
}

export function validateBody(cx: BodyContext): string {
  const { model } = cx;
  return `try {
    ${READ_PRELUDE}
    if (whole !== null) return { ok: false, problems: [whole] };
    ${readPreamble(model)}
    ${readStatements(model, cx.enumSets)}
    if (problems !== null) return { ok: false, problems };
    return { ok: true, signals: ${signalsObject(
      cx.locals,
      model.signals.map((s) => s.name),
    )} };
  } catch {
    return { ok: false, problems: [{ signal: null, problem: COULD_NOT_READ }] };
  }`;
}

function readPreamble(model: ContractModel): string {
  const problems = "let problems: Problem[] | null = null;";
  return model.signals.length === 0 ? problems : `const input = signals as object;\n${problems}`;
}

/** The body of `invalidDecision(ctx, problems)`. */
export function invalidBody(model: ContractModel): string {
  return `return assemble(INFO, ON_INVALID, [], ${invalidReasons(model.onInvalid)}, ${invalidSay(model.onInvalid)}, NO_EVIDENCE, ctx, problems);`;
}

/** The on-invalid `say`: its text, or the prelude's built-in message when it has none. */
function invalidSay(outcome: OutcomeModel): string {
  if (outcome.say === null) return "BUILTIN_INVALID_SAY";
  const text = constantText(outcome.say);
  if (text === null) throw new Error("codegen: an `on invalid` say cannot interpolate signals");
  return str(text);
}

/** A fresh array literal of the on-invalid reason (no interpolation there: INVARIANT of the checker). */
function invalidReasons(outcome: OutcomeModel): string {
  if (outcome.reason === null) return "[]";
  const text = constantText(outcome.reason);
  if (text === null) throw new Error("codegen: an `on invalid` reason cannot interpolate signals");
  return `[${str(text)}]`;
}

function matchStatements(cx: BodyContext): string {
  const { model } = cx;
  const mostSevere = model.policy === "most-severe";
  const lines = ["const matched: string[] = [];"];
  if (model.rules.length === 0) return lines[0]!;
  lines.push("let win = -1;");
  if (mostSevere) lines.push("let rank = -1;");
  model.rules.forEach((rule, i) => {
    const test = condition(rule.condition, cx.locals, cx.constants);
    const rank = precedence(model.policy, rule.action);
    const choose = mostSevere ? `if (rank < ${rank}) { win = ${i}; rank = ${rank}; }` : `if (win < 0) win = ${i};`;
    lines.push(`// rule ${commentText(rule.name)}`);
    if (rule.reason !== null) lines.push(`const m${i} = ${test};`, `if (m${i}) {`);
    else lines.push(`if (${test}) {`);
    lines.push(`matched.push(${str(rule.name)});`, choose, "}");
  });
  return lines.join("\n");
}

/** The expression of the otherwise reason, or null when there is none. */
export function otherwiseReason(cx: BodyContext): string | null {
  const reason = cx.model.otherwise?.reason;
  return reason ? templateExpression(reason, cx.locals) : null;
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

/** The return statement when no rule matched: otherwise, or invalid input when there is no otherwise. */
export function fallbackStatement(cx: BodyContext): string {
  const { model } = cx;
  return model.otherwise !== null
    ? `return assemble(INFO, OTHERWISE, matched, reasons, ${sayExpression(model.otherwise.say, cx)}, NO_EVIDENCE, ctx, null);`
    : NO_MATCH;
}

/** No rule held and there is no `otherwise` (the checker proved this impossible): invalid input, as the interpreter says. */
const NO_MATCH = `return invalidDecision(ctx, [{ signal: null, problem: ${str(NO_MATCH_PROBLEM)} }]);`;

export function sayExpression(say: Template | null, cx: BodyContext): string {
  return say === null ? "null" : templateExpression(say, cx.locals);
}

/** The evidence record; `answer` has no brief, so it gets the shared empty one (no allocation). */
export function evidenceExpression(rule: RuleModel, cx: BodyContext): string {
  return rule.action === "answer" || rule.reads.length === 0 ? "NO_EVIDENCE" : signalsObject(cx.locals, rule.reads);
}
