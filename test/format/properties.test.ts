/**
 * Properties on generated contracts in random layouts with comments: formatting is idempotent, keeps
 * the tree and every comment, and the formatted contract decides like the original (reference
 * interpreter, rule names compared by position).
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import { formatSource } from "../../format/index.ts";
import { parse } from "../../grammar/parse.ts";
import { lexer } from "../../grammar/tokens.ts";
import { randomContract, sampleInputs } from "../support/random-contracts.ts";
import { inputFor } from "../support/arbitraries.ts";
import { decisions, fmt, meaningOf, modelOf } from "../support/format.ts";
import { plainSpace, sprinkled } from "./sprinkle.ts";

const contracts = randomContract.chain((source) => sprinkled(source));
const context = { now: "2026-11-12T18:40:00Z" };

describe("formatting generated contracts", () => {
  it("is idempotent and keeps the tree and the comments", () => {
    fc.assert(
      fc.property(contracts, (source) => {
        const once = fmt(source);
        expect(fmt(once)).toBe(once);
        expect(meaningOf(once)).toBe(meaningOf(source));
        expect(parse(once).ast.comments.length).toBe(parse(source).ast.comments.length);
      }),
      { numRuns: 150 },
    );
  });

  it("keeps the tree and the comments of the examples, whatever their layout", () => {
    const examples = ["support", "b2b-sales", "clinic-intake", "property-viewings", "support-hours"].map((name) =>
      readFileSync(new URL(`../../examples/${name}.handoff`, import.meta.url), "utf8"),
    );
    fc.assert(
      fc.property(fc.constantFrom(...examples).chain((source) => sprinkled(source)), (source) => {
        const once = fmt(source);
        expect(fmt(once)).toBe(once);
        expect(meaningOf(once)).toBe(meaningOf(source));
      }),
      { numRuns: 12 },
    );
  });

  it("keeps the decisions", () => {
    fc.assert(
      fc.property(contracts, fc.nat(), (source, seed) => {
        const model = modelOf(source);
        const inputs = [...sampleInputs(model, seed, 40), ...fc.sample(inputFor(model), { numRuns: 20, seed })];
        expect(decisions(fmt(source), inputs, context)).toEqual(decisions(source, inputs, context));
      }),
      { numRuns: 60 },
    );
  });

  it("gives an example the same text whatever its whitespace", () => {
    const example = readFileSync(new URL("../../examples/support.handoff", import.meta.url), "utf8");
    const tokens = lexer.tokenize(example).tokens.map((t) => t.image);
    const canonical = fmt(tokens.join(" "));
    expect(canonical.split("\n").length).toBeGreaterThan(200);
    fc.assert(
      fc.property(sprinkled(tokens.join(" "), plainSpace), (source) => {
        expect(fmt(source)).toBe(canonical);
      }),
      { numRuns: 20 },
    );
  });

  it("never throws, refuses the sources with syntax errors, and formats the rest unless the checker rejects them", () => {
    const broken = randomContract.chain((source) =>
      fc.tuple(fc.nat(source.length), fc.nat(6), fc.constantFrom("", "(", ")", "then", "[", '"', "#", "\n", "..")).map(
        ([at, cut, insert]) => source.slice(0, at) + insert + source.slice(at + cut),
      ),
    );
    fc.assert(
      fc.property(broken, (source) => {
        const result = formatSource(source);
        const syntax = parse(source).diagnostics.some((d) => d.code === "syntax");
        if (syntax) expect(result.ok).toBe(false);
        else if (!result.ok) expect(check(source).diagnostics.some((d) => d.severity === "error")).toBe(true);
        else expect(meaningOf(result.text)).toBe(meaningOf(source));
      }),
      { numRuns: 200 },
    );
  });
});
