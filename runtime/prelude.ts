/**
 * What "decide" means at run time, shared by the reference interpreter and every generated module.
 *
 * INVARIANT: this file imports nothing and uses only the ECMAScript standard library (no Node, DOM
 * or Deno APIs), because the code generator copies its declarations verbatim (minus `export`) into
 * every generated module, which must run unchanged in Node, Deno, Bun, browsers and edge runtimes
 * and compile under `tsc --strict`. Nothing here may throw, whatever it is given, except `readOwn`
 * (whose caller turns a throw into a per-signal problem).
 */

export type Action = "answer" | "route" | "escalate" | "stop";
export type Urgency = "low" | "normal" | "high" | "critical";
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What the host passes besides the signals. Anything malformed in it is ignored, never fatal. */
export interface Context {
  /** ISO-8601 string with a zone, or epoch milliseconds; else the clock. */
  now?: string | number;
  customer?: JsonValue;
  issueType?: string;
  /** Facts already collected: their keys must not be asked again. */
  collected?: { [field: string]: JsonValue };
  evidence?: JsonValue[];
  priorActions?: JsonValue[];
}

/** One validation problem; `signal` is null when the input as a whole is wrong. */
export interface Problem {
  signal: string | null;
  problem: string;
}

export interface Brief {
  contract: string;
  version: string | null;
  rule: string;
  action: Action;
  owner: string | null;
  ownerName: string | null;
  urgency: Urgency;
  deadline: string | null;
  withinSeconds: number | null;
  riskReason: string | null;
  reasons: string[];
  evidence: { signals: { [signal: string]: number | string | boolean }; notes: JsonValue[] };
  customer: JsonValue;
  issueType: string | null;
  priorActions: JsonValue[];
  promisedNextStep: string | null;
  collected: { [field: string]: JsonValue };
  stillToCollect: string[];
  mustConfirm: string[];
  doNotReAsk: string[];
}

export interface Decision {
  action: Action;
  rule: string;
  owner: string | null;
  ownerName: string | null;
  matched: string[];
  withinSeconds: number | null;
  deadline: string | null;
  urgency: Urgency;
  reasons: string[];
  say: string | null;
  collect: string[];
  confirm: string[];
  doNotReAsk: string[];
  brief: Brief | null;
  /** Present only when `rule` is "invalid-input". */
  invalid?: Problem[];
}

/** The static facts of an outcome (a rule, `otherwise` or `on invalid`): constants in generated code. */
export interface Outcome {
  readonly rule: string;
  readonly action: Action;
  readonly owner: string | null;
  readonly ownerName: string | null;
  readonly withinSeconds: number | null;
  readonly urgency: Urgency;
  readonly collect: readonly string[];
  readonly confirm: readonly string[];
}

export interface ContractInfo {
  readonly name: string;
  readonly version: string | null;
}

/** A signal's declaration as the validator needs it. */
export interface SignalSpec {
  readonly name: string;
  readonly kind: "bool" | "number" | "int" | "text" | "duration" | "enum";
  /** Inclusive bounds for number and int; null when open. */
  readonly min: number | null;
  readonly max: number | null;
  /** Enum members; null for other kinds. */
  readonly members: readonly string[] | null;
  /** undefined when the signal is required. */
  readonly defaultValue: number | string | boolean | undefined;
}

/** The context after sanitising: JSON-safe copies, bounded in depth and size, no cycles. */
export interface CleanContext {
  readonly nowMs: number | null;
  readonly customer: JsonValue;
  readonly issueType: string | null;
  readonly collected: { [field: string]: JsonValue };
  readonly evidence: JsonValue[];
  readonly priorActions: JsonValue[];
}

export type Validation =
  { ok: true; signals: { [signal: string]: number | string | boolean } } | { ok: false; problems: Problem[] };

/** The `say` of the built-in `on invalid stop`. */
export const BUILTIN_INVALID_SAY =
  "I can't continue with this automatically. A colleague will review your request and follow up with you.";

/** The problem of a signal whose property could not be read (its getter or a Proxy trap threw). */
export const COULD_NOT_READ = "could not be read";

/** The problem `failSafe` reports: something unexpected was thrown while deciding. */
export const FAIL_SAFE_PROBLEM =
  "the decision could not be computed; the input or context could not be read safely, so a colleague must review it";

