/** The `calendars` block and owners' `hours`: what they parse to, how they format, what the checker makes of them. */
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import { stripSpans, type CalendarsBlock, type OwnersBlock } from "../../grammar/ast.ts";
import { parse } from "../../grammar/parse.ts";
import { fmt, meaningOf } from "../support/format.ts";
import { run } from "../check/helpers.ts";
import { runTests } from "../../compiler/contract-tests/index.ts";
import { semanticDiff } from "../../compiler/analysis/diff.ts";
import { generate } from "../../compiler/codegen/index.ts";
import { interpret } from "../../compiler/interpret.ts";
import { staffingInstant } from "../../compiler/staffing-instants.ts";
import { loadGenerated } from "../support/load-module.ts";

/** Diagnostics of the checker and of every analysis but those of promises and closed hours (test/analysis/promises.test.ts). */
const besidesPromises = (source: string) =>
  check(source).diagnostics.filter((d) => d.code !== "promise-outside-hours" && d.code !== "unstaffed-handoff");

const desk = `calendars {
  office: "Europe/Berlin" mon-fri 09:00-12:00, 13:00-17:30, sat 10:00-14:00
    closed ["2026-12-24", "2026-12-25"]
    open "2026-12-31" 09:00-12:00
  clinic: "America/New_York" mon-sun 00:00-24:00
}
signals {
  topic: billing | other
}
owners {
  billing: "Billing team" hours office
  clinician: "On-call clinician" hours clinic
  callback: "Callback desk"
}
when topic is billing then route to billing within 1d
otherwise answer
`;

function calendars(source: string): CalendarsBlock {
  return parse(source).ast.items.find((i) => i.kind === "calendars-block") as CalendarsBlock;
}

describe("parsing", () => {
  it("reads days, intervals (continued after a comma), closed and dated hours, and owners' hours", () => {
    const { diagnostics, ast } = parse(desk);
    expect(diagnostics).toEqual([]);
    const [office, clinic] = calendars(desk).calendars;
    expect(stripSpans(office)).toEqual({
      kind: "calendar-decl",
      name: { kind: "name", text: "office" },
      zone: { kind: "string", value: "Europe/Berlin", parts: [{ kind: "text", value: "Europe/Berlin" }] },
      week: [
        {
          kind: "week-hours",
          days: { kind: "days", from: "mon", to: "fri", raw: "mon-fri" },
          intervals: [
            { kind: "time-range", start: 540, end: 720, raw: "09:00-12:00" },
            { kind: "time-range", start: 780, end: 1050, raw: "13:00-17:30" },
          ],
        },
        { kind: "week-hours", days: { kind: "days", from: "sat", to: "sat", raw: "sat" }, intervals: [{ kind: "time-range", start: 600, end: 840, raw: "10:00-14:00" }] },
      ],
      closed: [
        { kind: "string", value: "2026-12-24", parts: [{ kind: "text", value: "2026-12-24" }] },
        { kind: "string", value: "2026-12-25", parts: [{ kind: "text", value: "2026-12-25" }] },
      ],
      dated: [
        {
          kind: "dated-hours",
          date: { kind: "string", value: "2026-12-31", parts: [{ kind: "text", value: "2026-12-31" }] },
          intervals: [{ kind: "time-range", start: 540, end: 720, raw: "09:00-12:00" }],
        },
      ],
    });
    expect(clinic!.week[0]!.intervals[0]!.end).toBe(1440);
    const owners = ast.items.find((i) => i.kind === "owners-block") as OwnersBlock;
    expect(owners.owners.map((o) => o.hours?.text)).toEqual(["office", "clinic", undefined]);
  });

  it("every node has a span over what it was written as", () => {
    const [office] = calendars(desk).calendars;
    const text = (s: { startOffset: number; endOffset: number }) => desk.slice(s.startOffset, s.endOffset);
    expect(text(office!.span)).toBe(desk.slice(desk.indexOf("office:"), desk.indexOf("\n  clinic")));
    expect(text(office!.week[0]!.span)).toBe("mon-fri 09:00-12:00, 13:00-17:30");
    expect(text(office!.week[0]!.days.span)).toBe("mon-fri");
    expect(text(office!.dated[0]!.span)).toBe('open "2026-12-31" 09:00-12:00');
    expect(text(office!.dated[0]!.keywordSpan)).toBe("open");
  });

  it("keeps the new words names everywhere else", () => {
    const source = `signals {
  hours: bool
  closed: bool
  open: bool
  sat: bool
  business: bool
}
owners {
  hours: "H" hours mon
  open: "O"
}
calendars {
  mon: "UTC" mon 09:00-17:00
  closed: "UTC" sat 10:00-12:00
  open: "UTC" sun 10:00-12:00
}
when hours and closed and open and sat and business then route to hours within 1h
otherwise answer
`;
    expect(besidesPromises(source).map((d) => d.message)).toEqual([]);
    expect(calendars(source).calendars.map((c) => c.name.text)).toEqual(["mon", "closed", "open"]);
  });

  it("reports hours without days and a wrong business unit in the author's terms", () => {
    expect(parse('calendars { x: "UTC" 09:00-17:00 }').diagnostics.map((d) => d.message)).toEqual(["these hours need their days first"]);
    expect(parse('calendars { x: "UTC" monday 09:00-17:00 }').diagnostics.length).toBeGreaterThan(0);
    expect(parse("when a then route to x within 2 business days").diagnostics.map((d) => d.message)).toEqual([
      "business time is counted in `hours` or `minutes`, not `days`",
    ]);
  });
});

