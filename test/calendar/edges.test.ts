// The calendar arithmetic of runtime/prelude/calendar.ts at every edge the issue lists (DST gaps and
// overlaps in Berlin, New York and Lord_Howe, 24:00, closed dates, now at opening or closing, leap days,
// deadlines across closed days, bounds): each expected instant is worked out by hand in cases.ts.
import { describe, expect, it } from "vitest";
import { cases } from "./cases.ts";
import { runTs } from "./python.ts";

describe("calendar edges (TypeScript)", () => {
  for (const { name, call, expected } of cases) {
    it(name, () => {
      expect(runTs(call)).toEqual(expected);
    });
  }
});
