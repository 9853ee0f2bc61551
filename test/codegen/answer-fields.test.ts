// `answer … collect [...] confirm [...]`: an answer lists what the assistant must still ask for, in the
// interpreter and in the generated module under every strategy, and still has no brief.
import { describe, expect, it } from "vitest";
import { generate } from "../../compiler/codegen/index.ts";
import type { Strategy } from "../../compiler/codegen/plan.ts";
import { check } from "../../compiler/compile.ts";
import { interpret } from "../../compiler/interpret.ts";
import { loadGenerated } from "../support/load-module.ts";

const source = `signals {
  topic: orders | returns | other
  vip: bool
}
fields {
  orderNumber: text
  email: text
  postcode: text
}
owners { returns: "Returns desk" }
rule order_status when topic is orders then answer
  collect [orderNumber, email]
  confirm [postcode]
  say "Let me look that up."
rule vip_returns when topic is returns and vip then route to returns within 1d collect [orderNumber]
otherwise answer collect [email]
`;

const { model, diagnostics } = check(source);
const strategies: Strategy[] = ["inline", "chunked", "indexed"];
const context = { now: 0, collected: { email: "kim@example.com", postcode: "1011 AB" } };

describe("answer with collect and confirm", () => {
  it("checks without errors", () => {
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("lists the fields still to collect and to confirm, and no brief", () => {
    const decision = interpret(model!, { topic: "orders", vip: false }, context);
    expect(decision).toMatchObject({
      action: "answer",
      rule: "order_status",
      collect: ["orderNumber"],
      confirm: ["postcode"],
      doNotReAsk: ["email"],
      say: "Let me look that up.",
      brief: null,
    });
    expect(interpret(model!, { topic: "other", vip: true }, { now: 0 })).toMatchObject({
      action: "answer",
      rule: "otherwise",
      collect: ["email"],
      confirm: [],
      brief: null,
    });
    expect(interpret(model!, { topic: "other", vip: true }, context).collect).toEqual([]);
  });

  it.each(strategies)("the %s module decides exactly as the interpreter", async (strategy) => {
    const module = await loadGenerated(await generate(model!, { strategy }));
    for (const topic of ["orders", "returns", "other"]) {
      for (const vip of [false, true]) {
        // Every context fixes `now`, so the route's deadline does not depend on the clock.
        for (const ctx of [context, { now: 0 }, { now: 0, collected: { orderNumber: "A-1" } }]) {
          expect(module.decide({ topic, vip }, ctx), `${topic} ${vip}`).toStrictEqual(interpret(model!, { topic, vip }, ctx));
        }
      }
    }
    expect(module.decide({ topic: "orders", vip: true }, context)).toMatchObject({ collect: ["orderNumber"], confirm: ["postcode"] });
  });
});
