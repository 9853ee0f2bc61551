// `handoff schema` checked with a real validator (ajv, draft 2020-12): on the examples' generated modules
// and on random contracts, ajv's verdict on the input schema agrees with `validate()` for JSON inputs;
// every decision the module returns validates against the decision schema; the extraction schema accepts
// exactly the complete valid signal objects (null standing for "unknown" where there is a default).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check, compile } from "../../compiler/compile.ts";
import { validateWith } from "../../compiler/interpret.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { contractSchema } from "../../compiler/schema/index.ts";
import { contextFor, inputFor, invalidValue, validValue } from "../support/arbitraries.ts";
import { loadGenerated } from "../support/load-module.ts";
import { randomContract } from "../support/random-contracts.ts";

const dir = join(import.meta.dirname, "../../examples");
const examples = readdirSync(dir).filter((f) => f.endsWith(".handoff")).sort();

function validator() {
  // Strict: an unknown keyword or a misspelt one is an error (type unions are standard JSON Schema).
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
  ajv.addKeyword("x-handoff-pii");
  return ajv;
}

/** The value as JSON would carry it, or undefined when JSON cannot (undefined, functions, cycles…). */
function asJson(value: unknown): unknown {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function model(source: string, fileName: string): ContractModel {
  const { model } = check(source, { fileName });
  if (model === null) throw new Error(`${fileName} does not check`);
  return model;
}

describe("the input schema", () => {
  it.each(examples)("agrees with the generated module's validate() on JSON inputs (%s)", async (file) => {
    const source = readFileSync(join(dir, file), "utf8");
    const m = model(source, file);
    const module = await loadGenerated((await compile(source, { fileName: file })).output!);
    const accepts = validator().compile(contractSchema(m, "input"));
    let compared = 0;
    fc.assert(
      fc.property(inputFor(m), (raw) => {
        const signals = asJson(raw);
        if (signals === undefined) return;
        compared++;
        expect(accepts({ signals }), JSON.stringify(signals)).toBe(module.validate(signals).ok);
      }),
      { numRuns: 12_000 },
    );
    expect(compared).toBeGreaterThan(10_000);
  });

  it("agrees with validate() on random contracts", () => {
    fc.assert(
      fc.property(randomContract, fc.integer(), (source, seed) => {
        const m = check(source).model;
        if (m === null) return;
        const accepts = validator().compile(contractSchema(m, "input"));
        fc.assert(
          fc.property(inputFor(m), (raw) => {
            const signals = asJson(raw);
            if (signals !== undefined) expect(accepts({ signals })).toBe(validateWith(m, signals).ok);
          }),
          { numRuns: 1_000, seed },
        );
      }),
      { numRuns: 60 },
    );
  });

  it("names each signal's comment as its description, and marks pii", () => {
    const m = model(readFileSync(join(dir, "support.handoff"), "utf8"), "support.handoff");
    const signals = (contractSchema(m) as { $defs: { signals: { properties: Record<string, Record<string, unknown>> } } }).$defs.signals.properties;
    expect(signals["asksForHuman"]).toEqual({ description: "the customer asked for a person", type: "boolean", default: false });
    expect(signals["waiting"]!["description"]).toBe("a duration in seconds");
    expect(signals["sentiment"]).toEqual({ type: "number", minimum: -1, maximum: 1 });
  });
});

describe("the decision schema", () => {
  it.each(examples)("holds every decision the generated module returns (%s)", async (file) => {
    const source = readFileSync(join(dir, file), "utf8");
    const m = model(source, file);
    const module = await loadGenerated((await compile(source, { fileName: file })).output!);
    const holds = validator().compile(contractSchema(m, "decision"));
    const rules = new Set<string>();
    fc.assert(
      fc.property(inputFor(m), contextFor(m), (signals, context) => {
        const decision = asJson(module.decide(signals, context));
        rules.add((decision as { rule: string }).rule);
        expect(holds(decision), JSON.stringify(holds.errors)).toBe(true);
      }),
      { numRuns: 3_000 },
    );
    expect(rules.has("invalid-input")).toBe(true);
    expect(rules.size).toBeGreaterThan(2);
  });

  it("refuses a decision from another contract", () => {
    const m = model(readFileSync(join(dir, "support.handoff"), "utf8"), "support.handoff");
    const holds = validator().compile(contractSchema(m, "decision"));
    const decision = { action: "route", rule: "no_such_rule", owner: "billing", ownerName: "Billing", matched: [], withinSeconds: 60, deadline: null, urgency: "normal", reasons: [], say: null, collect: [], confirm: [], doNotReAsk: [], brief: null };
    expect(holds(decision)).toBe(false);
    expect(holds.errors?.[0]?.instancePath).toBe("/rule");
  });
});

describe("the extraction schema", () => {
  it.each(examples)("accepts exactly the complete valid signal objects (%s)", (file) => {
    const m = model(readFileSync(join(dir, file), "utf8"), file);
    const accepts = validator().compile(contractSchema(m, "extraction"));
    const value = (i: number) => {
      const signal = m.signals[i]!;
      const options = [validValue(m, signal), invalidValue(m, signal).map(asJson)];
      return fc.oneof(...options, ...(signal.defaultValue === undefined ? [] : [fc.constant(null)]));
    };
    fc.assert(
      fc.property(fc.tuple(...m.signals.map((_, i) => value(i))), fc.boolean(), (values, extra) => {
        const object: Record<string, unknown> = Object.fromEntries(m.signals.map((s, i) => [s.name, values[i]]).filter(([, v]) => v !== undefined));
        if (extra) object["notASignal"] = 1;
        const complete = Object.keys(object).length === m.signals.length + (extra ? 1 : 0);
        // The host leaves out the nulls (unknown), so the contract's defaults apply.
        const forHost = Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null));
        const valid = complete && !extra && validateWith(m, forHost).ok;
        expect(accepts(object), JSON.stringify(object)).toBe(valid);
      }),
      { numRuns: 3_000 },
    );
  });
});
