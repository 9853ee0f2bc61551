/**
 * The syntax tree of a `.handoff` contract.
 *
 * INVARIANT: every node is readonly plain data with a `kind` and a `span`. Spans are the only
 * position information, and every key holding one is named `span` or `…Span` (`whenSpan`,
 * `keywordSpan`, `opSpan`: the parts diagnostics underline, so nothing re-reads the source to find
 * them). Structural equality "modulo positions" means equality after removing those keys (see
 * `stripSpans`). The CST→AST visitor in `cst-to-ast.ts` is the only producer.
 *
 * The tree keeps what the author wrote (file order, which spelling of an operator, whether a
 * target was quoted) so the formatter can print it back; meaning is resolved by the checker into
 * `compiler/model.ts`.
 */

import type { Span } from "../diagnostics/span.ts";
import type { ActionName, ExpectMode, MonotoneDirection, PolicyName, PrimitiveTypeName, UrgencyName } from "./vocabulary.ts";

export type { ActionName, ExpectMode, MonotoneDirection, PolicyName, PrimitiveTypeName, UrgencyName };

export { endOf, fileStart, type Span } from "../diagnostics/span.ts";

// ---------------------------------------------------------------------------------------------
// Leaves

export interface Name {
  readonly kind: "name";
  readonly text: string;
  readonly span: Span;
}

/** A string literal after escape processing. `parts` splits it at `{signal}` interpolations. */
export interface StringLiteral {
  readonly kind: "string";
  readonly value: string;
  readonly parts: readonly TemplatePart[];
  readonly span: Span;
}

export type TemplatePart =
  | { readonly kind: "text"; readonly value: string; readonly span: Span }
  /** `{name}` inside a string; `name.span` covers the identifier inside the braces. */
  | { readonly kind: "interpolation"; readonly name: Name; readonly span: Span };

export interface NumberLiteral {
  readonly kind: "number";
  readonly value: number;
  readonly raw: string;
  readonly span: Span;
}

export interface DurationLiteral {
  readonly kind: "duration";
  /** Total seconds. */
  readonly seconds: number;
  readonly raw: string;
  readonly span: Span;
}

export interface BoolLiteral {
  readonly kind: "bool";
  readonly value: boolean;
  readonly span: Span;
}

/** A bare identifier in value position: an enum member such as `medical` in `topic is medical`. */
export interface SymbolLiteral {
  readonly kind: "symbol";
  readonly name: string;
  readonly span: Span;
}

export type Literal = StringLiteral | NumberLiteral | DurationLiteral | BoolLiteral | SymbolLiteral;

// ---------------------------------------------------------------------------------------------
// Declarations

export interface ContractDecl {
  readonly kind: "contract-decl";
  readonly name: StringLiteral;
  readonly span: Span;
}

export interface VersionDecl {
  readonly kind: "version-decl";
  readonly version: StringLiteral;
  readonly span: Span;
}

export interface PolicyDecl {
  readonly kind: "policy-decl";
  readonly policy: PolicyName;
  readonly span: Span;
}

export interface RangeExpr {
  readonly kind: "range";
  readonly min: NumberLiteral | null;
  readonly max: NumberLiteral | null;
  readonly span: Span;
}

export interface PrimitiveType {
  readonly kind: "primitive-type";
  readonly name: PrimitiveTypeName;
  /** Only meaningful for number and int; the checker reports a range on any other type. */
  readonly range: RangeExpr | null;
  readonly span: Span;
}

/** `a | b | c`, or a single word that is not a primitive type name (the checker reports that). */
export interface EnumType {
  readonly kind: "enum-type";
  readonly members: readonly Name[];
  readonly span: Span;
}

export type TypeExpr = PrimitiveType | EnumType;

export interface SignalDecl {
  readonly kind: "signal-decl";
  readonly name: Name;
  readonly type: TypeExpr;
  readonly defaultValue: Literal | null;
  /** The `pii` marker: values are redacted in decision logs. */
  readonly pii: boolean;
  readonly span: Span;
}

export interface SignalsBlock {
  readonly kind: "signals-block";
  readonly signals: readonly SignalDecl[];
  /** The keyword. */
  readonly keywordSpan: Span;
  readonly span: Span;
}

export interface FieldDecl {
  readonly kind: "field-decl";
  readonly name: Name;
  /** As written; the checker accepts `text`, `number` and `bool`. */
  readonly type: Name;
  /** The `pii` marker: values are redacted in decision logs. */
  readonly pii: boolean;
  readonly span: Span;
}

export interface FieldsBlock {
  readonly kind: "fields-block";
  readonly fields: readonly FieldDecl[];
  /** The keyword. */
  readonly keywordSpan: Span;
  readonly span: Span;
}

