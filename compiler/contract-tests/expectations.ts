/**
 * What a `test` block expects of a decision: whether an outcome or a decision meets it, and the
 * expectation as written (`escalate to senior within 2h`, `not stop`, `at least route`, `rule medical`).
 */
import { severityRank } from "../../grammar/vocabulary.ts";
import type { Decision } from "../../runtime/prelude/index.ts";
import { showBusiness, showDuration } from "../explain.ts";
import type { ExpectationModel, OutcomeModel } from "../model.ts";

/** Whether an outcome, when it wins, meets the expectation. */
export function meets(expect: ExpectationModel, outcome: Pick<OutcomeModel, "name" | "action" | "owner" | "withinSeconds" | "businessTime">): boolean {
  if (expect.kind === "rule") return outcome.name === expect.rule;
  switch (expect.mode ?? "is") {
    case "not":
      return outcome.action !== expect.action;
    case "at-least":
      return severityRank[outcome.action] >= severityRank[expect.action];
    case "is":
      return (
        outcome.action === expect.action &&
        (expect.owner === null || outcome.owner === expect.owner) &&
        (expect.withinSeconds === null ||
          (outcome.withinSeconds === expect.withinSeconds && (outcome.businessTime === true) === (expect.kind === "action" && expect.businessTime === true)))
      );
  }
}

/** Whether a decision meets the expectation (the same test as `meets`, on what `decide` returned). */
export function decisionMeets(expect: ExpectationModel, d: Decision): boolean {
  return meets(expect, { name: d.rule, action: d.action, owner: d.owner, withinSeconds: d.withinSeconds, ...(d.businessTime === true ? { businessTime: true } : {}) });
}

/** `escalate to senior within 2h`, `not stop`, `at least route`, `rule medical`. */
export function describeExpectation(expect: ExpectationModel): string {
  if (expect.kind === "rule") return `rule ${expect.rule}`;
  const mode = expect.mode ?? "is";
  let out = mode === "not" ? `not ${expect.action}` : mode === "at-least" ? `at least ${expect.action}` : expect.action;
  if (expect.owner !== null) out += ` to ${expect.owner}`;
  if (expect.withinSeconds !== null) out += ` within ${expect.businessTime ? showBusiness(expect.withinSeconds) : showDuration(expect.withinSeconds)}`;
  return out;
}


