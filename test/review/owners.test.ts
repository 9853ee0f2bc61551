// Per-owner figures: handoffs, those decided while the owner was closed, business-time deadlines, and
// routes and escalations accepted in time, late or never — in the result, the Markdown and the summary.
import { describe, expect, it } from "vitest";
import { reviewMarkdown, reviewSummary } from "../../review/report-md.ts";
import { review } from "../../review/review.ts";
import { decision, event, logDir } from "./helpers.ts";

/** A decision line as a contract with calendars writes it. */
const staffed = (line: string, ownerOpen: boolean | null, businessTime: boolean) =>
  line.replace('"brief":null', `"brief":null,"businessTime":${businessTime},"ownerOpen":${ownerOpen},"ownerOpensAt":null`);

describe("per-owner figures", () => {
  const cwd = logDir({
    "log.jsonl": [
      // billing: accepted within its hour, accepted 30 minutes late, decided while closed and never accepted.
      staffed(decision({ conv: "a", turn: 1, action: "route", owner: "billing", minute: 0 }), true, true),
      event("a", 2, "handoff-accepted", 30),
      staffed(decision({ conv: "b", turn: 1, action: "route", owner: "billing", minute: 0 }), true, true),
      event("b", 2, "handoff-accepted", 90),
      staffed(decision({ conv: "c", turn: 1, action: "escalate", owner: "billing", minute: 0 }), false, false),
      // senior: a stop (counted, never awaited) and an escalation accepted in time; an answer counts for nobody.
      staffed(decision({ conv: "d", turn: 1, action: "stop", owner: "senior", minute: 0 }), false, false),
      staffed(decision({ conv: "e", turn: 1, action: "escalate", owner: "senior", minute: 0 }), true, false),
      event("e", 2, "handoff-accepted", 10),
      decision({ conv: "f", turn: 1, action: "answer", minute: 0 }),
      // A line without the staffing fields (a contract without calendars) still counts its handoff.
      decision({ conv: "g", turn: 1, action: "route", owner: "senior", minute: 0 }),
      event("g", 2, "handoff-accepted", 5),
      decision({ conv: "z", turn: 1, action: "answer", minute: 60 * 24 * 3 }),
    ],
  });

  it("counts each owner's handoffs and how they were settled", async () => {
    const r = await review(["log.jsonl"], { cwd, ownerNames: { billing: "Billing team" } });
    expect(r.bad.count).toBe(0);
    expect(r.owners).toEqual([
      { owner: "billing", ownerName: "Billing team", handoffs: 3, whileClosed: 1, businessTime: 2, acceptedInTime: 1, acceptedLate: 1, neverAccepted: 1, inTimeRate: 1 / 3 },
      { owner: "senior", ownerName: null, handoffs: 3, whileClosed: 1, businessTime: 0, acceptedInTime: 2, acceptedLate: 0, neverAccepted: 0, inTimeRate: 1 },
    ]);
    expect(reviewSummary(r)).toContain("owners: billing 3 (in time 33.3%, 1 while closed), senior 3 (in time 100.0%, 1 while closed)\n");
    expect(reviewMarkdown(r)).toContain("| Billing team (`billing`) | 3 | 1 | 2 | 1 | 1 | 1 | 33.3% |");
  });

  it("refuses a staffing field of the wrong type, naming it", async () => {
    const bad = logDir({ "log.jsonl": [staffed(decision({ conv: "a", turn: 1, action: "route", minute: 0 }), null, true).replace('"ownerOpen":null', '"ownerOpen":"yes"')] });
    const r = await review(["log.jsonl"], { cwd: bad });
    expect(r.bad.first[0]!.reason).toBe("`decision.ownerOpen` is not true, false or null");
  });
});
