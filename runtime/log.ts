/**
 * Decision logs: one JSON line per decision and per conversation event, for `handoff review` and
 * `handoff replay`. See docs/review.md for the format and how a host appends the lines to a file.
 *
 * INVARIANT: this file imports only runtime/prelude/ (which imports nothing else) and uses only the
 * ECMAScript standard library, so a host can import it beside a generated module in any runtime.
 * Values of signals and fields marked `pii` never reach a line: they are replaced by `REDACTED`,
 * their keys kept, wherever the line carries them (signals, context.collected, the brief's evidence
 * and collected facts, texts that interpolated them, validation problems that quote them).
 */
import { readContext, type Decision, type JsonValue } from "./prelude/index.ts";

/** What a redacted value is replaced by. */
export const REDACTED = "[redacted]";

/** The conversation events a host records on the log, besides decisions. */
export const CONVERSATION_EVENTS = [
  "asked-for-human",
  "handoff-accepted",
  "handoff-resolved",
  "customer-confused",
  "reopened",
  "repeat-question",
] as const;
export type ConversationEvent = (typeof CONVERSATION_EVENTS)[number];

/** Identifies the contract version that decided: a generated module's `contract.name/version/hash`. */
export interface LogContract {
  readonly name: string;
  readonly version: string | null;
  readonly hash: string;
}

/** Names of the signals and fields marked `pii` in the contract. */
export interface PiiNames {
  readonly signals: readonly string[];
  readonly fields: readonly string[];
}

/** The context as logged: what `decide` used, with `now` always set (the line's time when the host gave none). */
export interface LoggedContext {
  now: string;
  customer: JsonValue;
  issueType: string | null;
  collected: { [field: string]: JsonValue };
  evidence: JsonValue[];
  priorActions: JsonValue[];
}

export interface DecisionLine {
  type: "decision";
  /** ISO-8601 UTC. */
  ts: string;
  conversationId: string;
  /** The turn of the conversation, counted by the host (0 or 1 based, but increasing). */
  turn: number;
  contract: LogContract;
  signals: { [signal: string]: JsonValue };
  context: LoggedContext;
  decision: Decision;
}

export interface EventLine {
  type: "event";
  ts: string;
  conversationId: string;
  turn: number;
  event: ConversationEvent;
}

/** A time: a Date, epoch milliseconds or an ISO-8601 string. */
export type Time = Date | number | string;

export interface DecisionEntry {
  conversationId: string;
  turn: number;
  /** The signals exactly as passed to `decide`. */
  signals: unknown;
  /** The context exactly as passed to `decide`. */
  context?: unknown;
  decision: Decision;
  /** When the decision was made; default: the logger's clock. */
  ts?: Time;
}

export interface EventEntry {
  conversationId: string;
  turn: number;
  event: ConversationEvent;
  ts?: Time;
}

export interface DecisionLoggerOptions {
  /** A generated module's `contract` will do; only `name`, `version` and `hash` are logged. */
  contract: LogContract & { readonly pii?: PiiNames };
  /** Which signals and fields to redact; default `contract.pii` when the contract carries it, else none. */
  pii?: PiiNames;
  /** Epoch milliseconds; default Date.now. */
  clock?: () => number;
}

export interface DecisionLogger {
  /** One JSON line (no trailing newline) for a decision, pii redacted. */
  decision(entry: DecisionEntry): string;
  /** One JSON line (no trailing newline) for a conversation event. Throws TypeError on an unknown event. */
  event(entry: EventEntry): string;
}

/**
 * A logger for one contract version. Lines are returned, not written, so the host chooses where they go
 * (`appendFileSync(path, line + "\n")`, a write stream, a log shipper).
 */
export function createDecisionLogger(options: DecisionLoggerOptions): DecisionLogger {
  const contract: LogContract = { name: options.contract.name, version: options.contract.version, hash: options.contract.hash };
  const names = options.pii ?? options.contract.pii;
  const pii = { signals: new Set(names?.signals ?? []), fields: new Set(names?.fields ?? []) };
  const clock = options.clock ?? Date.now;
  return {
    decision(entry) {
      const ts = isoOf(entry.ts ?? clock());
      const signals = copySignals(entry.signals);
      const texts = piiTexts(signals, pii.signals);
      const line: DecisionLine = {
        type: "decision",
        ts,
        conversationId: String(entry.conversationId),
        turn: entry.turn,
        contract,
        signals: redactKeys(signals, pii.signals),
        context: loggedContext(entry.context, ts, pii.fields),
        decision: redactDecision(entry.decision, pii, texts),
      };
      return JSON.stringify(line);
    },
    event(entry) {
      if (!(CONVERSATION_EVENTS as readonly string[]).includes(entry.event)) {
        throw new TypeError(`unknown conversation event ${JSON.stringify(entry.event)} (known: ${CONVERSATION_EVENTS.join(", ")})`);
      }
      const line: EventLine = {
        type: "event",
        ts: isoOf(entry.ts ?? clock()),
        conversationId: String(entry.conversationId),
        turn: entry.turn,
        event: entry.event,
      };
      return JSON.stringify(line);
    },
  };
}

