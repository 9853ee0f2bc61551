/**
 * The one catalog of diagnostic codes, with their severity and meaning.
 *
 * INVARIANT: a code, once published, keeps its meaning and severity. The catalog is rendered into
 * docs/language.md ("Diagnostics"); a test keeps the two in step.
 */

export type Severity = "error" | "warning" | "info";

export interface CatalogEntry {
  readonly severity: Severity;
  /** What the code means, for the docs. */
  readonly summary: string;
}

export const catalog = {
  syntax: { severity: "error", summary: "The text does not follow the grammar: an unexpected or missing token, an unterminated string, a bad escape." },
  "too-large": { severity: "error", summary: "The file is over 4 MiB; nothing else is checked." },
  "too-deep": { severity: "error", summary: "A condition nests parentheses or `not` more than 64 levels deep; nothing else is checked." },
  "missing-signals": { severity: "error", summary: "The contract has no `signals { … }` block." },
  "duplicate-declaration": { severity: "error", summary: "A block (`signals`, `fields`, `owners`, `contract`, `version`, `policy`, `otherwise`, `on invalid`) is written twice, or a name is declared twice in signals, fields, owners or an enum, or a signal is declared `monotone` twice." },
  "duplicate-rule": { severity: "error", summary: "Two rules have the same name, written or derived (`rule_<line>`)." },
  "duplicate-clause": { severity: "error", summary: "A rule repeats a clause (`collect`, `confirm`, `reason`, `say`, `urgency`)." },
  "reserved-name": { severity: "error", summary: "A name that JavaScript objects treat specially (`__proto__`, `constructor`, `prototype`, `toString`, `hasOwnProperty`, `valueOf`)." },
  "unknown-type": { severity: "error", summary: "A signal or field type that the language does not have." },
  "unknown-signal": { severity: "error", summary: "A condition, interpolation or test names a signal that is not declared." },
  "unknown-value": { severity: "error", summary: "An enum member that the signal's enum does not have." },
  "unknown-owner": { severity: "error", summary: "A target that is not a key of `owners`." },
  "unknown-field": { severity: "error", summary: "A `collect`/`confirm` field that is not declared in `fields`." },
  "unknown-rule": { severity: "error", summary: "A test expects a rule that does not exist." },
  "unknown-urgency": { severity: "error", summary: "An urgency other than `low`, `normal`, `high`, `critical`." },
  "type-mismatch": { severity: "error", summary: "An operator or literal that does not fit the signal's type." },
  "out-of-range": { severity: "error", summary: "A literal or default outside the signal's declared range, or a range whose low bound is above its high bound." },
  "invalid-duration": { severity: "error", summary: "A compound duration whose units are not in descending order, or a duration too large to represent." },
  "bad-interpolation": { severity: "error", summary: "A `{` in a `reason` or `say` that does not start `{signal}`, or an interpolation inside `on invalid`." },
  "stop-without-say": { severity: "error", summary: "A `stop` (in a rule or `otherwise`) does not tell the customer what happens next with `say`." },
  "missing-target": { severity: "error", summary: "A `route` or `escalate` without `to TARGET`." },
  "unsafe-invalid-action": { severity: "error", summary: "`on invalid answer`: input that failed validation is never answered by the AI." },
  incomplete: { severity: "error", summary: "The contract has no `otherwise`, and some valid input matches no rule (the example shows one)." },
  "unreachable-rule": { severity: "warning", summary: "A rule can never be the winner under the contract's policy; the rules that always win over it are named." },
  "unsatisfiable-condition": { severity: "warning", summary: "No valid input satisfies a rule's condition (`n > 3 and n < 2`)." },
  "redundant-comparison": { severity: "info", summary: "A comparison always holds, or never changes the outcome, within the signal's range." },
  "not-monotone": { severity: "error", summary: "A signal declared `monotone` can move in its direction, every other signal fixed, and lower the severity of the action (the two inputs are shown)." },
  "hidden-severity": { severity: "warning", summary: "Under `first-match`, an earlier, less severe rule wins on inputs where a more severe rule also matches (the example shows one)." },
  "ambiguous-owner": { severity: "info", summary: "Under `most-severe`, two rules with the same action and different owners both match some input, so file order decides (the example shows one)." },
  "no-deadline": { severity: "warning", summary: "An `escalate` without `within`: nobody is told by when." },
  "unowned-stop": { severity: "warning", summary: "A `stop` without `to OWNER`: nobody owns the case." },
  "answer-with-target": { severity: "error", summary: "`answer` takes no target, deadline, `collect` or `confirm`." },
} as const satisfies Record<string, CatalogEntry>;

export type DiagnosticCode = keyof typeof catalog;
