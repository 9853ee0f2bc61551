// The shipped examples, through the whole pipeline (parse → check → generate): each module agrees
// with the interpreter on random inputs, and `compile` emits exactly what `generate` does.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "../../compiler/codegen/index.ts";
import { compile } from "../../compiler/compile.ts";
import { interpret, validateWith } from "../../compiler/interpret.ts";
import { contextFor, inputFor } from "../support/arbitraries.ts";
import { loadGenerated } from "../support/load-module.ts";

const dir = join(import.meta.dirname, "../../examples");
const examples = readdirSync(dir)
  .filter((f) => f.endsWith(".handoff"))
  .sort();

describe("examples compiled ≡ interpreted", () => {
  it.each(examples)("%s", async (file) => {
    const result = await compile(readFileSync(join(dir, file), "utf8"), { fileName: file });
    expect(result.model).not.toBeNull();
    const model = result.model!;
    expect(result.output).toBe(await generate(model));
    const module = await loadGenerated(result.output!);
    expect(module.contract).toEqual({
      name: model.name,
      version: model.version,
      policy: model.policy,
      rules: model.rules.map((r) => r.name),
      hash: model.sourceHash,
      pii: {
        signals: model.signals.filter((s) => s.pii).map((s) => s.name),
        fields: model.fields.filter((f) => f.pii).map((f) => f.name),
      },
    });
    const now = { now: "2026-03-01T12:00:00Z" };
    fc.assert(
      fc.property(inputFor(model), contextFor(model), (input, context) => {
        const ctx = context !== null && typeof context === "object" && !Array.isArray(context) ? { ...context, ...now } : now;
        const expected = interpret(model, input, ctx);
        const actual = module.decide(input, ctx);
        if (!isDeepStrictEqual(actual, expected)) expect(actual).toStrictEqual(expected);
        const validation = module.validate(input);
        if (!isDeepStrictEqual(validation, validateWith(model, input))) expect(validation).toStrictEqual(validateWith(model, input));
      }),
      { numRuns: 2500 },
    );
  });
});
