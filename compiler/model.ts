/**
 * The resolved meaning of a contract, produced by the checker from the AST when it has no errors.
 * The interpreter, the code generator and the analyses read this, never the AST.
 *
 * INVARIANT: a `ContractModel` only exists for a contract with no error diagnostics, so every name
 * in it is declared, every literal fits its signal's type and range, and every stop has a `say`.
 */
import { fileStart, type Span } from "../diagnostics/span.ts";
import type { ActionName, ExpectMode, FieldTypeName, MonotoneDirection, PolicyName, UrgencyName } from "../grammar/vocabulary.ts";

export type { ActionName, PolicyName, UrgencyName };

export type SignalType =
  | { readonly kind: "bool" }
  /** Bounds are inclusive; null when omitted. `integer` for `int`. */
  | { readonly kind: "number"; readonly integer: boolean; readonly min: number | null; readonly max: number | null }
  | { readonly kind: "text" }
  /** A duration is a number of seconds, finite and >= 0. */
  | { readonly kind: "duration" }
  | { readonly kind: "enum"; readonly members: readonly string[] };

/** The JSON value of a signal: number (also durations, in seconds), string (text and enum members) or boolean. */
export type SignalValue = number | string | boolean;

export interface SignalModel {
  readonly name: string;
  readonly type: SignalType;
  /** Absent (undefined) when the signal is required. */
  readonly defaultValue?: SignalValue;
  /** Present when the signal is marked `pii`: its value is redacted in decision logs. */
  readonly pii?: true;
  /** The comment after its declaration (compiler/check/descriptions.ts), when there is one. */
  readonly description?: string;
  readonly span: Span;
}

export interface FieldModel {
  readonly name: string;
  readonly type: FieldTypeName;
  /** Present when the field is marked `pii`: its value is redacted in decision logs. */
  readonly pii?: true;
  /** The comment after its declaration, when there is one. */
  readonly description?: string;
}

export interface OwnerModel {
  readonly key: string;
  readonly displayName: string;
  /** The calendar of its `hours`; absent for an owner without hours (always staffed). */
  readonly calendar?: string;
}

/** An open interval [start, end) in minutes since local midnight: 0 ≤ start < end ≤ 1440. */
export type OpenInterval = readonly [number, number];

/**
 * A `calendars` entry, in the shape of the runtime's `Calendar` (runtime/prelude/calendar.ts, whose
 * header gives the semantics) plus its name. INVARIANT (checked): the zone is one Intl knows, spelt as
 * tzdata spells it; intervals are non-empty and do not overlap within a day, each day's in ascending
 * order; dates are real `YYYY-MM-DD` dates, each listed once, closed dates ascending.
 */
export interface CalendarModel {
  readonly name: string;
  readonly zone: string;
  /** Seven entries, Monday first. */
  readonly weekly: readonly (readonly OpenInterval[])[];
  readonly closed: readonly string[];
  /** Dates with their own hours, in place of their weekday's. */
  readonly exceptions: Readonly<Record<string, readonly OpenInterval[]>>;
  readonly span: Span;
}

/**
 * A resolved condition. Comparisons carry the literal converted to the signal's JSON value:
 * durations in seconds, enum members as strings, `flag` normalised to `== true`.
 * `in`/`not in` keep their list (never expanded into or-chains, so sizes stay linear).
 *
 * `span` is where the condition is written: the span of the AST node it came from (parentheses
 * leave no node, so a parenthesised condition has its inner span). The checker always sets it;
 * hand-built models may omit it, and conditions built by the analyses (negations) have none.
 * INVARIANT: a span is position only: nothing decides, compares or generates code from it.
 */
export type Cond =
  | { readonly kind: "cmp"; readonly signal: string; readonly op: "==" | "!=" | "<" | "<=" | ">" | ">="; readonly value: SignalValue; readonly span?: Span }
  | { readonly kind: "in"; readonly signal: string; readonly negated: boolean; readonly values: readonly SignalValue[]; readonly span?: Span }
  | { readonly kind: "not"; readonly operand: Cond; readonly span?: Span }
  | { readonly kind: "and"; readonly operands: readonly Cond[]; readonly span?: Span }
  | { readonly kind: "or"; readonly operands: readonly Cond[]; readonly span?: Span };

/**
 * `reason`/`say` text split at interpolations; `signal` parts print the signal's value, a duration's
 * (`duration: true`) in words ("1 hour 30 minutes": `formatDuration`).
 */
export type Template = readonly (
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "signal"; readonly signal: string; readonly duration?: true }
)[];

