import { describe, expect, it } from "vitest";
import type { Cond } from "../../compiler/model.ts";
import { stripSpans, type Span } from "../../grammar/ast.ts";
import { run, underlines, withBase } from "./helpers.ts";

const rule = (condition: string) => withBase(`rule r when ${condition} then answer`);
const errors = (condition: string) => underlines(rule(condition));
const first = (condition: string) => run(rule(condition)).seen[0]!;

describe("signals in conditions", () => {
  it("reports an unknown signal with did-you-mean, and nothing else for that comparison", () => {
    expect(errors("sentimnt < -2")).toEqual(["unknown-signal: sentimnt"]);
    expect(first("sentimnt < -2")).toMatchObject({ message: "unknown signal `sentimnt`", hint: "did you mean `sentiment`?" });
    expect(errors("nothingLikeIt is true")).toEqual(["unknown-signal: nothingLikeIt"]);
    expect(first("nothingLikeIt is true").hint).toBe("declare it in `signals { … }`");
    expect(errors("topc in [gold]")).toEqual(["unknown-signal: topc"]);
    expect(errors("not repeatContct")).toEqual(["unknown-signal: repeatContct"]);
  });

  it("reports every problem in one condition", () => {
    expect(errors("sentimnt > 0 or (tier is gold and not waiting > 5)")).toEqual([
      "unknown-signal: sentimnt",
      "unknown-value: gold",
      "type-mismatch: 5",
    ]);
  });
});

describe("operators", () => {
  it("allows ordering only for number, int and duration", () => {
    expect(errors("sentiment < 0 and contactCount >= 3 and waiting > 5m")).toEqual([]);
    expect(errors("tier < pro")).toEqual(["type-mismatch: <"]);
    expect(first("tier < pro").message).toBe("`tier` is an enum (free | pro | enterprise), so it can't be compared with `<`");
    expect(errors("language >= \"en\"")).toEqual(["type-mismatch: >="]);
    expect(errors("repeatContact > true")).toEqual(["type-mismatch: >"]);
  });

  it("allows in / not in only for enums and text", () => {
    expect(errors('topic in [billing, pricing] and language not in ["en", "de"]')).toEqual([]);
    expect(errors("sentiment in [1, 2]")).toEqual(["type-mismatch: in"]);
    expect(errors("repeatContact not in [true]")).toEqual(["type-mismatch: not in"]);
    expect(first("sentiment in [1, 2]").message).toBe("`sentiment` is a number, so it can't be tested with `in`");
  });

  it("lets a signal stand alone only when it is a bool", () => {
    expect(errors("repeatContact and not priorHandoffFailed")).toEqual([]);
    expect(errors("sentiment")).toEqual(["type-mismatch: sentiment"]);
    expect(first("sentiment").message).toBe("`sentiment` is a number, so it can't stand alone as a condition");
  });

  it("accepts == / is and != / is not for every type", () => {
    expect(
      errors(
        'sentiment == 0 and contactCount != 2 and tier is pro and topic is not other and language == "en" and waiting is 1h and repeatContact is false',
      ),
    ).toEqual([]);
  });
});

