/**
 * Assembling a decision from a winning outcome (with its brief for a handoff), the fail-safe
 * decision, and the fixed texts they carry.
 */
import type { CleanContext, ContractInfo, Decision, JsonValue, Outcome, Problem } from "./types.ts";
import { defineOwn, hasOwnProperty } from "./own.ts";
import { deadlineAfter } from "./time.ts";
import { EMPTY_COLLECTED, NO_CONTEXT } from "./context.ts";

/** The `say` of the built-in `on invalid stop`. */
export const BUILTIN_INVALID_SAY =
  "I can't continue with this automatically. A colleague will review your request and follow up with you.";

/** The problem `failSafe` reports: something unexpected was thrown while deciding. */
export const FAIL_SAFE_PROBLEM =
  "the decision could not be computed; the input or context could not be read safely, so a colleague must review it";

/** How a signal's value prints inside `reason`/`say`: as JavaScript prints it (durations: formatDuration). */
export function formatValue(value: number | string | boolean): string {
  return typeof value === "string" ? value : String(value);
}

/**
 * How a duration prints inside `reason`/`say`: in words, to the nearest second, largest units first
 * ("45 minutes", "1 hour 30 minutes", "2 days 3 hours", "0 seconds"); beyond a whole number of seconds
 * JavaScript can count exactly, the number of seconds as formatValue prints it. The raw number stays in
 * the brief's evidence.
 */
export function formatDuration(seconds: number): string {
  const whole = Math.floor(seconds + 0.5);
  if (!(whole >= 0 && whole <= Number.MAX_SAFE_INTEGER)) return formatValue(seconds) + " seconds";
  if (whole === 0) return "0 seconds";
  let rest = whole;
  let out = "";
  for (const [unit, size] of DURATION_UNITS) {
    const n = Math.floor(rest / size);
    if (n === 0) continue;
    rest -= n * size;
    out += (out === "" ? "" : " ") + n + " " + unit + (n === 1 ? "" : "s");
  }
  return out;
}

const DURATION_UNITS: readonly (readonly [string, number])[] = [
  ["day", 86400],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/**
 * Builds the decision for a winning outcome. `reasons` are already ordered (winner first); `evidence`
 * holds the signals the winning condition read ({} for otherwise and invalid-input); `invalid` is
 * given exactly for invalid-input.
 *
 * `matched`, `reasons`, `evidence` and `invalid` become part of the decision as they are (pass fresh
 * ones; -0 in `evidence` is rewritten to 0 in place, so the decision survives a JSON round trip).
 * Every other array or object in the decision is fresh, and the brief never shares an array with the
 * top level, so mutating `decision.collect` leaves `decision.brief.stillToCollect` alone. The one
 * exception is `customer`, handed over from `ctx` as is: `readContext` makes a private copy on every
 * call, so each CleanContext must serve one decision (as it does in `decide` and the interpreter).
 * For `answer` (no brief) it allocates only the decision and its collect/confirm/doNotReAsk arrays.
 */
export function assemble(
  info: ContractInfo,
  outcome: Outcome,
  matched: string[],
  reasons: string[],
  say: string | null,
  evidence: { [signal: string]: number | string | boolean },
  ctx: CleanContext,
  invalid: Problem[] | null,
): Decision {
  const withinSeconds = outcome.withinSeconds;
  const deadline = withinSeconds === null ? null : deadlineAfter(ctx.nowMs, withinSeconds);
  const collected = ctx.collected;
  const collect: string[] = [];
  for (const field of outcome.collect) if (!hasOwnProperty.call(collected, field)) collect.push(field);
  const confirm = freshList(outcome.confirm);
  let doNotReAsk: string[] = collected === EMPTY_COLLECTED ? [] : Object.keys(collected);
  if (confirm.length > 0 && doNotReAsk.length > 0) doNotReAsk = doNotReAsk.filter(notConfirmedBy, confirm);
  const decision: Decision = {
    action: outcome.action,
    rule: outcome.rule,
    owner: outcome.owner,
    ownerName: outcome.ownerName,
    matched,
    withinSeconds,
    deadline,
    urgency: outcome.urgency,
    reasons,
    say,
    collect,
    confirm,
    doNotReAsk,
    brief:
      outcome.action === "answer"
        ? null
        : {
            contract: info.name,
            version: info.version,
            rule: outcome.rule,
            action: outcome.action,
            owner: outcome.owner,
            ownerName: outcome.ownerName,
            urgency: outcome.urgency,
            deadline,
            withinSeconds,
            riskReason: reasons[0] ?? null,
            reasons: freshList(reasons),
            evidence: { signals: withoutNegativeZero(evidence), notes: freshList(ctx.evidence) },
            customer: ctx.customer,
            issueType: ctx.issueType,
            priorActions: freshList(ctx.priorActions),
            promisedNextStep: say,
            collected: collected === EMPTY_COLLECTED ? {} : copyRecord(collected),
            stillToCollect: freshList(collect),
            mustConfirm: freshList(confirm),
            doNotReAsk: freshList(doNotReAsk),
          },
  };
  if (outcome.staff !== undefined) outcome.staff(decision, ctx.nowMs);
  if (invalid !== null) decision.invalid = invalid;
  return decision;
}

/** The decision when something unexpected was thrown: the invalid-input outcome, built without touching the input. */
export function failSafe(info: ContractInfo, onInvalid: Outcome, reasons: string[], say: string): Decision {
  // No context either (it may be what threw): the clock gives `now`, nothing was collected.
  return assemble(info, onInvalid, [], reasons.slice(), say, {}, NO_CONTEXT, [
    { signal: null, problem: FAIL_SAFE_PROBLEM },
  ]);
}

/** `Array.prototype.filter` callback (with `this` = the confirm fields): keeps keys not confirmed. */
function notConfirmedBy(this: readonly string[], key: string): boolean {
  return this.indexOf(key) < 0;
}

/** `evidence` itself (owned by the decision) with -0 rewritten to 0, which JSON cannot represent. */
function withoutNegativeZero(evidence: { [signal: string]: number | string | boolean }): {
  [signal: string]: number | string | boolean;
} {
  for (const key in evidence) if (evidence[key] === 0 && hasOwnProperty.call(evidence, key)) evidence[key] = 0;
  return evidence;
}

/**
 * A fresh copy of a list. Empty lists become a new literal: besides being cheaper, this keeps the
 * shared frozen EMPTY_LIST out of decisions (and `slice` of a frozen array is slow in V8).
 */
function freshList<T>(list: readonly T[]): T[] {
  return list.length === 0 ? [] : list.slice();
}

/** A shallow copy of a sanitised record (its values are already private copies). */
function copyRecord(record: { [field: string]: JsonValue }): { [field: string]: JsonValue } {
  const out: { [field: string]: JsonValue } = {};
  for (const key of Object.keys(record)) defineOwn(out, key, record[key]);
  return out;
}
