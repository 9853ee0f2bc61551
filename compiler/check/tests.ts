/**
 * Test blocks: every `given` names a declared signal once (`unknown-signal`,
 * `duplicate-declaration`) with a value that fits it; `expect ACTION [to T] [within D]` is checked
 * like an outcome's action, `expect not ACTION` and `expect at least ACTION` need only the action
 * (the parser refuses a target or `within` after them), and `expect rule NAME` must name a rule, or
 * `otherwise` in a contract that has one (`unknown-rule`). `invalid-input` is refused by the parser:
 * a test covers valid inputs only.
 */
import type { TestDecl } from "../../grammar/ast.ts";
import type { ExpectationModel, SignalValue, TestModel } from "../model.ts";
import { actions } from "../../grammar/vocabulary.ts";
import { code, type Context, type Scope } from "./context.ts";
import { resolveLiteral } from "./literals.ts";
import { lookupSignal } from "./signals.ts";
import { suggestion } from "./suggest.ts";
import { checkWithin, resolveTarget } from "./targets.ts";

export function checkTests(
  ctx: Context,
  scope: Scope,
  tests: readonly TestDecl[],
  ruleNames: readonly string[],
  hasOtherwise: boolean,
): TestModel[] {
  const known = new Set(hasOtherwise ? [...ruleNames, "otherwise"] : ruleNames);
  return tests.map((test) => {
    const title = test.name ? ctx.quote(test.name.span) : "this test";
    const given: [string, SignalValue][] = [];
    const seen = new Set<string>();
    for (const entry of test.given ?? []) {
      if (seen.has(entry.signal.text)) {
        ctx.report(
          "duplicate-declaration",
          entry.signal.span,
          `${code(entry.signal.text)} is given twice in test ${title}`,
          "give each signal once",
        );
        continue;
      }
      seen.add(entry.signal.text);
      const signal = lookupSignal(ctx, scope, entry.signal);
      if (!signal) continue;
      const value = resolveLiteral(ctx, scope, signal, entry.value, "given");
      if (value !== undefined) given.push([signal.name, value]);
    }
    return {
      name: test.name?.value ?? "",
      given: Object.fromEntries(given),
      expect: checkExpectation(ctx, scope, test, known),
      span: test.span,
    };
  });
}

function checkExpectation(ctx: Context, scope: Scope, test: TestDecl, known: ReadonlySet<string>): ExpectationModel {
  const expect = test.expect;
  if (!expect) return { kind: "rule", rule: "" };
  if (expect.kind === "expect-rule") {
    const rule = expect.rule.text;
    if (rule === "otherwise" && !known.has(rule)) {
      ctx.report(
        "unknown-rule",
        expect.rule.span,
        "this contract has no `otherwise`, so `otherwise` never decides",
        "its rules cover every valid input: expect the rule or the action that decides these inputs",
      );
    } else if (!known.has(rule)) {
      const close = suggestion(rule, known, expect.rule.span);
      ctx.report("unknown-rule", expect.rule.span, `there is no rule ${code(rule)}`, close?.hint, close?.fixes);
    }
    return { kind: "rule", rule };
  }
  const mode = expect.mode ?? "is";
  // `not`/`at least` carry no target or `within` (the parser has refused them).
  if (mode !== "is") return { kind: "action", mode, action: expect.action, owner: null, withinSeconds: null };
  let owner: string | null = null;
  let withinSeconds: number | null = null;
  const info = actions[expect.action] ?? actions.answer;
  if (expect.target && info.target === "forbidden") {
    ctx.report("answer-with-target", expect.target.span, `${code(expect.action)} takes no target`, "an answer is never handed to anyone");
  } else if (expect.target) {
    owner = resolveTarget(ctx, scope, expect.target)?.owner ?? null;
  }
  if (expect.within && !info.handoff) {
    ctx.report("answer-with-target", expect.within.span, `${code(expect.action)} takes no deadline`, "only a handoff has a `within`");
  } else if (expect.within) {
    withinSeconds = checkWithin(ctx, expect.within) ?? null;
  }
  // A plain `expect ACTION` has no `mode` (absent means `is`), as before the other modes existed.
  if (withinSeconds !== null && expect.within?.kind === "business-duration") return { kind: "action", action: expect.action, owner, withinSeconds, businessTime: true };
  return { kind: "action", action: expect.action, owner, withinSeconds };
}
