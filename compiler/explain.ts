/**
 * The trace behind `handoff explain`: the decision for one input, and for every rule in file order
 * whether its condition held and, where it did not, the first comparison that made it fail.
 *
 * Truth values come from the interpreter's own `holds` on the validated signals (defaults applied),
 * so the trace can never disagree with the decision. "The first comparison that failed" is found by
 * walking the condition in order with the truth value the rule needed from each part:
 *
 *   comparison  needed true but false, or needed false but true: this one
 *   not X       X needed with the opposite truth value
 *   and         needed true: the first operand that is false; needed false (all held): the first operand
 *   or          needed true (all false): the first operand; needed false: the first operand that held
 *
 * Values and literals print in the author's notation (`showValue`): durations in units, enum members
 * bare, everything else as the one printer of values (diagnostics/values.ts) prints it.
 */
import { printValue } from "../diagnostics/values.ts";
import { formatDuration } from "../grammar/tokens.ts";
import { holds, interpret, validateWith, withStaffing, type SignalValues } from "./interpret.ts";
import { readContext } from "../runtime/prelude/index.ts";
import type { Decision, Problem } from "../runtime/prelude/index.ts";
import { decisionSignals, staffingCalendar, type Cond, type ContractModel, type SignalModel, type SignalType, type SignalValue } from "./model.ts";

export type ExplainOp = "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not in";

/** The comparison that decided a rule's failure. */
export interface FailedComparison {
  readonly signal: string;
  readonly op: ExplainOp;
  /** The literal, as a JSON value (durations in seconds); a list for `in`/`not in`. */
  readonly value: SignalValue | readonly SignalValue[];
  /** The input's (validated) value of the signal. */
  readonly actual: SignalValue;
  /** The comparison in the author's notation, e.g. `waiting > 1h`. */
  readonly text: string;
  /** The truth value the rule needed from this comparison (false: it sits under a `not`). */
  readonly expected: boolean;
}

export interface RuleTrace {
  readonly rule: string;
  readonly held: boolean;
  /** Present exactly when the rule did not hold. */
  readonly failed?: FailedComparison;
}

export interface Explanation {
  readonly decision: Decision;
  /** Every rule in file order; empty when the input is invalid (see `decision.invalid`). */
  readonly rules: readonly RuleTrace[];
}

/** The decision for `input` (and `context`) with the trace of every rule. Never throws on any input. */
export function explain(model: ContractModel, input: unknown, context?: unknown): Explanation {
  const decision = interpret(model, input, context);
  const validation = validateWith(model, input);
  if (!validation.ok) return { decision, rules: [] };
  const values = withStaffing(model, validation.signals, readContext(context).nowMs);
  const types = new Map(decisionSignals(model).map((s) => [s.name, s.type]));
  const rules = model.rules.map((rule): RuleTrace => {
    if (holds(rule.condition, values)) return { rule: rule.name, held: true };
    const failed = firstFailure(rule.condition, true, values, types);
    return failed ? { rule: rule.name, held: false, failed } : { rule: rule.name, held: false };
  });
  return { decision, rules };
}

/** The first comparison that keeps `cond` from having the truth value `needed`, or null if it has it. */
function firstFailure(
  cond: Cond,
  needed: boolean,
  values: SignalValues,
  types: ReadonlyMap<string, SignalType>,
): FailedComparison | null {
  switch (cond.kind) {
    case "cmp":
    case "in": {
      if (holds(cond, values) === needed) return null;
      const actual = values[cond.signal]!;
      const type = types.get(cond.signal);
      const op: ExplainOp = cond.kind === "cmp" ? cond.op : cond.negated ? "not in" : "in";
      const value = cond.kind === "cmp" ? cond.value : cond.values;
      return { signal: cond.signal, op, value, actual, text: showComparison(cond, type), expected: needed };
    }
    case "not":
      return firstFailure(cond.operand, !needed, values, types);
    case "and":
    case "or": {
      if (holds(cond, values) === needed) return null;
      // Wrong as a whole: `and` needed true, or `or` needed false, has an operand with the wrong value;
      // `and` needed false, or `or` needed true, has only such operands. Either way, the first of them.
      for (const operand of cond.operands) {
        const failed = firstFailure(operand, needed, values, types);
        if (failed) return failed;
      }
      return null;
    }
  }
}

