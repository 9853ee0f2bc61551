/**
 * The language's vocabulary: every table of words and their properties, in one place.
 *
 * Tokens, the CST→AST visitor, the checker, completion, hover, emitted tests, review, diff and the
 * generated module's types all read these tables. The runtime prelude cannot import (a generated
 * module imports nothing), so it keeps its own `Action`/`Urgency` types; a test ties them, and the
 * editor's TextMate grammar, to this file.
 *
 * Adding a word: add it here, then follow docs/architecture.md ("Adding a clause or a type").
 */

// ---------------------------------------------------------------------------------------------
// Actions

/** The actions, least severe first: the order `most-severe` ranks them in. */
export const actionNames = ["answer", "route", "escalate", "stop"] as const;

export type ActionName = (typeof actionNames)[number];

export const urgencyNames = ["low", "normal", "high", "critical"] as const;

export type UrgencyName = (typeof urgencyNames)[number];

export interface ActionInfo {
  /** Severity: 0 for `answer` up to 3 for `stop`. `expect at least` and `most-severe` compare by it. */
  readonly rank: number;
  /** The urgency of an outcome that writes no `urgency`. */
  readonly defaultUrgency: UrgencyName;
  /** `to OWNER`: never allowed, required, or allowed (a `stop` without one warns `unowned-stop`). */
  readonly target: "forbidden" | "required" | "optional";
  /** Hands the case to a human: may have `within` and a brief with evidence. */
  readonly handoff: boolean;
  /** What the action means, for hover and completion. */
  readonly summary: string;
}

export const actions: Readonly<Record<ActionName, ActionInfo>> = {
  answer: { rank: 0, defaultUrgency: "low", target: "forbidden", handoff: false, summary: "The AI answers the customer; nobody else is involved." },
  route: { rank: 1, defaultUrgency: "normal", target: "required", handoff: true, summary: "Hand the case to an owner's queue, in the normal course of work." },
  escalate: { rank: 2, defaultUrgency: "high", target: "required", handoff: true, summary: "Hand the case to an owner because it is urgent or risky; say by when with `within`." },
  stop: { rank: 3, defaultUrgency: "high", target: "optional", handoff: true, summary: "The AI stops talking to the customer; `say` tells them what happens next." },
};

/** Severity by action (`actions[a].rank`), as a plain record for hot loops. */
export const severityRank: Readonly<Record<ActionName, number>> = Object.freeze(
  Object.fromEntries(actionNames.map((a) => [a, actions[a].rank])) as Record<ActionName, number>,
);

export const defaultUrgency: Readonly<Record<ActionName, UrgencyName>> = Object.freeze(
  Object.fromEntries(actionNames.map((a) => [a, actions[a].defaultUrgency])) as Record<ActionName, UrgencyName>,
);

export function isActionName(word: string): word is ActionName {
  return (actionNames as readonly string[]).includes(word);
}

export function isUrgencyName(word: string): word is UrgencyName {
  return (urgencyNames as readonly string[]).includes(word);
}

// ---------------------------------------------------------------------------------------------
// Policies

export const policyNames = ["most-severe", "first-match"] as const;

export type PolicyName = (typeof policyNames)[number];

/** The policy of a contract that writes none. */
export const defaultPolicy: PolicyName = "most-severe";

export const policies: Readonly<Record<PolicyName, { readonly summary: string }>> = {
  "most-severe": { summary: "The most severe matching rule wins (stop > escalate > route > answer); file order breaks ties." },
  "first-match": { summary: "The first matching rule in file order wins." },
};

// ---------------------------------------------------------------------------------------------
// Types

export const primitiveTypeNames = ["bool", "number", "int", "text", "duration"] as const;

export type PrimitiveTypeName = (typeof primitiveTypeNames)[number];

