// The shipped examples are what newcomers copy: each must check without errors or warnings, build,
// and give a sensible decision for its sample input — the same one from the interpreter and the module.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check, compile } from "../../compiler/compile.ts";
import { interpret } from "../../compiler/interpret.ts";
import { loadGenerated } from "../support/load-module.ts";

const dir = join(import.meta.dirname, "../../examples");
const contracts = readdirSync(dir).filter((f) => f.endsWith(".handoff")).sort();

describe("examples", () => {
  it("there are at least four, from different businesses, each with a sample input", () => {
    expect(contracts).toEqual(expect.arrayContaining(["support.handoff", "b2b-sales.handoff", "clinic-intake.handoff", "property-viewings.handoff"]));
    const models = contracts.map((file) => check(readFileSync(join(dir, file), "utf8")).model!);
    // Different businesses: their own contract names and their own teams, no two alike.
    expect(new Set(models.map((m) => m.name)).size).toBe(contracts.length);
    const teams = models.map((m) => m.owners.map((o) => o.key).sort().join(","));
    expect(new Set(teams).size).toBe(contracts.length);
    for (const [i, model] of models.entries()) {
      expect(model.owners.length, contracts[i]).toBeGreaterThanOrEqual(3);
      // Each shows the whole contract: every action, and something to collect for the human.
      expect(new Set(model.rules.map((r) => r.action)), contracts[i]).toEqual(new Set(["answer", "route", "escalate", "stop"]));
      expect(model.rules.some((r) => r.collect.length > 0), contracts[i]).toBe(true);
      expect(readdirSync(dir), contracts[i]).toContain(contracts[i]!.replace(/\.handoff$/, ".input.json"));
    }
  });

  it.each(contracts)("%s checks clean and decides its sample input the same way compiled and interpreted", async (file) => {
    const source = readFileSync(join(dir, file), "utf8");
    const result = await compile(source, { fileName: file });
    // `ambiguous-owner` (info) is left out: under most-severe, these examples order same-action rules
    // by priority on purpose (see the comments in support.handoff).
    const shown = result.diagnostics.filter((d) => d.code !== "ambiguous-owner");
    expect(shown.map((d) => `${d.span.startLine}: ${d.code} ${d.message}`)).toEqual([]);
    const input = JSON.parse(readFileSync(join(dir, file.replace(/\.handoff$/, ".input.json")), "utf8"));
    const expected = interpret(result.model!, input.signals, input.context);
    expect(expected.rule).not.toBe("invalid-input");
    expect(expected.action).not.toBe("answer");
    const module = await loadGenerated(result.output!);
    expect(module.decide(input.signals, input.context)).toEqual(expected);
  });

  it("support.handoff starts with the reference example and has about 25 rules", () => {
    const source = readFileSync(join(dir, "support.handoff"), "utf8");
    expect(source.startsWith("# Support desk contract\ncontract \"support-desk\"\n")).toBe(true);
    expect(check(source).model!.rules.length).toBeGreaterThanOrEqual(25);
  });

  it("support.invalid.json fails validation in two ways", () => {
    const { model } = check(readFileSync(join(dir, "support.handoff"), "utf8"));
    const input = JSON.parse(readFileSync(join(dir, "support.invalid.json"), "utf8"));
    const decision = interpret(model!, input.signals, input.context);
    expect(decision.rule).toBe("invalid-input");
    expect(decision.invalid).toHaveLength(2);
  });
});

describe("README", () => {
  it("its contract checks without errors", () => {
    const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");
    const blocks = [...readme.matchAll(/```handoff\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(check(block).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