/** Limits for each part of the context (customer, collected, evidence, priorActions). */
const CONTEXT_MAX_DEPTH = 16;
const CONTEXT_MAX_NODES = 10000;
/** The largest |epoch milliseconds| a Date can hold (±100,000,000 days). */
const MAX_EPOCH_MS = 8.64e15;
/** Strings quoted in problem messages are cut to this many UTF-16 units. */
const MESSAGE_QUOTE_LIMIT = 40;

const hasOwnProperty = Object.prototype.hasOwnProperty;
const OBJECT_PROTOTYPE: object = Object.prototype;

/**
 * The context when none (or nothing usable) is given.
 * INVARIANT: shared and frozen; `assemble` never puts EMPTY_COLLECTED or EMPTY_LIST into a decision
 * (it copies lists and replaces an empty `collected` by a new {}), so callers may mutate decisions.
 */
const EMPTY_COLLECTED = Object.freeze({}) as { [field: string]: JsonValue };
const EMPTY_LIST = Object.freeze([]) as unknown as JsonValue[];
const NO_CONTEXT: CleanContext = Object.freeze({
  nowMs: null,
  customer: null,
  issueType: null,
  collected: EMPTY_COLLECTED,
  evidence: EMPTY_LIST,
  priorActions: EMPTY_LIST,
});

/**
 * Sanitises `context`; never throws. Each part is read once, as an own property; a part that is
 * malformed (wrong type, too deep or too large, a cycle, a non-JSON value, a getter or trap that
 * throws) is replaced by its default on its own, without affecting the other parts.
 */
export function readContext(context: unknown): CleanContext {
  if (context === undefined || context === null) return NO_CONTEXT;
  try {
    if (!isPlainObject(context)) return NO_CONTEXT;
    // Written out with constant keys (V8 caches a named load; one helper taking the key would not).
    // A part whose read throws is ignored. None of these names is on Object.prototype, and the
    // prototype was checked above, so a plain read sees own properties only (see `readOwn`).
    const c = context as { readonly [key: string]: unknown };
    let now: unknown, customer: unknown, issueType: unknown, collected: unknown, evidence: unknown, priorActions: unknown;
    try { now = "now" in OBJECT_PROTOTYPE ? readOwn(c, "now") : c["now"]; } catch { now = undefined; }
    try { customer = "customer" in OBJECT_PROTOTYPE ? readOwn(c, "customer") : c["customer"]; } catch { customer = undefined; }
    try { issueType = "issueType" in OBJECT_PROTOTYPE ? readOwn(c, "issueType") : c["issueType"]; } catch { issueType = undefined; }
    try { collected = "collected" in OBJECT_PROTOTYPE ? readOwn(c, "collected") : c["collected"]; } catch { collected = undefined; }
    try { evidence = "evidence" in OBJECT_PROTOTYPE ? readOwn(c, "evidence") : c["evidence"]; } catch { evidence = undefined; }
    try { priorActions = "priorActions" in OBJECT_PROTOTYPE ? readOwn(c, "priorActions") : c["priorActions"]; } catch { priorActions = undefined; }
    return {
      nowMs: epochMsOf(now),
      customer: customer === undefined ? null : copyJson(customer),
      issueType: typeof issueType === "string" ? issueType : null,
      collected: copyCollected(collected),
      evidence: copyList(evidence),
      priorActions: copyList(priorActions),
    };
  } catch {
    return NO_CONTEXT;
  }
}

/** The whole-input problem (not a plain object, array, null…), or null when `input` is a plain object. */
export function inputProblem(input: unknown): Problem | null {
  if (typeof input !== "object" || input === null) {
    return { signal: null, problem: "the input must be a plain object of signals, got " + typeNameOf(input) };
  }
  try {
    if (Array.isArray(input))
      return { signal: null, problem: "the input must be a plain object of signals, got an array" };
    const proto = Object.getPrototypeOf(input);
    if (proto === Object.prototype || proto === null) return null;
    return {
      signal: null,
      problem:
        "the input must be a plain object of signals, got an object that is not plain (a class instance, Map, Date...)",
    };
  } catch {
    // A Proxy whose getPrototypeOf trap throws, or a revoked Proxy.
    return { signal: null, problem: "the input could not be read" };
  }
}

