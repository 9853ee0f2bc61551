// The analyser checked against the reference interpreter on random contracts generated from the grammar:
// what it proves must agree with sampling, and every input it names must show its claim.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ruleSpans } from "../../compiler/analysis/context.ts";
import { check } from "../../compiler/compile.ts";
import type { Cond } from "../../compiler/model.ts";
import { holds } from "../../compiler/interpret.ts";
import { interpret } from "../../compiler/interpret.ts";
import { analysed, matched, winner, withOtherwise } from "../support/analysed.ts";
import { randomContract, sampleInputs } from "../support/random-contracts.ts";

const runs = { numRuns: 250 };

/** `cond` with the leaves in `fixed` replaced by constants. */
function substitute(cond: Cond, fixed: ReadonlyMap<Cond, boolean>): Cond {
  const value = fixed.get(cond);
  if (value !== undefined) return value ? { kind: "and", operands: [] } : { kind: "or", operands: [] };
  if (cond.kind === "not") return { kind: "not", operand: substitute(cond.operand, fixed) };
  if (cond.kind === "and" || cond.kind === "or") return { kind: cond.kind, operands: cond.operands.map((o) => substitute(o, fixed)) };
  return cond;
}

describe("the analyses on random contracts", () => {
  it("random contracts check without errors besides `incomplete`", () => {
    fc.assert(
      fc.property(randomContract, (source) => {
        const errors = check(source).diagnostics.filter((d) => d.severity === "error" && d.code !== "incomplete");
        expect(errors.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
      }),
      runs,
    );
  });

  it("agree with sampling and with the interpreter", () => {
    fc.assert(
      fc.property(randomContract, fc.integer(), (source, seed) => {
        const a = analysed(source);
        const model = a.model;
        const samples = sampleInputs(model, seed, 300);
        const winners = new Set(samples.map((input) => winner(model, input)));
        const valid = (example: unknown) => expect(interpret(withOtherwise(model), example).rule).not.toBe("invalid-input");

        // incomplete ⇔ some input matches no rule (sampling can only confirm one direction).
        const incomplete = a.of("incomplete");
        if (model.otherwise) expect(incomplete).toEqual([]);
        else if (incomplete.length === 0) expect(winners.has("otherwise")).toBe(false);
        else {
          valid(incomplete[0]!.example);
          expect(matched(model, incomplete[0]!.example)).toEqual([]);
        }
        if (!model.otherwise && winners.has("otherwise")) expect(incomplete).toHaveLength(1);

        // Rules reported unreachable or unsatisfiable never win (nor match) on sampled inputs.
        for (const d of [...a.of("unreachable-rule"), ...a.of("unsatisfiable-condition")]) {
          const name = /rule `([^`]+)`/.exec(d.message)![1]!;
          expect(winners.has(name)).toBe(false);
          if (d.code === "unsatisfiable-condition") for (const input of samples) expect(matched(model, input)).not.toContain(name);
        }

        // Every witness makes its rule win; every rule that wins on a sample has a witness.
        for (const w of a.witnesses) {
          valid(w.example);
          expect(winner(model, w.example)).toBe(w.rule);
        }
        const witnessed = new Set(a.witnesses.map((w) => w.rule));
        for (const name of winners) if (name !== "otherwise") expect(witnessed.has(name)).toBe(true);

        // redundant-comparison: within each rule, the reported comparisons replaced by some constants leave
        // the condition unchanged on every sampled input.
        const spans = ruleSpans(model);
        model.rules.forEach((rule, i) => {
          const leaves = [...spans[i]!.comparisons].filter(([, span]) =>
            a.of("redundant-comparison").some((d) => d.span.startOffset === span.startOffset && d.span.endOffset === span.endOffset),
          );
          if (leaves.length === 0) return;
          let agreeing = false;
          for (let mask = 0; mask < 1 << leaves.length && !agreeing; mask++) {
            const fixed = new Map(leaves.map(([leaf], k) => [leaf, ((mask >> k) & 1) === 1] as const));
            const replaced = substitute(rule.condition, fixed);
            agreeing = samples.every((input) => holds(replaced, input) === holds(rule.condition, input));
          }
          expect(agreeing).toBe(true);
        });

        // hidden-severity and ambiguous-owner: the named earlier rule wins where the underlined one matches.
        for (const d of [...a.of("hidden-severity"), ...a.of("ambiguous-owner")]) {
          valid(d.example);
          const names = [...d.message.matchAll(/`([^`]+)` \(/g)].map((m) => m[1]!);
          const loser = model.rules.find((r) => r.span.startOffset <= d.span.startOffset && d.span.endOffset <= r.span.endOffset)!.name;
          const other = names.find((n) => n !== loser)!;
          expect(winner(model, d.example)).toBe(other);
          expect(matched(model, d.example)).toContain(loser);
        }
      }),
      runs,
    );
  });
});
