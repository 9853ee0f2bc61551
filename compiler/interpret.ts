/**
 * The reference interpreter: what `decide` means, read straight off the contract model.
 *
 * Every generated module must agree with `interpret` on every input (a fast-check property holds
 * them to it). Clarity over speed: one step per function, in the order the issue states them, and
 * the same prelude functions the generated code inlines for validation wording, context sanitising
 * and decision assembly.
 */
import type { Cond, ContractModel, OutcomeModel, RuleModel, SignalModel, Template } from "./model.ts";
import { builtinInvalidOutcome, staffingSignal } from "./model.ts";
import { pickWinner } from "./policy.ts";
import {
  assemble,
  BUILTIN_INVALID_SAY,
  COULD_NOT_READ,
  describeProblem,
  failSafe,
  formatDuration,
  formatValue,
  inputProblem,
  readContext,
  readOwn,
  staffDecision,
  isOpen,
  type Calendar,
  type CleanContext,
  type ContractInfo,
  type Decision,
  type Outcome,
  type Problem,
  type SignalSpec,
  type Validation,
} from "../runtime/prelude/index.ts";

/** Validated signal values by name (defaults applied). */
export type SignalValues = { readonly [signal: string]: number | string | boolean };

/** The problem when no rule matched and there is no `otherwise` (impossible for a checked contract). */
export const NO_MATCH_PROBLEM = "no rule matched and the contract has no otherwise";

/** The built-in `on invalid` (see `builtinInvalidOutcome`) as the runtime takes it; its say is BUILTIN_INVALID_SAY. */
export const BUILTIN_INVALID_OUTCOME: Outcome = outcomeOf(builtinInvalidOutcome);

/** The validator's view of each declared signal, in declaration order. */
export function signalSpecs(model: ContractModel): SignalSpec[] {
  return model.signals.map(signalSpec);
}

function signalSpec(signal: SignalModel): SignalSpec {
  const type = signal.type;
  return {
    name: signal.name,
    kind: type.kind === "number" ? (type.integer ? "int" : "number") : type.kind,
    min: type.kind === "number" ? type.min : null,
    max: type.kind === "number" ? type.max : null,
    members: type.kind === "enum" ? type.members.slice() : null,
    defaultValue: signal.defaultValue,
  };
}

/** The static facts of an outcome, as the prelude's `assemble` takes them. */
export function outcomeOf(o: OutcomeModel): Outcome {
  return {
    rule: o.name,
    action: o.action,
    owner: o.owner,
    ownerName: o.ownerName,
    withinSeconds: o.withinSeconds,
    urgency: o.urgency,
    collect: o.collect.slice(),
    confirm: o.confirm.slice(),
  };
}

/**
 * The outcome as the runtime takes it in `model`: with calendars, also the `staff` step that gives the
 * decision its owner's business hours (the generated module's outcome constants carry the same).
 */
export function outcomeIn(model: ContractModel, o: OutcomeModel): Outcome {
  const base = outcomeOf(o);
  if (model.calendars === undefined) return base;
  const calendar = calendarOf(model, o.owner);
  const business = o.businessTime === true;
  return { ...base, staff: (decision, nowMs) => staffDecision(decision, calendar, business, nowMs) };
}

/**
 * The validated values plus, for each calendar a condition asks (`owner billing is closed`), its open
 * state at `now` (the context's, floored to the millisecond, else the clock) as the synthetic bool
 * `staffingSignal(name)`; a `now` the calendar cannot place (before 1970) counts as closed.
 */
export function withStaffing(model: ContractModel, values: { [signal: string]: number | string | boolean }, nowMs: number | null): SignalValues {
  if (model.staffed === undefined) return values;
  const now = Math.floor(nowMs === null ? Date.now() : nowMs);
  for (const name of model.staffed) {
    const found = model.calendars?.find((c) => c.name === name);
    const calendar: Calendar | null = found === undefined ? null : { zone: found.zone, weekly: found.weekly, closed: found.closed, exceptions: found.exceptions };
    values[staffingSignal(name)] = calendar !== null && isOpen(calendar, now) === true;
  }
  return values;
}

/** The runtime calendar of an owner's `hours`, or null for an owner without hours (or no owner). */
export function calendarOf(model: ContractModel, owner: string | null): Calendar | null {
  const name = owner === null ? undefined : model.owners.find((o) => o.key === owner)?.calendar;
  const found = name === undefined ? undefined : model.calendars?.find((c) => c.name === name);
  return found === undefined ? null : { zone: found.zone, weekly: found.weekly, closed: found.closed, exceptions: found.exceptions };
}

/** Same as a generated module's `validate`: the signals after defaults, or every problem. Never throws. */
export function validateWith(model: ContractModel, input: unknown): Validation {
  try {
    const whole = inputProblem(input);
    if (whole !== null) return { ok: false, problems: [whole] };
    const signals: { [signal: string]: number | string | boolean } = {};
    const problems: Problem[] = [];
    for (const spec of signalSpecs(model)) {
      let raw: unknown;
      try {
        raw = readOwn(input as object, spec.name);
      } catch {
        problems.push({ signal: spec.name, problem: COULD_NOT_READ });
        continue;
      }
      const problem = describeProblem(spec, raw);
      if (problem !== null) problems.push({ signal: spec.name, problem });
      else
        Object.defineProperty(signals, spec.name, {
          value: raw === undefined ? spec.defaultValue : raw,
          writable: true,
          enumerable: true,
          configurable: true,
        });
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, signals };
  } catch {
    return { ok: false, problems: [{ signal: null, problem: COULD_NOT_READ }] };
  }
}