/**
 * The own property `key` of `input`, or undefined. May throw (a throwing getter or Proxy trap).
 * Never consults the prototype chain: inherited properties, `__proto__` and `constructor` (unless own)
 * read as undefined. An own property whose value is undefined is indistinguishable from an absent one,
 * so it counts as absent (a signal with a default takes its default). A getter runs exactly once.
 *
 * INVARIANT: the caller has checked that the prototype of `input` is `Object.prototype` or null
 * (`isPlainObject`). Then a property can only be inherited when `Object.prototype` has one of that
 * name, so `hasOwnProperty` (about 10 ns a call) is asked only then; a plain read is cached by V8.
 * Generated modules inline exactly this expression with a constant key.
 */
export function readOwn(input: object, key: string): unknown {
  return !(key in OBJECT_PROTOTYPE) || hasOwnProperty.call(input, key) ? (input as { [key: string]: unknown })[key] : undefined;
}

/**
 * Why `value` is not a valid value of `spec`, or null when it is. `undefined` means absent: a problem
 * only for a required signal. This is the one source of validation wording.
 *
 * Wording: "must be EXPECTATION, got X", where X is the value itself when it has the right JSON type
 * (numbers as `String` prints them, strings JSON-quoted and cut to 40 characters) and its type
 * otherwise ("a string", "null", "an array"…). User text never reaches a message unquoted or unbounded.
 */
export function describeProblem(spec: SignalSpec, value: unknown): string | null {
  if (value === undefined) return spec.defaultValue === undefined ? "is required but missing" : null;
  switch (spec.kind) {
    case "bool":
      return typeof value === "boolean" ? null : "must be a boolean, got " + typeNameOf(value);
    case "text":
      return typeof value === "string" ? null : "must be a string, got " + typeNameOf(value);
    case "enum": {
      const members = spec.members === null ? [] : spec.members;
      if (typeof value === "string") {
        // Exact own membership: a linear scan with ===, never a property lookup, so "constructor",
        // "toString" or "__proto__" are members only if declared (the checker forbids declaring them).
        for (const member of members) if (member === value) return null;
        return "must be one of " + members.join(", ") + ", got " + quoteForMessage(value);
      }
      return "must be one of " + members.join(", ") + ", got " + typeNameOf(value);
    }
    case "duration":
      // NaN fails both comparisons; -0 >= 0 holds.
      if (typeof value === "number" && value >= 0 && value < Infinity) return null;
      return "must be a duration in seconds (a finite number >= 0), got " + numberShown(value);
    case "number":
    case "int":
      if (
        typeof value === "number" &&
        value > -Infinity &&
        value < Infinity &&
        (spec.min === null || value >= spec.min) &&
        (spec.max === null || value <= spec.max) &&
        (spec.kind === "number" || Number.isInteger(value))
      ) {
        return null;
      }
      return "must be " + numberExpectation(spec) + ", got " + numberShown(value);
  }
  return "has a type this module does not know";
}

/** How a signal's value prints inside `reason`/`say`: as JavaScript prints it (durations in seconds). */
export function formatValue(value: number | string | boolean): string {
  return typeof value === "string" ? value : String(value);
}

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

// ---------------------------------------------------------------------------------------------
// Helpers (not exported; generated modules carry them too)

/** Whether `value` is an object whose prototype is Object.prototype or null. May throw (Proxy). */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** "a string", "null", "an array"…: how a value's type reads in a problem. Never throws. */
function typeNameOf(value: unknown): string {
  switch (typeof value) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean";
    case "bigint":
      return "a bigint";
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    case "undefined":
      return "undefined";
  }
  if (value === null) return "null";
  try {
    return Array.isArray(value) ? "an array" : "an object";
  } catch {
    return "an object"; // a revoked Proxy
  }
}

/** A number as `String` prints it (NaN, Infinity, 2.5), anything else by its type. */
function numberShown(value: unknown): string {
  return typeof value === "number" ? String(value) : typeNameOf(value);
}

/** JSON-quoted, cut to MESSAGE_QUOTE_LIMIT units (never inside a surrogate pair) with the full length noted. */
function quoteForMessage(text: string): string {
  if (text.length <= MESSAGE_QUOTE_LIMIT) return JSON.stringify(text);
  let end = MESSAGE_QUOTE_LIMIT;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return JSON.stringify(text.slice(0, end)) + "... (" + text.length + " characters)";
}

/** "a number between -1 and 1", "an integer >= 0", "a finite number"… */
function numberExpectation(spec: SignalSpec): string {
  const what = spec.kind === "int" ? "an integer" : "a number";
  if (spec.min !== null && spec.max !== null) return what + " between " + spec.min + " and " + spec.max;
  if (spec.min !== null) return what + " >= " + spec.min;
  if (spec.max !== null) return what + " <= " + spec.max;
  return spec.kind === "int" ? "an integer" : "a finite number";
}

