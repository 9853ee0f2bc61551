/**
 * The prelude's types: the public API of a decision (`Decision`, `Brief`, `Context`, `Validation`…,
 * which every generated module exports) and the internal shapes the other prelude files pass around
 * (`Outcome`, `ContractInfo`, `SignalSpec`, `CleanContext`).
 *
 * `Action`, `Urgency` and `SignalSpec.kind` spell out words of grammar/vocabulary.ts, which the prelude
 * cannot import; test/runtime/vocabulary.test.ts ties them.
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
  /**
   * Present exactly when the contract has `calendars` (runtime/prelude/staffing.ts): the deadline as local
   * time with the owner's offset, whether it counts business time, whether the owner is open at `now`
   * (null without an owner) and, when closed, its next opening (local time with its offset).
   */
  deadlineLocal?: string | null;
  businessTime?: boolean;
  ownerOpen?: boolean | null;
  ownerOpensAt?: string | null;
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
  /**
   * Present exactly when the contract has `calendars` (runtime/prelude/staffing.ts): the deadline as local
   * time with the owner's offset, whether it counts business time, whether the owner is open at `now`
   * (null without an owner) and, when closed, its next opening (local time with its offset).
   */
  deadlineLocal?: string | null;
  businessTime?: boolean;
  ownerOpen?: boolean | null;
  ownerOpensAt?: string | null;
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
  /** In contracts with calendars: completes the decision with its owner's staffing (`staffDecision`). */
  readonly staff?: (decision: Decision, nowMs: number | null) => void;
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