/** What an outcome does when it wins: shared by rules, `otherwise` and `on invalid`. */
export interface OutcomeModel {
  /** The rule name; `otherwise` and `invalid-input` for those two. */
  readonly name: string;
  readonly action: ActionName;
  readonly owner: string | null;
  /** The owner's display name from `owners`, or null (no owners block, or no target). */
  readonly ownerName: string | null;
  readonly withinSeconds: number | null;
  /** Present when `within` counts business time (`within 4 business hours`): the owner's open time. INVARIANT: the owner has a calendar. */
  readonly businessTime?: true;
  /** Written urgency, or the action's default (answer low, route normal, escalate high, stop high). */
  readonly urgency: UrgencyName;
  readonly collect: readonly string[];
  readonly confirm: readonly string[];
  readonly reason: Template | null;
  readonly say: Template | null;
  readonly span: Span;
}

export interface RuleModel extends OutcomeModel {
  /** The rule's name, or its `when` keyword when unnamed; set by the checker, absent in hand-built models. */
  readonly nameSpan?: Span;
  readonly condition: Cond;
  /** Signals the condition reads, in first-read order, each once (the brief's `evidence.signals`). */
  readonly reads: readonly string[];
}

export type { ExpectMode };

/**
 * What a test expects of every decision it covers. For `kind: "action"`, `mode` says how the action
 * is compared: `is` (the default when absent: equal, plus owner and `within` when not null), `not`
 * (any other action) or `at-least` (as severe or more, by `severityRank`). INVARIANT: with `not` and
 * `at-least`, `owner` and `withinSeconds` are null.
 */
export type ExpectationModel =
  | {
      readonly kind: "action";
      readonly mode?: ExpectMode;
      readonly action: ActionName;
      readonly owner: string | null;
      readonly withinSeconds: number | null;
      /** Present when the expected `within` is business time; it then matches business-time deadlines only. */
      readonly businessTime?: true;
    }
  | { readonly kind: "rule"; readonly rule: string };

export interface TestModel {
  readonly name: string;
  readonly given: Readonly<Record<string, SignalValue>>;
  readonly expect: ExpectationModel;
  readonly span: Span;
}

/** `monotone SIGNAL increasing|decreasing`; INVARIANT: the signal is number, int, duration or bool. */
export interface MonotoneModel {
  readonly signal: string;
  readonly direction: MonotoneDirection;
  readonly span: Span;
}

export interface ContractModel {
  readonly name: string;
  readonly version: string | null;
  readonly policy: PolicyName;
  /** Hex SHA-256 of the source text. */
  readonly sourceHash: string;
  readonly signals: readonly SignalModel[];
  readonly fields: readonly FieldModel[];
  readonly owners: readonly OwnerModel[];
  /** The `calendars` block's entries in file order; absent when the contract has none. */
  readonly calendars?: readonly CalendarModel[];
  /**
   * The calendars whose open state a condition asks (`owner billing is closed`, `calendar office is
   * open`), in first-use order; absent when none does. Each is the synthetic bool `staffingSignal(name)`
   * in conditions: not a signal of the input, but the calendar's state at `now`, computed by `decide`
   * before matching (see `staffingSignals`). INVARIANT: each is a calendar of `calendars`.
   */
  readonly staffed?: readonly string[];
  /** In file order. */
  readonly rules: readonly RuleModel[];
  readonly otherwise: OutcomeModel | null;
  /** The `on invalid` outcome, or the built-in one (see `builtinInvalidOutcome`). */
  readonly onInvalid: OutcomeModel;
  readonly tests: readonly TestModel[];
  /** The `monotone` properties, in file order. */
  readonly monotone: readonly MonotoneModel[];
}

/**
 * The `on invalid` outcome of a contract that writes none: `stop`, no owner, urgency high, no `say` of
 * its own (the runtime then tells the customer, in its built-in words, that a colleague will follow up).
 */
export const builtinInvalidOutcome: OutcomeModel = Object.freeze({
  name: "invalid-input",
  action: "stop",
  owner: null,
  ownerName: null,
  withinSeconds: null,
  urgency: "high",
  collect: Object.freeze([]),
  confirm: Object.freeze([]),
  reason: null,
  say: null,
  span: fileStart,
});

/** The synthetic signal of a calendar's open state at `now`; `@` keeps it apart from every signal name. */
export function staffingSignal(calendar: string): string {
  return `@${calendar}`;
}

/** The calendar of a synthetic staffing signal, or null for an ordinary signal. */
export function staffingCalendar(signal: string): string | null {
  return signal.startsWith("@") ? signal.slice(1) : null;
}

/**
 * The signals the analyses range over: the declared ones, then one bool per staffed calendar (its open
 * state at `now`), so every claim about matching covers both states of every calendar a condition asks.
 */
export function decisionSignals(model: ContractModel): readonly SignalModel[] {
  if (model.staffed === undefined) return model.signals;
  return [...model.signals, ...model.staffed.map((name) => ({ name: staffingSignal(name), type: { kind: "bool" } as const, span: fileStart }))];
}

/** The names of the signals and fields marked `pii`, in declaration order: what a decision log redacts. */
export function piiNames(model: ContractModel): { readonly signals: string[]; readonly fields: string[] } {
  return { signals: model.signals.filter((s) => s.pii).map((s) => s.name), fields: model.fields.filter((f) => f.pii).map((f) => f.name) };
}