describe("literals", () => {
  it("reports a literal of the wrong type, in the author's words", () => {
    expect(errors("sentiment == true")).toEqual(["type-mismatch: true"]);
    expect(first("sentiment == true").message).toBe("`sentiment` is a number, so it can't be compared with `true`");
    expect(errors("repeatContact is 1")).toEqual(["type-mismatch: 1"]);
    expect(errors("language is en")).toEqual(["type-mismatch: en"]);
    expect(first("language is en").hint).toBe('text is written in double quotes: `"en"`');
    expect(errors('topic is "medical"')).toEqual(['type-mismatch: "medical"']);
    expect(first('topic is "medical"').hint).toBe("write the member without quotes: `medical`");
    expect(errors('topic in [billing, "pricing"]')).toEqual(['type-mismatch: "pricing"']);
    expect(errors("language in [en]")).toEqual(["type-mismatch: en"]);
  });

  it("compares durations only with durations", () => {
    expect(errors("waiting > 5")).toEqual(["type-mismatch: 5"]);
    expect(first("waiting > 5")).toMatchObject({
      message: "`waiting` is a duration, so it can't be compared with `5`",
      hint: "write a duration with a unit, such as `5s`",
    });
    expect(errors("sentiment > 5s")).toEqual(["type-mismatch: 5s"]);
    expect(errors("contactCount < 1h")).toEqual(["type-mismatch: 1h"]);
  });

  it("hints at signal-to-signal comparisons", () => {
    expect(errors("contactCount > sentiment")).toEqual(["type-mismatch: sentiment"]);
    expect(first("contactCount > sentiment").hint).toMatch(/comparing two signals is not supported/);
  });

  it("reports an enum member the enum lacks, with did-you-mean", () => {
    expect(errors("tier is gold")).toEqual(["unknown-value: gold"]);
    expect(first("tier is gold").message).toBe("`gold` is not a member of `tier` (free | pro | enterprise)");
    expect(first("tier is gold").hint).toBeUndefined();
    expect(first("topic in [billing, medcal]")).toMatchObject({ code: "unknown-value", text: "medcal", hint: "did you mean `medical`?" });
  });

  it("reports literals outside the declared range, and non-integral ints", () => {
    expect(errors("sentiment < -2")).toEqual(["out-of-range: -2"]);
    expect(first("sentiment < -2").message).toBe("`-2` is outside the range of `sentiment`, `-1..1`");
    // Literals at the range's ends are accepted; that this condition never holds is the analyses' finding.
    expect(errors("sentiment > 1 or sentiment < -1")).toEqual(["unsatisfiable-condition: sentiment > 1 or sentiment < -1"]);
    expect(errors("contactCount >= -1")).toEqual(["out-of-range: -1"]);
    expect(errors("contactCount > 1.5")).toEqual(["out-of-range: 1.5"]);
    expect(first("contactCount > 1.5").message).toBe("`1.5` is not a whole number, but `contactCount` is an int");
  });
});

describe("the resolved condition", () => {
  it("normalises flags, `is not`, durations and members, and keeps `in` lists", () => {
    const { model } = run(rule("not (repeatContact or waiting >= 1h30m) and tier is not free and topic not in [other]"));
    const r = model!.rules[0]!;
    expect(stripSpans(r.condition)).toEqual({
      kind: "and",
      operands: [
        {
          kind: "not",
          operand: {
            kind: "or",
            operands: [
              { kind: "cmp", signal: "repeatContact", op: "==", value: true },
              { kind: "cmp", signal: "waiting", op: ">=", value: 5400 },
            ],
          },
        },
        { kind: "cmp", signal: "tier", op: "!=", value: "free" },
        { kind: "in", signal: "topic", negated: true, values: ["other"] },
      ],
    });
  });

  it("lists the signals read in first-read order, each once", () => {
    const { model } = run(rule("tier is pro or sentiment > 0 and tier is free or not sentiment < 0 and repeatContact"));
    expect(model!.rules[0]!.reads).toEqual(["tier", "sentiment", "repeatContact"]);
  });
});

describe("where the resolved condition is written", () => {
  it("gives every condition and the rule's name the span they came from", () => {
    const source = rule("not (repeatContact or waiting >= 1h30m) and topic not in [other]");
    const r = run(source).model!.rules[0]!;
    const text = (span: Span | undefined) => (span ? source.slice(span.startOffset, span.endOffset) : "(none)");
    const shown: string[] = [];
    const walk = (c: Cond): void => {
      shown.push(text(c.span));
      if (c.kind === "not") walk(c.operand);
      else if (c.kind === "and" || c.kind === "or") c.operands.forEach(walk);
    };
    walk(r.condition);
    expect(shown).toEqual([
      "not (repeatContact or waiting >= 1h30m) and topic not in [other]",
      "not (repeatContact or waiting >= 1h30m)",
      "repeatContact or waiting >= 1h30m",
      "repeatContact",
      "waiting >= 1h30m",
      "topic not in [other]",
    ]);
    expect(text(r.nameSpan)).toBe("r");
    const unnamed = withBase("when tier is pro then answer");
    const span = run(unnamed).model!.rules[0]!.nameSpan!;
    expect(unnamed.slice(span.startOffset, span.endOffset)).toBe("when");
  });
});