/** The decision for `input` and `context`. Never throws: anything unexpected gives the fail-safe decision. */
export function interpret(model: ContractModel, input: unknown, context?: unknown): Decision {
  try {
    return decide(model, input, context);
  } catch {
    return failSafeOf(model);
  }
}

function decide(model: ContractModel, input: unknown, context: unknown): Decision {
  const info = infoOf(model);
  const ctx = readContext(context);
  const validation = validateWith(model, input);
  if (!validation.ok) return invalidDecision(model, ctx, validation.problems);
  const values = withStaffing(model, validation.signals, ctx.nowMs);

  const matched = model.rules.filter((rule) => holds(rule.condition, values));
  const winner = pickWinner(model.policy, matched);
  if (winner === null) {
    if (model.otherwise === null) return invalidDecision(model, ctx, [{ signal: null, problem: NO_MATCH_PROBLEM }]);
    const reasons = model.otherwise.reason === null ? [] : [render(model.otherwise.reason, values)];
    return assemble(
      info,
      outcomeIn(model, model.otherwise),
      [],
      reasons,
      renderOrNull(model.otherwise.say, values),
      {},
      ctx,
      null,
    );
  }

  const reasons: string[] = [];
  if (winner.reason !== null) reasons.push(render(winner.reason, values));
  for (const rule of matched) if (rule !== winner && rule.reason !== null) reasons.push(render(rule.reason, values));
  const evidence: { [signal: string]: number | string | boolean } = {};
  for (const signal of winner.reads) evidence[signal] = valueOf(values, signal);
  return assemble(
    info,
    outcomeIn(model, winner),
    matched.map((rule) => rule.name),
    reasons,
    renderOrNull(winner.say, values),
    evidence,
    ctx,
    null,
  );
}

/** Whether one comparison (`cmp` or `in`) holds for the signal's value `left`: the language's operators. */
export function atomHolds(atom: Extract<Cond, { kind: "cmp" | "in" }>, left: number | string | boolean): boolean {
  if (atom.kind === "in") {
    const member = atom.values.some((value) => value === left);
    return atom.negated ? !member : member;
  }
  const right = atom.value;
  switch (atom.op) {
    case "==":
      return left === right;
    case "!=":
      return left !== right;
    case "<":
      return (left as number) < (right as number);
    case "<=":
      return (left as number) <= (right as number);
    case ">":
      return (left as number) > (right as number);
    case ">=":
      return (left as number) >= (right as number);
  }
}

/** Whether `cond` holds for the validated `values`. */
export function holds(cond: Cond, values: SignalValues): boolean {
  switch (cond.kind) {
    case "cmp":
    case "in":
      return atomHolds(cond, valueOf(values, cond.signal));
    case "not":
      return !holds(cond.operand, values);
    case "and":
      return cond.operands.every((operand) => holds(operand, values));
    case "or":
      return cond.operands.some((operand) => holds(operand, values));
  }
}

/** A `reason`/`say` template with each `{signal}` replaced by `formatValue` of its value. */
export function render(template: Template, values: SignalValues): string {
  let text = "";
  for (const part of template) {
    if (part.kind === "text") text += part.value;
    else if (Object.prototype.hasOwnProperty.call(values, part.signal))
      text += part.duration ? formatDuration(valueOf(values, part.signal) as number) : formatValue(valueOf(values, part.signal));
    else text += "{" + part.signal + "}"; // not a declared signal: impossible for a checked contract
  }
  return text;
}

function renderOrNull(template: Template | null, values: SignalValues): string | null {
  return template === null ? null : render(template, values);
}

/** An own value of `values` (declared signals only; never the prototype chain). */
function valueOf(values: SignalValues, signal: string): number | string | boolean {
  return readOwn(values, signal) as number | string | boolean;
}

function infoOf(model: ContractModel): ContractInfo {
  return { name: model.name, version: model.version };
}

/** The `on invalid` decision listing `problems`; its reason and say never interpolate. */
function invalidDecision(model: ContractModel, ctx: CleanContext, problems: Problem[]): Decision {
  const onInvalid = model.onInvalid;
  return assemble(
    infoOf(model),
    outcomeIn(model, onInvalid),
    [],
    invalidReasons(onInvalid),
    invalidSay(onInvalid),
    {},
    ctx,
    problems,
  );
}

function invalidReasons(onInvalid: OutcomeModel): string[] {
  return onInvalid.reason === null ? [] : [render(onInvalid.reason, {})];
}

function invalidSay(onInvalid: OutcomeModel): string {
  return onInvalid.say === null ? BUILTIN_INVALID_SAY : render(onInvalid.say, {});
}

/** The prelude's fail-safe decision; if even the model cannot be read, the built-in invalid outcome. */
function failSafeOf(model: ContractModel): Decision {
  try {
    return failSafe(
      infoOf(model),
      outcomeIn(model, model.onInvalid),
      invalidReasons(model.onInvalid),
      invalidSay(model.onInvalid),
    );
  } catch {
    return failSafe({ name: "unknown", version: null }, BUILTIN_INVALID_OUTCOME, [], BUILTIN_INVALID_SAY);
  }
}
