/**
 * Quantified `test` blocks: a test holds when EVERY valid input that agrees with its `given` (every
 * other signal ranging over its whole valid domain, defaults notwithstanding) gets a decision that
 * meets its `expect`. Not sampled: each test is one exact question to the analysis engine,
 *
 *   fails  ⇔  solve(domain, given ∧ ¬(⋁ wins(i) over the outcomes i that meet the expectation)) ≠ null
 *
 * where the outcomes are the rules and `otherwise` (valid input never reaches `on invalid`), and
 * "meets" compares what the outcome decides statically: its name, action, owner and `within`. The
 * solver's input is the counterexample; the interpreter's decision for it is shown beside it, and it
 * is checked to really break the expectation.
 */
import { printExample } from "../../diagnostics/values.ts";
import type { Span } from "../../grammar/ast.ts";
import type { Decision } from "../../runtime/prelude/index.ts";
import { allOf, anyOf, buildDomain, notOf, solve, winsFormula, type Formula } from "../analysis/index.ts";
import { monotoneViolation } from "../analysis/not-monotone.ts";
import { interpret } from "../interpret.ts";
import { decisionSignals, type Cond, type ContractModel, type OutcomeModel, type SignalValue } from "../model.ts";
import { staffingInstant } from "../staffing-instants.ts";
import { decisionMeets, describeExpectation, meets } from "./expectations.ts";

export interface Counterexample {
  /** A complete valid input: the given signals first, then the others in declaration order. */
  readonly input: Readonly<Record<string, SignalValue>>;
  /** What the interpreter decides for `input`. */
  readonly decision: Decision;
  /** In a contract whose conditions ask a calendar: the `now` (ISO UTC) the decision was taken at, which has the calendar states the counterexample needs. */
  readonly now?: string;
}

export interface TestResult {
  readonly name: string;
  readonly passed: boolean;
  /** The expectation as written, e.g. `escalate to senior within 2h`, `not stop`, `rule medical`. */
  readonly expected: string;
  /** Present exactly when the test failed. */
  readonly counterexample?: Counterexample;
  /**
   * Only for a failed `monotone` property: the counterexample with the signal moved in the declared
   * direction (every other signal the same), whose decision is less severe.
   */
  readonly moved?: Counterexample;
  readonly span: Span;
}

/**
 * Runs every test block of `model`, in file order, then every `monotone` property (named
 * `monotone SIGNAL DIRECTION`), proven exactly as `check` does (compiler/analysis/not-monotone.ts).
 */
export function runTests(model: ContractModel): TestResult[] {
  return [...runTestBlocks(model), ...runMonotone(model)];
}

/** Every `monotone` property as a checked item; a failure carries the two inputs. */
export function runMonotone(model: ContractModel): TestResult[] {
  return (model.monotone ?? []).map((property): TestResult => {
    const name = `monotone ${property.signal} ${property.direction}`;
    const expected = `never less severe when \`${property.signal}\` ${property.direction === "increasing" ? "rises" : "falls"}`;
    const v = monotoneViolation(model, property);
    if (!v) return { name, passed: true, expected, span: property.span };
    return {
      name,
      passed: false,
      expected,
      counterexample: { input: v.from, decision: v.fromDecision },
      moved: { input: v.to, decision: v.toDecision },
      span: property.span,
    };
  });
}

function runTestBlocks(model: ContractModel): TestResult[] {
  if (model.tests.length === 0) return [];
  const domain = buildDomain(
    decisionSignals(model),
    model.rules.map((r) => r.condition),
    model.tests.flatMap((t) => Object.entries(t.given).map(([signal, value]) => ({ signal, value }))),
  );
  const outcomes: { index: number; outcome: OutcomeModel }[] = model.rules.map((outcome, index) => ({ index, outcome }));
  if (model.otherwise) outcomes.push({ index: -1, outcome: model.otherwise });

  return model.tests.map((test): TestResult => {
    const expected = describeExpectation(test.expect);
    const given: Formula = allOf(
      Object.entries(test.given).map(([signal, value]): Cond => ({ kind: "cmp", signal, op: "==", value })),
    );
    const meeting = outcomes.filter(({ outcome }) => meets(test.expect, outcome)).map(({ index }) => winsFormula(model, index));
    const found = solve(domain, allOf([given, notOf(anyOf(meeting))]));
    if (found === null) return { name: test.name, passed: true, expected, span: test.span };

    const input: Record<string, SignalValue> = {};
    for (const name of Object.keys(test.given)) input[name] = found[name]!;
    for (const signal of model.signals) if (!Object.hasOwn(input, signal.name)) input[signal.name] = found[signal.name]!;
    // The calendars' states the counterexample needs, at an instant that has them (none: the states of
    // two calendars cannot combine so, which the solver does not know; the decision is then the clock's).
    const now = staffingInstant(model, found);
    const decision = interpret(model, input, now === null ? undefined : { now });
    // INVARIANT: the solver is exact, so its input breaks the expectation; a bug there must not pass silently.
    if (decisionMeets(test.expect, decision) && (model.staffed === undefined || now !== null)) {
      throw new Error(`test ${JSON.stringify(test.name)}: the solver's counterexample ${printExample(input)} meets the expectation`);
    }
    return { name: test.name, passed: false, expected, counterexample: { input, decision, ...(now === null ? {} : { now }) }, span: test.span };
  });
}