/** One line per rule, e.g. `rule angry_repeat: did not hold — sentiment < -0.5 is false (sentiment = 0.2)`. */
export function describeTrace(trace: RuleTrace, model: ContractModel, winner: string): string {
  if (trace.held) return `rule ${trace.rule}: held${trace.rule === winner ? " (wins)" : ""}`;
  const f = trace.failed;
  if (!f) return `rule ${trace.rule}: did not hold`;
  const signal = model.signals.find((s) => s.name === f.signal);
  const actual = signal ? showValue(signal.type, f.actual) : String(f.actual);
  const verdict = f.expected ? "is false" : "is true but the rule needs it false";
  const calendar = staffingCalendar(f.signal);
  if (calendar !== null) return `rule ${trace.rule}: did not hold — calendar ${calendar} is ${f.actual === true ? "open" : "closed"} at now`;
  return `rule ${trace.rule}: did not hold — ${f.text} ${verdict} (${f.signal} = ${actual})`;
}

/** `4 business hours`, `90 business minutes`. */
export function showBusiness(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} business hour${seconds === 3600 ? "" : "s"}`;
  const minutes = seconds / 60;
  return `${minutes} business minute${minutes === 1 ? "" : "s"}`;
}

/** The decision in one line: `escalate to senior (Senior support) within 2h, by rule angry_repeat`. */
export function describeDecision(d: Pick<Decision, "action" | "owner" | "ownerName" | "withinSeconds" | "rule" | "businessTime" | "deadlineLocal">): string {
  let out: string = d.action;
  if (d.owner !== null) out += ` to ${d.owner}${d.ownerName !== null && d.ownerName !== d.owner ? ` (${d.ownerName})` : ""}`;
  if (d.withinSeconds !== null) out += ` within ${d.businessTime === true ? showBusiness(d.withinSeconds) : showDuration(d.withinSeconds)}`;
  if (d.withinSeconds !== null && d.deadlineLocal !== undefined && d.deadlineLocal !== null) out += ` (by ${d.deadlineLocal})`;
  const by = d.rule === "otherwise" ? "otherwise" : d.rule === "invalid-input" ? "invalid input" : `rule ${d.rule}`;
  return `${out}, by ${by}`;
}

/** The whole human-readable explanation, ending with a newline. */
export function renderExplanation(model: ContractModel, explanation: Explanation): string {
  const { decision, rules } = explanation;
  const lines = [`decision: ${describeDecision(decision)}`];
  if (decision.invalid) {
    lines.push("the input is not valid, so no rule was evaluated:");
    for (const p of decision.invalid as readonly Problem[]) lines.push(`  ${p.signal === null ? "input" : p.signal}: ${p.problem}`);
  } else {
    for (const trace of rules) lines.push(describeTrace(trace, model, decision.rule));
    if (decision.rule === "otherwise") lines.push("no rule held, so `otherwise` applies");
  }
  return lines.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------
// The author's notation

/**
 * A value as the author would write it for a signal of `type`: `2h`, `medical`, `"en"`, `-0.5`, `true`.
 * The author's notation differs from the one printer of values (`printValue`) only where the type says
 * more: enum members bare, durations in units.
 */
export function showValue(type: SignalType | undefined, value: SignalValue): string {
  if (typeof value === "string" && type?.kind === "enum") return value;
  if (typeof value === "number" && type?.kind === "duration") return showDuration(value);
  return printValue(value); // String(-0) is "0"
}

/** A number of seconds in units (`1h30m`); a fractional one in seconds. */
export function showDuration(seconds: number): string {
  return Number.isInteger(seconds) && seconds >= 0 ? formatDuration(seconds) : `${seconds}s`;
}

/** A comparison or membership in the author's notation: `sentiment < -0.5`, `topic is medical`, `vip`, `tier not in [free, pro]`. */
export function showComparison(cond: Extract<Cond, { kind: "cmp" | "in" }>, type: SignalType | undefined): string {
  if (cond.kind === "in") {
    return `${cond.signal} ${cond.negated ? "not in" : "in"} [${cond.values.map((v) => showValue(type, v)).join(", ")}]`;
  }
  const numeric = type?.kind === "number" || type?.kind === "duration";
  if (type?.kind === "bool" && cond.op === "==" && cond.value === true) return cond.signal;
  const op = numeric ? cond.op : cond.op === "==" ? "is" : cond.op === "!=" ? "is not" : cond.op;
  return `${cond.signal} ${op} ${showValue(type, cond.value)}`;
}