export interface PrimitiveTypeInfo {
  /** `<`, `<=`, `>`, `>=` apply, and `monotone` may be declared (bool is ordered false < true for `monotone` only). */
  readonly ordered: boolean;
  /** May be the type of a collectable field in `fields { … }`. */
  readonly field: boolean;
  /** Takes a range `(min..max)`. */
  readonly ranged: boolean;
  /** The JSON type a host passes. */
  readonly json: "boolean" | "number" | "string";
  readonly summary: string;
}

export const primitiveTypes: Readonly<Record<PrimitiveTypeName, PrimitiveTypeInfo>> = {
  bool: { ordered: false, field: true, ranged: false, json: "boolean", summary: "`true` or `false`." },
  number: { ordered: true, field: true, ranged: true, json: "number", summary: "A finite number, optionally within a range `(min..max)`." },
  int: { ordered: true, field: false, ranged: true, json: "number", summary: "A whole number, optionally within a range `(min..max)`." },
  text: { ordered: false, field: true, ranged: false, json: "string", summary: "A string; compared with `==`, `!=`, `in`." },
  duration: { ordered: true, field: false, ranged: false, json: "number", summary: "A length of time, passed in seconds and written `90s`, `15m`, `2h`, `1d`, `1h30m`." },
};

/** The types a field may have, in the order the docs list them. */
export const fieldTypeNames = ["text", "number", "bool"] as const satisfies readonly PrimitiveTypeName[];

export type FieldTypeName = (typeof fieldTypeNames)[number];

export function isPrimitiveTypeName(word: string): word is PrimitiveTypeName {
  return (primitiveTypeNames as readonly string[]).includes(word);
}

export function isFieldTypeName(word: string): word is FieldTypeName {
  return (fieldTypeNames as readonly string[]).includes(word);
}

/** Whether `monotone` may be declared on a signal of this type (ordered types, and bool: false < true). */
export function monotoneAllowed(type: PrimitiveTypeName | "enum"): boolean {
  return type !== "enum" && (primitiveTypes[type].ordered || type === "bool");
}

// ---------------------------------------------------------------------------------------------
// Clauses of an outcome (a rule, `otherwise`, `on invalid`)

export const clauseNames = ["collect", "confirm", "reason", "say", "urgency"] as const;

export type ClauseName = (typeof clauseNames)[number];

export interface ClauseInfo {
  /** What follows the keyword. Every clause is allowed on every action, `answer` included. */
  readonly takes: "fields" | "text" | "urgency";
  /** `{signal}` interpolation allowed, except inside `on invalid` (the signals may be what is invalid). */
  readonly interpolates: boolean;
  readonly summary: string;
}

export const clauses: Readonly<Record<ClauseName, ClauseInfo>> = {
  collect: { takes: "fields", interpolates: false, summary: "Fields to ask the customer for, unless already collected; a handoff's brief lists them as `stillToCollect`." },
  confirm: { takes: "fields", interpolates: false, summary: "Fields to confirm with the customer even if already collected; never in `doNotReAsk`." },
  reason: { takes: "text", interpolates: true, summary: "Why the rule fired, in the brief's `reasons`." },
  say: { takes: "text", interpolates: true, summary: "What the customer is told; required on a `stop`." },
  urgency: { takes: "urgency", interpolates: false, summary: "The brief's urgency: `low`, `normal`, `high` or `critical`." },
};

/** Where an outcome is written; every clause may appear in each (with the limits above). */
export const outcomePlaces = ["rule", "otherwise", "on-invalid"] as const;

export type OutcomePlace = (typeof outcomePlaces)[number];

// ---------------------------------------------------------------------------------------------
// Tests and properties

/** `expect ACTION`, `expect not ACTION`, `expect at least ACTION`. */
export const expectModes = ["is", "not", "at-least"] as const;

export type ExpectMode = (typeof expectModes)[number];

export const monotoneDirections = ["increasing", "decreasing"] as const;

export type MonotoneDirection = (typeof monotoneDirections)[number];
