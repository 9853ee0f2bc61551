/**
 * The one catalog of diagnostic codes, with their severity and meaning.
 *
 * INVARIANT: a code, once published, keeps its meaning and severity. The catalog is rendered into
 * docs/language.md ("Diagnostics"); a test keeps the two in step.
 */

export type Severity = "error" | "warning" | "info";

/**
 * The stage of `compile` that reports a code: the parser (grammar/, with its CST→AST visitor), the
 * checker (compiler/check/) or an analysis (compiler/analysis/, one rule per code, see its registry).
 */
export type Stage = "parse" | "check" | "analysis";

export interface CatalogEntry {
  readonly severity: Severity;
  /** Who reports it; two stages for a code both report (`bad-interpolation`: a bad `{` while parsing, `{signal}` inside `on invalid` while checking). */
  readonly stage: Stage | readonly Stage[];
  /** What the code means, for the docs. */
  readonly summary: string;
}

export const catalog = {
  syntax: { severity: "error", stage: "parse", summary: "The text does not follow the grammar: an unexpected or missing token, an unterminated string, a bad escape." },
  "too-large": { severity: "error", stage: "parse", summary: "The file is over 4 MiB; nothing else is checked." },
  "too-deep": { severity: "error", stage: "parse", summary: "A condition nests parentheses or `not` more than 64 levels deep; nothing else is checked." },
  "missing-signals": { severity: "error", stage: "check", summary: "The contract has no `signals { … }` block." },
  "duplicate-declaration": { severity: "error", stage: "check", summary: "A block (`signals`, `fields`, `owners`, `calendars`, `contract`, `version`, `policy`, `otherwise`, `on invalid`) is written twice, or a name is declared twice in signals, fields, owners, calendars or an enum, or a signal is declared `monotone` twice, or a calendar lists a date twice." },
  "duplicate-rule": { severity: "error", stage: "check", summary: "Two rules have the same name, written or derived (`rule_<line>`)." },
  "duplicate-clause": { severity: "error", stage: "check", summary: "A rule repeats a clause (`collect`, `confirm`, `reason`, `say`, `urgency`)." },
  "reserved-name": { severity: "error", stage: "check", summary: "A name that JavaScript objects treat specially (`__proto__`, `constructor`, `prototype`, `toString`, `hasOwnProperty`, `valueOf`)." },
  "unknown-type": { severity: "error", stage: "check", summary: "A signal or field type that the language does not have." },
  "unknown-signal": { severity: "error", stage: "check", summary: "A condition, interpolation or test names a signal that is not declared." },
  "unknown-value": { severity: "error", stage: "check", summary: "An enum member that the signal's enum does not have." },
  "unknown-owner": { severity: "error", stage: "check", summary: "A target that is not a key of `owners`." },
  "unknown-field": { severity: "error", stage: "check", summary: "A `collect`/`confirm` field that is not declared in `fields`." },
  "unknown-rule": { severity: "error", stage: "check", summary: "A test expects a rule that does not exist, or `otherwise` in a contract that has none." },
  "unknown-urgency": { severity: "error", stage: "check", summary: "An urgency other than `low`, `normal`, `high`, `critical`." },
  "type-mismatch": { severity: "error", stage: "check", summary: "An operator or literal that does not fit the signal's type." },
  "out-of-range": { severity: "error", stage: "check", summary: "A literal or default outside the signal's declared range, or a range whose low bound is above its high bound." },
  "invalid-duration": { severity: "error", stage: "parse", summary: "A compound duration whose units are not in descending order, or a duration too large to represent." },
  "bad-interpolation": { severity: "error", stage: ["parse", "check"], summary: "A `{` in a `reason` or `say` that does not start `{signal}`, or an interpolation inside `on invalid`." },
  "stop-without-say": { severity: "error", stage: "check", summary: "A `stop` (in a rule or `otherwise`) does not tell the customer what happens next with `say`." },
  "missing-target": { severity: "error", stage: "check", summary: "A `route` or `escalate` without `to TARGET`." },
  "unsafe-invalid-action": { severity: "error", stage: "check", summary: "`on invalid answer`: input that failed validation is never answered by the AI." },
  incomplete: { severity: "error", stage: "analysis", summary: "The contract has no `otherwise`, and some valid input matches no rule (the example shows one)." },
  "unreachable-rule": { severity: "warning", stage: "analysis", summary: "A rule can never be the winner under the contract's policy; the rules that always win over it are named." },
  "unsatisfiable-condition": { severity: "warning", stage: "analysis", summary: "No valid input satisfies a rule's condition (`n > 3 and n < 2`)." },
  "redundant-comparison": { severity: "info", stage: "analysis", summary: "A comparison always holds, or never changes the outcome, within the signal's range." },
  "not-monotone": { severity: "error", stage: "analysis", summary: "A signal declared `monotone` can move in its direction, every other signal fixed, and lower the severity of the action (the two inputs are shown)." },
  "hidden-severity": { severity: "warning", stage: "analysis", summary: "Under `first-match`, an earlier, less severe rule wins on inputs where a more severe rule also matches (the example shows one)." },
  "ambiguous-owner": { severity: "info", stage: "analysis", summary: "Under `most-severe`, two rules with the same action and different owners both match some input, so file order decides (the example shows one)." },
  "no-deadline": { severity: "warning", stage: "check", summary: "An `escalate` without `within`: nobody is told by when." },
  "unowned-stop": { severity: "warning", stage: "check", summary: "A `stop` without `to OWNER`: nobody owns the case." },
  "unknown-time-zone": { severity: "error", stage: "check", summary: "A calendar's time zone is not an IANA time zone name the runtime knows (`\"Europe/Berlin\"`), or is not spelt as tzdata spells it." },
  "bad-hours": { severity: "error", stage: "check", summary: "Calendar hours that are not a time of day (`25:00`, `09:60`, `9:00`, `24:00` as an opening) or an interval that is empty or runs backwards (`17:30-09:00`)." },
  "overlapping-hours": { severity: "error", stage: "check", summary: "Two intervals of a calendar overlap on the same day (`mon-fri 09:00-17:00, fri 09:00-15:00`): hours add up, so a day cannot be shortened that way." },
  "bad-date": { severity: "error", stage: "check", summary: "A calendar date that is not a real date written `YYYY-MM-DD` (`\"2026-02-30\"`, `\"24.12.2026\"`)." },
  "implausible-date": { severity: "warning", stage: "check", summary: "A calendar date before 2000 or after 2099: most likely a typing error in the year." },
  "never-open": { severity: "error", stage: "check", summary: "A calendar has no weekly hours, so it is never open (or only on its dated hours, and never after them)." },
  "say-contradicts-deadline": { severity: "warning", stage: "check", summary: "A `say` states a time (\"within 2 hours\", \"within the hour\", \"by tomorrow\") other than its rule's `within`, or promises a time on a rule with none; `{within}` says the rule's own." },
  "promise-outside-hours": { severity: "warning", stage: "analysis", summary: "A handoff promises a wall-clock `within` to an owner whose hours close for longer than that (the message names the closing, the reopening and the gap)." },
  "unstaffed-handoff": { severity: "info", stage: "analysis", summary: "A handoff with no `within` to an owner whose hours close: a case handed off then waits unseen until the owner opens." },
  "business-time-without-hours": { severity: "error", stage: "check", summary: "A business-time `within` (`within 4 business hours`) on a handoff whose owner has no `hours`, or that has no owner: there is no open time to count." },
  "constant-staffing": { severity: "error", stage: "check", summary: "A condition `owner NAME is open|closed` on an owner without `hours`, or `calendar NAME is open|closed` on a calendar open at every instant: it always or never holds." },
  "unknown-calendar": { severity: "error", stage: "check", summary: "An owner's `hours`, or a condition `calendar NAME is open|closed`, names a calendar that is not declared in `calendars`." },
  "answer-with-target": { severity: "error", stage: "check", summary: "`answer` takes no target or deadline." },
} as const satisfies Record<string, CatalogEntry>;

export type DiagnosticCode = keyof typeof catalog;