function isoOf(time: Time): string {
  const date = time instanceof Date ? time : new Date(time);
  return Number.isNaN(date.getTime()) ? new Date().toISOString() : date.toISOString();
}

/** Own enumerable keys with JSON values; anything else (functions, cycles, getters that throw) is dropped. */
function copySignals(signals: unknown): { [signal: string]: JsonValue } {
  const copy: { [signal: string]: JsonValue } = {};
  if (typeof signals !== "object" || signals === null || Array.isArray(signals)) return copy;
  try {
    for (const key of Object.keys(signals)) {
      try {
        const raw = (signals as Record<string, unknown>)[key];
        if (typeof raw === "string" || typeof raw === "boolean" || raw === null) defineOwn(copy, key, raw);
        else if (typeof raw === "number") defineOwn(copy, key, Number.isFinite(raw) ? raw : null);
        else {
          const value = JSON.stringify(raw);
          if (value !== undefined) defineOwn(copy, key, JSON.parse(value) as JsonValue);
        }
      } catch {
        // an unserialisable value is left out
      }
    }
  } catch {
    // a hostile object: log no signals
  }
  return copy;
}

/** Sets an own property; `__proto__` (whose assignment would set the prototype) through defineProperty. */
function defineOwn(target: object, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else (target as Record<string, unknown>)[key] = value;
}

/** The record with every present key of `names` replaced by REDACTED (a fresh object). */
function redactKeys<T extends JsonValue | number | string | boolean>(record: { [key: string]: T }, names: ReadonlySet<string>): { [key: string]: T | string } {
  const copy: { [key: string]: T | string } = {};
  for (const key of Object.keys(record)) defineOwn(copy, key, names.has(key) ? REDACTED : record[key]);
  return copy;
}

/** How each pii signal's value prints when a reason or say interpolates it (longest first). */
function piiTexts(signals: { [signal: string]: JsonValue }, names: ReadonlySet<string>): string[] {
  const texts: string[] = [];
  for (const name of names) {
    const value = Object.hasOwn(signals, name) ? signals[name] : undefined;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      const text = String(value);
      if (text.length > 0) texts.push(text);
    }
  }
  return texts.sort((a, b) => b.length - a.length);
}

function scrub(text: string, texts: readonly string[]): string {
  let out = text;
  for (const t of texts) out = out.split(t).join(REDACTED);
  return out;
}

function loggedContext(context: unknown, ts: string, piiFields: ReadonlySet<string>): LoggedContext {
  const clean = readContext(context);
  return {
    now: clean.nowMs === null ? ts : new Date(clean.nowMs).toISOString(),
    customer: clean.customer,
    issueType: clean.issueType,
    collected: redactKeys(clean.collected, piiFields),
    evidence: clean.evidence,
    priorActions: clean.priorActions,
  };
}

/**
 * A copy of `decision` safe to log: pii signals in the brief's evidence and pii fields in its collected
 * facts are redacted, texts that interpolated a pii signal's value have it replaced, and validation
 * problems of pii signals no longer quote the value. Everything else is unchanged.
 */
export function redactDecision(decision: Decision, pii: { signals: ReadonlySet<string>; fields: ReadonlySet<string> }, texts: readonly string[] = []): Decision {
  if (pii.signals.size === 0 && pii.fields.size === 0) return decision;
  const copy = JSON.parse(JSON.stringify(decision)) as Decision;
  const text = (s: string | null) => (s === null || texts.length === 0 ? s : scrub(s, texts));
  copy.reasons = copy.reasons.map((r) => text(r)!);
  copy.say = text(copy.say);
  if (copy.invalid) {
    copy.invalid = copy.invalid.map((p) =>
      p.signal !== null && pii.signals.has(p.signal) ? { signal: p.signal, problem: p.problem.replace(/, got .*$/s, `, got ${REDACTED}`) } : p,
    );
  }
  const brief = copy.brief;
  if (brief !== null) {
    brief.riskReason = text(brief.riskReason);
    brief.reasons = brief.reasons.map((r) => text(r)!);
    brief.promisedNextStep = text(brief.promisedNextStep);
    brief.evidence.signals = redactKeys(brief.evidence.signals, pii.signals);
    brief.collected = redactKeys(brief.collected, pii.fields);
  }
  return copy;
}