export interface OwnerDecl {
  readonly kind: "owner-decl";
  readonly name: Name;
  readonly displayName: StringLiteral;
  /** `hours NAME`: the calendar the owner is staffed by; absent when not written (always staffed). */
  readonly hours?: Name;
  readonly span: Span;
}

export interface OwnersBlock {
  readonly kind: "owners-block";
  readonly owners: readonly OwnerDecl[];
  /** The keyword. */
  readonly keywordSpan: Span;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Calendars

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/** `mon-fri` (`from` to `to`, wrapping past Sunday when `to` comes first in the week) or `sat` (from = to). */
export interface Days {
  readonly kind: "days";
  readonly from: Weekday;
  readonly to: Weekday;
  readonly raw: string;
  readonly span: Span;
}

/**
 * `09:00-17:30`, as written; `start`/`end` are minutes since local midnight read from the digits
 * (`25:00` reads 1500): the checker judges whether they name a time of day and an interval.
 */
export interface TimeRange {
  readonly kind: "time-range";
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  readonly span: Span;
}

/** Days and their intervals: `mon-fri 09:00-12:00, 13:00-17:30` is one entry with two intervals. */
export interface WeekHours {
  readonly kind: "week-hours";
  readonly days: Days;
  readonly intervals: readonly TimeRange[];
  readonly span: Span;
}

/** `open "2026-12-31" 09:00-12:00`: a date's own hours, in place of its weekday's. */
export interface DatedHours {
  readonly kind: "dated-hours";
  readonly date: StringLiteral;
  readonly intervals: readonly TimeRange[];
  /** The `open` keyword. */
  readonly keywordSpan: Span;
  readonly span: Span;
}

/** `NAME: "Zone" weekly hours [closed [dates]] [open "date" hours]*`. */
export interface CalendarDecl {
  readonly kind: "calendar-decl";
  readonly name: Name;
  /** The IANA time zone, as written. */
  readonly zone: StringLiteral;
  readonly week: readonly WeekHours[];
  /** The `closed` dates; empty when there is no `closed` list. */
  readonly closed: readonly StringLiteral[];
  readonly dated: readonly DatedHours[];
  readonly span: Span;
}

export interface CalendarsBlock {
  readonly kind: "calendars-block";
  readonly calendars: readonly CalendarDecl[];
  /** The keyword. */
  readonly keywordSpan: Span;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Conditions. Parentheses leave no node: `(a or b) and c` is an `and` whose first operand is an `or`.

export type ComparisonOp = "==" | "!=" | "<" | "<=" | ">" | ">=";

export interface Comparison {
  readonly kind: "comparison";
  readonly signal: Name;
  readonly op: ComparisonOp;
  /** `is` / `is not` were written instead of `==` / `!=`. */
  readonly wordy: boolean;
  readonly value: Literal;
  /** The operator: `<=`, `is`, `is not` (one span when only whitespace separates the words). */
  readonly opSpan: Span;
  readonly span: Span;
}

/** `signal in [a, b]` or `signal not in [a, b]`. */
export interface Membership {
  readonly kind: "membership";
  readonly signal: Name;
  readonly negated: boolean;
  readonly values: readonly Literal[];
  /** `in` or `not in`; the whole membership when recovery invented the `in`. */
  readonly opSpan: Span;
  readonly span: Span;
}

/** A signal alone, meaning `signal == true`. */
export interface Flag {
  readonly kind: "flag";
  readonly signal: Name;
  readonly span: Span;
}

export interface Not {
  readonly kind: "not";
  readonly operand: Condition;
  readonly span: Span;
}

/** n-ary; INVARIANT: at least two operands. */
export interface And {
  readonly kind: "and";
  readonly operands: readonly Condition[];
  readonly span: Span;
}

/** n-ary; INVARIANT: at least two operands. */
export interface Or {
  readonly kind: "or";
  readonly operands: readonly Condition[];
  readonly span: Span;
}

/**
 * `owner NAME is open|closed` or `calendar NAME is open|closed`: whether the calendar (of the owner's
 * `hours`) is open at `now`. `subjectSpan` is the `owner`/`calendar` word.
 */
export interface Staffing {
  readonly kind: "staffing";
  readonly subject: "owner" | "calendar";
  readonly name: Name;
  readonly open: boolean;
  readonly subjectSpan: Span;
  readonly span: Span;
}

export type Condition = Comparison | Membership | Flag | Staffing | Not | And | Or;

// ---------------------------------------------------------------------------------------------
// Actions and clauses

export interface Target {
  readonly kind: "target";
  readonly key: string;
  /** Written as `"senior"` rather than `senior`. */
  readonly quoted: boolean;
  readonly span: Span;
}

/**
 * `4 business hours`, `30 business minutes`: open time of the target owner's calendar. `unit` as
 * written (`hour`, `hours`, `minute`, `minutes`); `seconds` is the total.
 */
export interface BusinessDuration {
  readonly kind: "business-duration";
  readonly amount: NumberLiteral;
  readonly unit: BusinessUnit;
  readonly seconds: number;
  readonly span: Span;
}

export type BusinessUnit = "hour" | "hours" | "minute" | "minutes";

/** What `within` takes: wall-clock time (`2h`) or business time (`4 business hours`). */
export type Within = DurationLiteral | BusinessDuration;

export interface Action {
  readonly kind: "action";
  readonly action: ActionName;
  readonly target: Target | null;
  readonly within: Within | null;
  readonly span: Span;
}

/** Every clause has `keywordSpan`, the span of its keyword (`collect`, `say`, …). */
export type Clause =
  | { readonly kind: "collect-clause"; readonly fields: readonly Name[]; readonly keywordSpan: Span; readonly span: Span }
  | { readonly kind: "confirm-clause"; readonly fields: readonly Name[]; readonly keywordSpan: Span; readonly span: Span }
  | { readonly kind: "reason-clause"; readonly text: StringLiteral; readonly keywordSpan: Span; readonly span: Span }
  | { readonly kind: "say-clause"; readonly text: StringLiteral; readonly keywordSpan: Span; readonly span: Span }
  /** `level` as written; the checker accepts low|normal|high|critical. */
  | { readonly kind: "urgency-clause"; readonly level: Name; readonly keywordSpan: Span; readonly span: Span };

export interface RuleDecl {
  readonly kind: "rule";
  /** Null for an unnamed rule; its name is then `rule_<line of its when>` (see `ruleName`). */
  readonly name: Name | null;
  /** The span of the `when` keyword (its line names an unnamed rule). */
  readonly whenSpan: Span;
  readonly condition: Condition;
  readonly action: Action;
  readonly clauses: readonly Clause[];
  readonly span: Span;
}

export interface OtherwiseDecl {
  readonly kind: "otherwise";
  readonly action: Action;
  readonly clauses: readonly Clause[];
  /** The keyword. */
  readonly keywordSpan: Span;
  readonly span: Span;
}

export interface OnInvalidDecl {
  readonly kind: "on-invalid";
  readonly action: Action;
  readonly clauses: readonly Clause[];
  /** The `on invalid` (one span when both words are on one line, else `on`). */
  readonly keywordSpan: Span;
  readonly span: Span;
}

/** `monotone SIGNAL increasing|decreasing`: moving the signal that way never lowers the action's severity. */
export interface MonotoneDecl {
  readonly kind: "monotone-decl";
  readonly signal: Name;
  readonly direction: MonotoneDirection;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Tests

export interface GivenEntry {
  readonly kind: "given";
  readonly signal: Name;
  readonly value: Literal;
  readonly span: Span;
}

/**
 * How `expect` compares the decision's action: `is` (`expect ACTION`), `not` (`expect not ACTION`)
 * or `at-least` (`expect at least ACTION`, by severity answer < route < escalate < stop).
 */

export type Expectation =
  | {
      readonly kind: "expect-action";
      /** Absent for a plain `expect ACTION` (mode `is`); `not`/`at least` carry no target or `within`. */
      readonly mode?: "not" | "at-least";
      readonly action: ActionName;
      readonly target: Target | null;
      readonly within: Within | null;
      readonly span: Span;
    }
  | { readonly kind: "expect-rule"; readonly rule: Name; readonly span: Span };

export interface TestDecl {
  readonly kind: "test";
  readonly name: StringLiteral;
  readonly given: readonly GivenEntry[];
  readonly expect: Expectation;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// The file

export type Item =
  | ContractDecl
  | VersionDecl
  | PolicyDecl
  | SignalsBlock
  | FieldsBlock
  | OwnersBlock
  | CalendarsBlock
  | RuleDecl
  | OtherwiseDecl
  | OnInvalidDecl
  | TestDecl
  | MonotoneDecl;

export interface Comment {
  readonly kind: "comment";
  /** The text after `#`, without the line end. */
  readonly text: string;
  readonly span: Span;
}

export interface ContractFile {
  readonly kind: "file";
  /** Every top-level item in file order, duplicates included (the checker reports them). */
  readonly items: readonly Item[];
  /** Every comment in file order, for the formatter. */
  readonly comments: readonly Comment[];
  readonly span: Span;
}

/** The name of a rule, written or derived: `rule_<line of its when>` for an unnamed rule. */
export function ruleName(rule: RuleDecl): string {
  return rule.name ? rule.name.text : `rule_${rule.whenSpan.startLine}`;
}

/** A deep copy without any `span` or `…Span` key, for "same tree modulo positions" comparisons. */
export function stripSpans(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripSpans);
  if (node !== null && typeof node === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "span" || key.endsWith("Span")) continue;
      out[key] = stripSpans(value);
    }
    return out;
  }
  return node;
}