describe("formatting", () => {
  it("prints the block canonically: week on the calendar's line, `closed` and `open` below, indented two", () => {
    const messy = desk
      .replace("office: \"Europe/Berlin\" mon-fri", "office :   \"Europe/Berlin\"\n mon-fri")
      .replace("\n    closed", " closed")
      .replace("hours office", "hours\n   office");
    expect(fmt(messy)).toBe(desk);
    expect(fmt(desk)).toBe(desk);
    expect(meaningOf(fmt(messy))).toBe(meaningOf(desk));
  });

  it("fills long weekly hours, continuing under the first hours", () => {
    const long = `calendars {\n  office: "Europe/Berlin" mon 08:00-09:00, tue 08:00-09:00, wed 08:00-09:00, thu 08:00-09:00, fri 08:00-09:00, sat 08:00-09:00\n}\n`;
    const out = fmt(long);
    expect(out).toBe(
      `calendars {\n  office: "Europe/Berlin" mon 08:00-09:00, tue 08:00-09:00, wed 08:00-09:00, thu 08:00-09:00,\n                          fri 08:00-09:00, sat 08:00-09:00\n}\n`,
    );
    expect(fmt(out)).toBe(out);
  });
});

describe("checking", () => {
  it("resolves calendars into the model in the runtime's shape, and owners' hours", () => {
    const { model } = check(desk);
    expect(besidesPromises(desk)).toEqual([]);
    expect(model!.calendars!.map(({ span: _, ...c }) => c)).toEqual([
      {
        name: "office",
        zone: "Europe/Berlin",
        weekly: [...Array(5).fill([[540, 720], [780, 1050]]), [[600, 840]], []],
        closed: ["2026-12-24", "2026-12-25"],
        exceptions: { "2026-12-31": [[540, 720]] },
      },
      { name: "clinic", zone: "America/New_York", weekly: Array(7).fill([[0, 1440]]), closed: [], exceptions: {} },
    ]);
    expect(model!.owners).toEqual([
      { key: "billing", displayName: "Billing team", calendar: "office" },
      { key: "clinician", displayName: "On-call clinician", calendar: "clinic" },
      { key: "callback", displayName: "Callback desk" },
    ]);
  });

  it("a contract without calendars has none in its model", () => {
    expect(check("signals { a: bool }\notherwise answer\n").model).not.toHaveProperty("calendars");
  });

  it("wraps a day range past Sunday, and accepts an interval ending at 24:00 next to one starting at 00:00", () => {
    const { model, diagnostics } = check('calendars { x: "UTC" fri-mon 00:00-24:00, tue 22:00-24:00, wed 00:00-02:00 }\nsignals { a: bool }\notherwise answer\n');
    expect(diagnostics).toEqual([]);
    expect(model!.calendars![0]!.weekly).toEqual([[[0, 1440]], [[1320, 1440]], [[0, 120]], [], [[0, 1440]], [[0, 1440]], [[0, 1440]]]);
  });

  it("underlines what is wrong", () => {
    const seen = run('calendars {\n  a: "Europe/Berlin" mon-fri 09:00-17:00, wed 12:00-13:00\n  b: "UTC" mon 10:00-10:00\n  c: "+01:00" mon 10:00-11:00\n}\nsignals { x: bool }\notherwise answer\n').seen;
    expect(seen.map((s) => `${s.code}: ${s.text}`)).toEqual(["overlapping-hours: 12:00-13:00", "bad-hours: 10:00-10:00", 'unknown-time-zone: "+01:00"']);
  });
});

