/**
 * The bodies of `decide`, `validate` and `invalidDecision`: straight-line per-contract code.
 *
 * `decide` reads and validates the signals into locals, then runs the matching and decision code of
 * its strategy (strategies/), which ends in a `return`; if anything throws, it returns the fail-safe
 * on-invalid decision.
 */
import type { ContractModel, OutcomeModel } from "../model.ts";
import type { BodyContext } from "./body-context.ts";
import { str } from "./literals.ts";
import { constantText } from "./outcomes.ts";
import { readStatements, signalsObject } from "./signals.ts";
import { staffingStatements } from "./staffing.ts";
import { block, call, object, type Doc } from "./syntax.ts";

const READ_PRELUDE = `const whole = inputProblem(signals);`;

/** The body of `decide`; `matching` is the strategy's statements after validation (they return the decision). */
export function decideBody(cx: BodyContext, matching: readonly Doc[]): Doc[] {
  const { model } = cx;
  return [
    block(
      "try",
      [
        "const ctx = readContext(context);",
        READ_PRELUDE,
        "if (whole !== null) return invalidDecision(ctx, [whole]);",
        ...readPreamble(model),
        ...readStatements(model, cx.enumSets),
        "if (problems !== null) return invalidDecision(ctx, problems);",
        ...staffingStatements(model, cx.locals),
        ...matching,
      ],
      block("} catch", [["return ", failSafeExpression(model), ";"]]),
    ),
  ];
}

/** The fail-safe decision (on-invalid outcome) `decide` returns if anything throws. */
export function failSafeExpression(model: ContractModel): Doc {
  return call("failSafe", ["INFO", "ON_INVALID", invalidReasons(model.onInvalid), invalidSay(model.onInvalid)]);
}

export function validateBody(cx: BodyContext): Doc[] {
  const { model } = cx;
  return [
    block(
      "try",
      [
        READ_PRELUDE,
        "if (whole !== null) return { ok: false, problems: [whole] };",
        ...readPreamble(model),
        ...readStatements(model, cx.enumSets),
        "if (problems !== null) return { ok: false, problems };",
        ["return ", object(["ok: true", ["signals: ", signalsObject(cx.locals, model.signals.map((s) => s.name))]]), ";"],
      ],
      block("} catch", ["return { ok: false, problems: [{ signal: null, problem: COULD_NOT_READ }] };"]),
    ),
  ];
}

function readPreamble(model: ContractModel): string[] {
  const problems = "let problems: Problem[] | null = null;";
  return model.signals.length === 0 ? [problems] : ["const input = signals as object;", problems];
}

/** The body of `invalidDecision(ctx, problems)`. */
export function invalidBody(model: ContractModel): Doc[] {
  const args = ["INFO", "ON_INVALID", "[]", invalidReasons(model.onInvalid), invalidSay(model.onInvalid), "NO_EVIDENCE", "ctx", "problems"];
  return [["return ", call("assemble", args), ";"]];
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
