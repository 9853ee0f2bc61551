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
  | { ok: true; signals: { [signal: string]: number | string | boolean } }
  | { ok: false; problems: Problem[] };

/** The `say` of the built-in `on invalid stop`. */
export const BUILTIN_INVALID_SAY = "I can't continue with this automatically. A colleague will review your request and follow up with you.";

/** Sanitises `context`; never throws. */
export function readContext(context: unknown): CleanContext {
  throw new Error("not implemented");
}

/** The whole-input problem (not a plain object, array, null…), or null when `input` is a plain object. */
export function inputProblem(input: unknown): Problem | null {
  throw new Error("not implemented");
}

/** The own property `key` of `input`, or undefined. May throw (a throwing getter or Proxy trap). */
export function readOwn(input: object, key: string): unknown {
  throw new Error("not implemented");
}

/**
 * Why `value` is not a valid value of `spec`, or null when it is. `undefined` means absent: a problem
 * only for a required signal. This is the one source of validation wording.
 */
export function describeProblem(spec: SignalSpec, value: unknown): string | null {
  throw new Error("not implemented");
}

/** How a signal's value prints inside `reason`/`say`. */
export function formatValue(value: number | string | boolean): string {
  throw new Error("not implemented");
}

/**
 * Builds the decision for a winning outcome. `reasons` are already ordered (winner first); `evidence`
 * holds the signals the winning condition read ({} for otherwise and invalid-input); `invalid` is
 * given exactly for invalid-input.
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
  throw new Error("not implemented");
}

/** The decision when something unexpected was thrown: the invalid-input outcome, built without touching the input. */
export function failSafe(info: ContractInfo, onInvalid: Outcome, reasons: string[], say: string): Decision {
  throw new Error("not implemented");
}