describe("staffing conditions", () => {
  const source = `calendars {
  office: "Europe/Berlin" mon-fri 09:00-17:30
}
signals {
  topic: billing | other
}
owners {
  billing: "Billing team" hours office
  callback: "Callback desk"
}
rule billing_open
  when topic is billing and owner billing is open
  then route to billing within 4 business hours
rule billing_closed
  when topic is billing and calendar office is closed
  then stop to callback within 2h
  say "We will call you back."
when topic is other then answer
`;

  it("parse to their own node, format as written, and check into comparisons of the calendar's state", () => {
    const rule = parse(source).ast.items.find((i) => i.kind === "rule")!;
    expect(rule.kind === "rule" && rule.condition.kind === "and" && stripSpans(rule.condition.operands[1])).toEqual({
      kind: "staffing",
      subject: "owner",
      name: { kind: "name", text: "billing" },
      open: true,
    });
    expect(fmt(source)).toBe(source);
    const { model, diagnostics } = check(source);
    expect(diagnostics.map((d) => d.message)).toEqual([]);
    expect(model!.staffed).toEqual(["office"]);
    expect(model!.rules.map((r) => r.reads)).toEqual([["topic"], ["topic"], ["topic"]]);
  });

  it("decide at now: open and closed, exactly at the opening and the closing", async () => {
    const model = check(source).model!;
    const module = await loadGenerated(await generate(model));
    const at = (now: string) => {
      const d = interpret(model, { topic: "billing" }, { now });
      expect(module.decide({ topic: "billing" }, { now })).toStrictEqual(d);
      return d.rule;
    };
    expect(at("2026-12-07T09:00:00+01:00")).toBe("billing_open");
    expect(at("2026-12-07T08:59:59.999+01:00")).toBe("billing_closed");
    expect(at("2026-12-07T17:29:59.999+01:00")).toBe("billing_open");
    expect(at("2026-12-07T17:30:00+01:00")).toBe("billing_closed");
  });

  it("the analyses range over the calendar's state, and their examples come true at the instant they name", () => {
    // Without billing_closed, billing questions while the office is closed match no rule.
    const incomplete = source.replace(/rule billing_closed[\s\S]*?say "We will call you back."\n/, "");
    const { diagnostics, checked } = check(incomplete);
    const example = diagnostics.find((d) => d.code === "incomplete")?.example;
    expect(example).toEqual({ topic: "billing", "@office": false });
    const now = staffingInstant(checked!, example!);
    expect(now).toBe("2027-01-04T00:00:00.000Z");
    expect(interpret(checked!, { topic: "billing" }, { now }).rule).toBe("invalid-input");
    // With it, every input is covered and both rules can win.
    expect(check(source).diagnostics).toEqual([]);
  });

  it("diff tells the regions apart by the calendar's state", () => {
    const before = check(source).model!;
    const after = check(source.replace("  when topic is billing and calendar office is closed", "  when topic is billing")).model!;
    const text = JSON.stringify(semanticDiff(before, after));
    expect(text).toContain("calendar office is open");
    expect(text).not.toContain("@office = "); // examples keep the `@office` key, which printExample renders
  });

  it("`handoff test` proves over both states, and runs a counterexample at an instant that has its state", () => {
    const failing = check(`${source}test "billing goes to billing"\n  given topic = billing\n  expect route to billing\n`).model!;
    const [result] = runTests(failing);
    expect(result!.passed).toBe(false);
    expect(result!.counterexample!.now).toBe("2027-01-04T00:00:00.000Z");
    expect(result!.counterexample!.decision.rule).toBe("billing_closed");
    const holding = check(`${source}test "billing goes to billing or callback"\n  given topic = billing\n  expect at least route\n`).model!;
    expect(runTests(holding).map((r) => r.passed)).toEqual([true]);
  });
});
