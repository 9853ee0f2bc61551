/**
 * The end of `decide` once the rules are matched: who wins, the reasons, and the returned decision.
 * Every strategy shares the pieces (the otherwise reason, an outcome's `say` and evidence, the return
 * when no rule matched); `tableTail` is the whole tail of the `chunked` and `indexed` strategies, which
 * read the matched rules from the MATCHED buffer and the rest from the rule tables (rule-tables.ts).
 */
import { actions } from "../../../grammar/vocabulary.ts";
import { NO_MATCH_PROBLEM } from "../../interpret.ts";
import type { RuleModel, Template } from "../../model.ts";
import type { BodyContext } from "../body-context.ts";
import { str } from "../literals.ts";
import { templateExpression } from "../outcomes.ts";
import { signalsObject } from "../signals.ts";
import { array, block, call, object, type Doc } from "../syntax.ts";

/**
 * The statements of `decide` after validation, for the table strategies: copy the validated values into
 * the `S_<i>` state, `match()`, pick the winner (by RANK under `most-severe`, the first under
 * `first-match`: see compiler/policy.ts), then its reason, the other matched rules' reasons in file
 * order, and the decision.
 *
 * An input may match hundreds of rules: `matched` and `reasons` are allocated once at their final length
 * (HAS_REASON counts the reasons in the same pass that picks the winner), and a reason is looked up only
 * for a matched rule that has one; the loop over the others stops at the last reason.
 */
export function tableTail(cx: BodyContext): Doc[] {
  const { model } = cx;
  const ranked = model.policy === "most-severe";
  const otherwise = otherwiseReason(cx);
  const winnerReason = block("if (win >= 0)", ["if (HAS_REASON[win] === 1) reasons[at++] = reasonFor(win);"]);
  return [
    ...model.signals.map((_, i) => `S_${i} = ${cx.locals.of(model.signals[i]!.name)};`),
    "const count = match();",
    "const matched: string[] = new Array<string>(count);",
    "let win = -1;",
    ...(ranked ? ["let rank = -1;"] : []),
    "let withReason = 0;",
    block("for (let k = 0; k < count; k++)", [
      "const j = MATCHED[k]!;",
      "matched[k] = RULE_NAMES[j]!;",
      "withReason += HAS_REASON[j]!;",
      ranked ? block("if (RANK[j]! > rank)", ["rank = RANK[j]!;", "win = j;"]) : "if (win < 0) win = j;",
    ]),
    "const reasons: string[] = new Array<string>(withReason);",
    "let at = 0;",
    otherwise === null ? winnerReason : [winnerReason, block(" else", [[call("reasons.push", [otherwise]), ";"]])],
    block("for (let k = 0; at < withReason && k < count; k++)", [
      "const j = MATCHED[k]!;",
      "if (j !== win && HAS_REASON[j] === 1) reasons[at++] = reasonFor(j);",
    ]),
    "if (win >= 0) return finish(win, matched, reasons, ctx);",
    fallbackStatement(cx),
  ];
}

/** The expression of the otherwise reason, or null when there is none. */
export function otherwiseReason(cx: BodyContext): Doc | null {
  const reason = cx.model.otherwise?.reason;
  return reason ? templateExpression(reason, cx.locals) : null;
}

/** The return statement when no rule matched: otherwise, or invalid input when there is no otherwise. */
export function fallbackStatement(cx: BodyContext): Doc {
  const { model } = cx;
  return model.otherwise !== null
    ? ["return ", call("assemble", ["INFO", "OTHERWISE", "matched", "reasons", sayExpression(model.otherwise.say, cx), "NO_EVIDENCE", "ctx", "null"]), ";"]
    : NO_MATCH;
}

/** No rule held and there is no `otherwise` (the checker proved this impossible): invalid input, as the interpreter says. */
const NO_MATCH: Doc = ["return invalidDecision(ctx, ", array([object(["signal: null", `problem: ${str(NO_MATCH_PROBLEM)}`])]), ");"];

export function sayExpression(say: Template | null, cx: BodyContext): Doc {
  return say === null ? "null" : templateExpression(say, cx.locals);
}

/** The evidence record; an action that is no handoff (`answer`) has no brief, so it gets the shared empty one (no allocation). */
export function evidenceExpression(rule: RuleModel, cx: BodyContext): Doc {
  return !actions[rule.action].handoff || rule.reads.length === 0 ? "NO_EVIDENCE" : signalsObject(cx.locals, rule.reads);
}
