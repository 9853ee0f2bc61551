// `{within}` says a rule's deadline in words; `say-contradicts-deadline` catches a `say` whose stated
// time has drifted from the rule's `within`, with a fix that writes `{within}` over it.
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import { interpret } from "../../compiler/interpret.ts";
import { only, run, withBase } from "./helpers.ts";

const calendars = `calendars { office: "Europe/Berlin" mon-fri 09:00-17:30 }\nowners { billing: "Billing team" hours office }\n`;

describe("say-contradicts-deadline", () => {
  it("flags a stated time other than the rule's, underlining the phrase, with a fix to {within}", () => {
    const source = withBase(`rule upset when sentiment < -0.5 then escalate to senior within 1h\n  say "A colleague will contact you within 2 hours."`);
    const [found] = only(source, "say-contradicts-deadline");
    expect(found).toMatchObject({ severity: "warning", text: "within 2 hours", message: "rule `upset` tells the customer `within 2 hours`, but promises `within 1 hour`" });
    const fix = check(source).diagnostics.find((d) => d.code === "say-contradicts-deadline")!.fixes![0]!;
    expect(fix).toMatchObject({ text: "within {within}", preferred: true });
    const fixed = source.slice(0, fix.span.startOffset) + fix.text + source.slice(fix.span.endOffset);
    expect(only(fixed, "say-contradicts-deadline")).toEqual([]);
    expect(interpret(check(fixed).model!, { sentiment: -0.9, repeatContact: false, contactCount: 0, tier: "pro", topic: "other", language: "en", waiting: 0 }).say).toBe(
      "A colleague will contact you within 1 hour.",
    );
  });

  it("accepts the rule's own time however it is written", () => {
    for (const [within, said] of [["1h", "within the hour"], ["1h", "within one hour"], ["90m", "in 90 minutes"], ["1d", "within 24 hours"], ["2d", "within 2 days"], ["15m", "within the next 15 minutes"]]) {
      expect(only(withBase(`rule r when sentiment < 0 then route to senior within ${within}\n  say "We will reply ${said}."`), "say-contradicts-deadline"), said).toEqual([]);
    }
  });

  it("flags a time promised where the rule has no deadline, and leaves unmeasurable phrases alone when it has one", () => {
    expect(only(withBase(`rule r when sentiment < 0 then route to senior\n  say "We will call you by tomorrow."`), "say-contradicts-deadline").map((d) => d.message)).toEqual([
      "rule `r` tells the customer `by tomorrow`, but has no deadline",
    ]);
    expect(only(withBase(`rule r when sentiment < 0 then route to senior within 1d\n  say "We will call you by tomorrow."`), "say-contradicts-deadline")).toEqual([]);
  });

  it("business time: a plain length matches the same business length; a business length needs business time", () => {
    const source = (within: string, said: string) => `${calendars}signals { n: int in 0.. }\nrule r when n > 1 then route to billing within ${within}\n  say "We reply ${said}."\notherwise answer\n`;
    expect(only(source("2 business hours", "within 2 business hours"), "say-contradicts-deadline")).toEqual([]);
    expect(only(source("30 business minutes", "within 30 minutes of our opening hours"), "say-contradicts-deadline")).toEqual([]);
    expect(only(source("2h", "within 2 business hours"), "say-contradicts-deadline")).toHaveLength(1);
  });
});

describe("{within}", () => {
  it("is the rule's deadline in words, in say and reason, business time included", () => {
    const source = `${calendars}signals { n: int in 0.. }
rule quick when n > 5 then route to billing within 90m reason "promised {within}" say "We reply within {within}."
rule slow when n > 1 then route to billing within 4 business hours say "We reply within {within}."
otherwise answer
`;
    const { model } = check(source);
    const now = { now: "2026-12-07T10:00:00Z" };
    const quick = interpret(model!, { n: 9 }, now);
    expect([quick.say, quick.reasons[0]]).toEqual(["We reply within 1 hour 30 minutes.", "promised 1 hour 30 minutes"]);
    expect(interpret(model!, { n: 2 }, now).say).toBe("We reply within 4 business hours.");
  });

  it("is an error on an outcome without within, and a signal called within keeps its meaning", () => {
    expect(run(withBase(`rule r when sentiment < 0 then route to senior say "within {within}"`)).seen.filter((d) => d.code === "bad-interpolation").map((d) => d.text)).toEqual(["{within}"]);
    const own = `signals { within: text }\nrule r when within == "x" then route to "senior" within 1h say "about {within}"\notherwise answer\n`;
    expect(interpret(check(own).model!, { within: "x" }).say).toBe("about x");
  });
});
