// The generated modules compile without errors under `tsc --strict`, with only the ES2022 library
// (no DOM, no Node types), and their exported types work for a consumer.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../compiler/codegen/index.ts";
import { compile } from "../../compiler/compile.ts";
import { models } from "../support/model-fixtures.ts";
import { injectedModel, payloads } from "../support/injection.ts";
import { strictestOptions, typecheck } from "../support/load-module.ts";

const examples = join(import.meta.dirname, "../../examples");

const consumer = `
import { decide, validate, contract, type Signals, type Context, type Decision, type Validation } from "./supportDesk";
const signals: Signals = {
  sentiment: -0.9, repeatContact: true, contactCount: 2, tier: "pro", topic: "technical",
  language: "en", waiting: 30,
};
const context: Context = { now: "2026-01-01T00:00:00Z", collected: { accountNumber: "1" } };
const decision: Decision = decide(signals, context);
const validation: Validation = validate(signals);
const action: "answer" | "route" | "escalate" | "stop" = decision.action;
const name: "support-desk" = contract.name;
const first: "angry_repeat" = contract.rules[0];
// @ts-expect-error enum signals are literal unions
const wrong: Signals = { ...signals, tier: "gold" };
// @ts-expect-error contract is read-only
contract.name = "x";
export { action, name, first, validation, wrong };
`;

describe("generated modules under tsc --strict", () => {
  it("type-check: fixtures, injection payloads and the examples, in one program", async () => {
    const files: Record<string, string> = { "consumer.ts": consumer };
    for (const [name, model] of Object.entries(models)) files[`${name}.ts`] = await generate(model);
    for (const [i, payload] of payloads.slice(0, 20).entries()) files[`injected${i}.ts`] = await generate(injectedModel(payload));
    for (const file of readdirSync(examples).filter((f) => f.endsWith(".handoff"))) {
      const { output } = await compile(readFileSync(join(examples, file), "utf8"), { fileName: file });
      files[`example-${file.replace(/\.handoff$/, "")}.ts`] = output!;
    }
    expect(typecheck(files)).toBe("");
  });

  it("type-check with the strictest common flags too (noUnusedLocals, isolatedDeclarations…)", async () => {
    const files: Record<string, string> = {};
    for (const [name, model] of Object.entries(models)) files[`${name}.ts`] = await generate(model);
    expect(typecheck(files, strictestOptions)).toBe("");
  });
});