/** `Array.prototype.filter` callback (with `this` = the confirm fields): keeps keys not confirmed. */
function notConfirmedBy(this: readonly string[], key: string): boolean {
  return this.indexOf(key) < 0;
}

/** ISO-8601 UTC of now + withinSeconds, or null outside the Date range. */
function deadlineAfter(nowMs: number | null, withinSeconds: number): string | null {
  const at = (nowMs === null ? Date.now() : nowMs) + withinSeconds * 1000;
  return at >= -MAX_EPOCH_MS && at <= MAX_EPOCH_MS ? isoUtc(at) : null;
}

/**
 * Exactly `new Date(ms).toISOString()` for ms inside the Date range, computed with integer arithmetic
 * for years 0000-9999 (toISOString costs about a microsecond on some engines; this is the hot path
 * of every decision with a deadline), and by toISOString itself for the expanded years outside.
 */
function isoUtc(ms: number): string {
  const t = Math.trunc(ms); // the Date constructor's TimeClip truncates toward zero
  const days = Math.floor(t / 86400000);
  const z = days + 719468; // days since 0000-03-01 (H. Hinnant's civil_from_days)
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return new Date(t).toISOString();
  let rest = t - days * 86400000;
  const hour = Math.floor(rest / 3600000);
  rest -= hour * 3600000;
  const minute = Math.floor(rest / 60000);
  rest -= minute * 60000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  return (
    (year < 10 ? "000" : year < 100 ? "00" : year < 1000 ? "0" : "") +
    year +
    (month < 10 ? "-0" : "-") +
    month +
    (day < 10 ? "-0" : "-") +
    day +
    (hour < 10 ? "T0" : "T") +
    hour +
    (minute < 10 ? ":0" : ":") +
    minute +
    (second < 10 ? ":0" : ":") +
    second +
    (milli < 10 ? ".00" : milli < 100 ? ".0" : ".") +
    milli +
    "Z"
  );
}

/**
 * Sets an own enumerable data property. Keys that Object.prototype knows (`__proto__`, `toString`…)
 * go through defineProperty, so no inherited setter runs and the prototype never changes; every other
 * key is a plain assignment on a fresh object (fast). The result JSON.stringifies normally.
 */
function defineOwn(target: object, key: string, value: unknown): void {
  if (key in Object.prototype) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    (target as { [key: string]: unknown })[key] = value;
  }
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

/** `now` as epoch milliseconds inside the Date range, or null (then the clock is used). */
function epochMsOf(now: unknown): number | null {
  if (typeof now === "number") return now >= -MAX_EPOCH_MS && now <= MAX_EPOCH_MS ? now : null;
  if (typeof now === "string") return parseIsoInstant(now);
  return null;
}

/**
 * Epoch milliseconds of an ISO-8601 instant `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by a zone, `Z`
 * or `±HH:MM` (required), or null. `T` and `Z` may be lower case; the fraction has 1-9 digits and is
 * cut to milliseconds; no leap seconds, no 24:00. Parsed by hand at fixed positions (no regex, no
 * allocation), not with `Date.parse`, whose accepted formats differ between engines.
 */
