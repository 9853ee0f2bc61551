/**
 * Shape checks for log lines: what `handoff review` and `handoff replay` accept. A line is either a
 * decision or an event (see runtime/log.ts and docs/schema/); anything else is a bad line, reported
 * with the reason and never fatal.
 */
import { CONVERSATION_EVENTS, type ConversationEvent } from "../runtime/log.ts";
import type { Action } from "../runtime/prelude/index.ts";
import { actionNames } from "../grammar/vocabulary.ts";

/** The fields of a decision line that review and replay read. */
export interface DecisionRecord {
  readonly type: "decision";
  readonly ms: number;
  readonly conversationId: string;
  readonly turn: number;
  readonly contract: { readonly name: string; readonly version: string | null; readonly hash: string };
  readonly action: Action;
  readonly rule: string;
  readonly owner: string | null;
  readonly withinSeconds: number | null;
  /** The decision's deadline in epoch ms, or null. */
  readonly deadlineMs: number | null;
  /** Whether the owner's calendar was open when the decision was made; null when the line does not say (no calendars). */
  readonly ownerOpen: boolean | null;
  /** True when the deadline counts the owner's open time (`businessTime` in the decision). */
  readonly businessTime: boolean;
  /** The logged signals and context, as replay passes them to `decide`. */
  readonly signals: Readonly<Record<string, unknown>>;
  readonly context: Readonly<Record<string, unknown>>;
}

export interface EventRecord {
  readonly type: "event";
  readonly ms: number;
  readonly conversationId: string;
  readonly turn: number;
  readonly event: ConversationEvent;
}

export type LogRecord = DecisionRecord | EventRecord;

const events: ReadonlySet<string> = new Set(CONVERSATION_EVENTS);
const actions: ReadonlySet<string> = new Set(actionNames);
/** "answer, route, escalate or stop" */
const actionList = `${actionNames.slice(0, -1).join(", ")} or ${actionNames[actionNames.length - 1]}`;

/** The record for one line of text, or why it is not a valid log line. */
export function readLine(text: string): LogRecord | { readonly error: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { error: "not JSON" };
  }
  if (!isObject(v)) return { error: "not a JSON object" };
  if (v.type !== "decision" && v.type !== "event") {
    return { error: v.type === undefined ? "no `type`" : `\`type\` is ${JSON.stringify(v.type)}, not "decision" or "event"` };
  }
  const common = commonFields(v.ts, v.conversationId, v.turn);
  if ("error" in common) return common;
  if (v.type === "event") return eventRecord(common, v.event);
  if (!isObject(v.signals)) return { error: "`signals` is not an object" };
  if (!isObject(v.context)) return { error: "`context` is not an object" };
  // INVARIANT: what docs/schema/decision-line.schema.json requires of `context`, and no more.
  if (typeof v.context.now !== "string" || Number.isNaN(Date.parse(v.context.now))) return { error: "`context.now` is not an ISO-8601 time" };
  if (!isObject(v.context.collected)) return { error: "`context.collected` is not an object" };
  if (!isObject(v.decision)) return { error: "`decision` is not an object" };
  return decisionRecord(common, v.contract, v.decision, v.signals, v.context);
}


function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isStringOrNull(v: unknown): boolean {
  return v === null || typeof v === "string";
}

interface Common {
  readonly ms: number;
  readonly conversationId: string;
  readonly turn: number;
}

function commonFields(ts: unknown, conversationId: unknown, turn: unknown): Common | { readonly error: string } {
  const ms = typeof ts === "string" ? Date.parse(ts) : NaN;
  if (Number.isNaN(ms)) return { error: "`ts` is not an ISO-8601 time" };
  if (typeof conversationId !== "string" || conversationId === "") return { error: "`conversationId` is not a non-empty string" };
  if (typeof turn !== "number" || !Number.isInteger(turn) || turn < 0) return { error: "`turn` is not a whole number >= 0" };
  return { ms, conversationId, turn };
}

function eventRecord(c: Common, event: unknown): EventRecord | { readonly error: string } {
  if (typeof event !== "string" || !events.has(event)) return { error: `unknown event ${JSON.stringify(event)}` };
  return { type: "event", ms: c.ms, conversationId: c.conversationId, turn: c.turn, event: event as ConversationEvent };
}

function decisionRecord(
  common: Common,
  contract: unknown,
  d: Record<string, unknown>,
  signals: Record<string, unknown>,
  context: Record<string, unknown>,
): DecisionRecord | { readonly error: string } {
  const c = contract;
  if (!isObject(c) || typeof c.name !== "string" || !isStringOrNull(c.version) || typeof c.hash !== "string") return { error: "`contract` is not {name, version, hash}" };
  const action = d.action;
  if (typeof action !== "string" || !actions.has(action)) return { error: `\`decision.action\` is not ${actionList}` };
  const rule = d.rule;
  if (typeof rule !== "string") return { error: "`decision.rule` is not a string" };
  const owner = d.owner;
  if (!isStringOrNull(owner)) return { error: "`decision.owner` is not a string or null" };
  const within = d.withinSeconds;
  if (within !== null && typeof within !== "number") return { error: "`decision.withinSeconds` is not a number or null" };
  const deadline = d.deadline;
  const deadlineMs = typeof deadline === "string" ? Date.parse(deadline) : deadline === null ? null : NaN;
  if (deadlineMs !== null && Number.isNaN(deadlineMs)) return { error: "`decision.deadline` is not an ISO-8601 time or null" };
  const ownerOpen = d.ownerOpen;
  if (ownerOpen !== undefined && ownerOpen !== null && typeof ownerOpen !== "boolean") return { error: "`decision.ownerOpen` is not true, false or null" };
  const businessTime = d.businessTime;
  if (businessTime !== undefined && typeof businessTime !== "boolean") return { error: "`decision.businessTime` is not true or false" };
  return {
    type: "decision",
    ...common,
    contract: { name: c.name, version: c.version as string | null, hash: c.hash },
    action: action as Action,
    rule,
    owner: owner as string | null,
    withinSeconds: within as number | null,
    deadlineMs,
    ownerOpen: ownerOpen ?? null,
    businessTime: businessTime === true,
    signals,
    context,
  };
}