function parseIsoInstant(text: string): number | null {
  const length = text.length;
  if (length < 17 || length > 45) return null;
  // "-" = 45, ":" = 58, "." = 46, "+" = 43, "t"/"T" | 32 = 116, "z"/"Z" | 32 = 122.
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    (text.charCodeAt(10) | 32) !== 116 ||
    text.charCodeAt(13) !== 58
  ) {
    return null;
  }
  const century = twoDigitsAt(text, 0);
  const yearInCentury = twoDigitsAt(text, 2);
  const year = century < 0 || yearInCentury < 0 ? -1 : century * 100 + yearInCentury;
  const month = twoDigitsAt(text, 5);
  const day = twoDigitsAt(text, 8);
  const hour = twoDigitsAt(text, 11);
  const minute = twoDigitsAt(text, 14);
  let second = 0;
  let millis = 0;
  let at = 16;
  if (text.charCodeAt(at) === 58) {
    second = twoDigitsAt(text, at + 1);
    at += 3;
    if (text.charCodeAt(at) === 46) {
      let end = at + 1;
      while (end < length && digitsAt(text, end, 1) >= 0) end++;
      const count = end - at - 1;
      if (count < 1 || count > 9) return null;
      millis = digitsAt(text, at + 1, count < 3 ? count : 3) * (count === 1 ? 100 : count === 2 ? 10 : 1);
      at = end;
    }
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  let offsetMinutes = 0;
  const zone = text.charCodeAt(at);
  if ((zone | 32) === 122) {
    if (at + 1 !== length) return null;
  } else if (zone === 43 || zone === 45) {
    if (at + 6 !== length || text.charCodeAt(at + 3) !== 58) return null;
    const zoneHours = twoDigitsAt(text, at + 1);
    const zoneMinutes = twoDigitsAt(text, at + 4);
    if (zoneHours < 0 || zoneHours > 23 || zoneMinutes < 0 || zoneMinutes > 59) return null;
    offsetMinutes = (zone === 45 ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  } else {
    return null;
  }
  return (
    daysFromCivil(year, month, day) * 86400000 + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis
  );
}

/** The two ASCII digits at `start` as a number, or -1 if either is not a digit (or missing). */
function twoDigitsAt(text: string, start: number): number {
  const tens = text.charCodeAt(start) - 48; // NaN past the end
  const ones = text.charCodeAt(start + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** The decimal number of the `count` ASCII digits at `start`, or -1 if any is not a digit (or missing). */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48; // NaN past the end
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms"). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** A private JSON copy of `value` within the limits, or null when it is malformed. */
function copyJson(value: unknown): JsonValue {
  try {
    return cloneJson(value, 0, { left: CONTEXT_MAX_NODES });
  } catch {
    return null;
  }
}

/** `collected`: a plain object copied (see cloneJson), or {} when absent or malformed. */
function copyCollected(value: unknown): { [field: string]: JsonValue } {
  if (value === undefined) return EMPTY_COLLECTED;
  try {
    if (!isPlainObject(value)) return EMPTY_COLLECTED;
    return cloneJson(value, 0, { left: CONTEXT_MAX_NODES }) as { [field: string]: JsonValue };
  } catch {
    return EMPTY_COLLECTED;
  }
}

/** `evidence`, `priorActions`: an array copied (see cloneJson), or [] when absent or malformed. */
function copyList(value: unknown): JsonValue[] {
  if (value === undefined) return EMPTY_LIST;
  try {
    if (!Array.isArray(value)) return EMPTY_LIST;
    return cloneJson(value, 0, { left: CONTEXT_MAX_NODES }) as JsonValue[];
  } catch {
    return EMPTY_LIST;
  }
}

/**
 * A deep JSON copy; THROWS on anything malformed (callers catch and drop the whole part).
 * Accepted: null, booleans, strings, finite numbers (-0 becomes 0), arrays without holes, and objects
 * whose prototype is Object.prototype or null (own enumerable string keys; symbol keys are skipped;
 * copies are ordinary objects, `__proto__` kept as an own key). Rejected: undefined, functions,
 * symbols, bigints, NaN, ±Infinity, holes, other objects (Date, Map, class instances…), more than
 * CONTEXT_MAX_DEPTH nested containers (which also ends every cycle), more than `budget.left` values
 * below the top (checked against `length` and the key count before iterating, so a huge or sparse
 * array is refused at once), and any getter or Proxy trap that throws.
 */
function cloneJson(value: unknown, depth: number, budget: { left: number }): JsonValue {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (value > -Infinity && value < Infinity) return value === 0 ? 0 : value;
      throw new RangeError("not a finite number");
    case "object":
      if (value === null) return null;
      break;
    default:
      throw new TypeError("not a JSON value");
  }
  if (depth >= CONTEXT_MAX_DEPTH) throw new RangeError("too deep");
  if (Array.isArray(value)) {
    const length = value.length;
    if (!(length <= budget.left)) throw new RangeError("too large");
    budget.left -= length;
    const out: JsonValue[] = [];
    for (let i = 0; i < length; i++) {
      if (!hasOwnProperty.call(value, i)) throw new TypeError("a hole");
      out.push(cloneJson(value[i], depth + 1, budget));
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new TypeError("not a plain object");
  const keys = Object.keys(value);
  if (keys.length > budget.left) throw new RangeError("too large");
  budget.left -= keys.length;
  const out: { [key: string]: JsonValue } = {};
  for (const key of keys) defineOwn(out, key, cloneJson(readOwn(value, key), depth + 1, budget));
  return out;
}
