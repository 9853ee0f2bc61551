/**
 * Conditions: every comparison has a declared signal on the left and a literal that fits it on the
 * right. `<`, `<=`, `>`, `>=` apply to number, int and duration; `in`/`not in` to enums and text;
 * a signal alone must be a bool. Produces the resolved `Cond` (flags become `== true`) and the
 * signals the condition reads, in first-read order.
 *
 * No cascades: an unknown or untyped signal stops the checks of its comparison, and a wrong
 * operator is reported instead of, not besides, its literal.
 */
import type { Comparison, Condition, Flag, Membership, Staffing } from "../../grammar/ast.ts";
import type { Cond, SignalValue } from "../model.ts";
import { code, type Context, type Scope } from "./context.ts";
import { resolveLiteral } from "./literals.ts";
import { lookupSignal } from "./signals.ts";
import { listNames, suggestion } from "./suggest.ts";
import { staffingSignal, type CalendarModel } from "../model.ts";
import { describeType, isOrdered } from "./types.ts";

export interface CheckedCondition {
  /** Null when the condition has an error. */
  readonly cond: Cond | null;
  readonly reads: readonly string[];
}

/** Deeper than the parser's `too-deep` limit allows; a guard, not a rule of the language. */
const MAX_DEPTH = 1000;

export function checkCondition(ctx: Context, scope: Scope, condition: Condition): CheckedCondition {
  const reads = new Set<string>();
  const read = (name: string): void => {
    if (scope.signals.has(name)) reads.add(name);
  };

  const walk = (node: Condition, depth: number): Cond | null => {
    if (!node || depth > MAX_DEPTH) return null;
    switch (node.kind) {
      case "comparison":
        read(node.signal.text);
        return comparison(ctx, scope, node);
      case "membership":
        read(node.signal.text);
        return membership(ctx, scope, node);
      case "flag":
        read(node.signal.text);
        return flag(ctx, scope, node);
      case "staffing":
        return staffing(ctx, scope, node);
      case "not": {
        const operand = walk(node.operand, depth + 1);
        return operand && { kind: "not", operand, span: node.span };
      }
      case "and":
      case "or": {
        const operands = (node.operands ?? []).map((operand) => walk(operand, depth + 1));
        return operands.every((o): o is Cond => o !== null) ? { kind: node.kind, operands, span: node.span } : null;
      }
      default:
        return null;
    }
  };
  const cond = walk(condition, 0);
  return { cond, reads: [...reads] };
}

/**
 * `owner NAME is open|closed`, `calendar NAME is open|closed`: a comparison of the calendar's open state
 * at `now` (the synthetic bool `staffingSignal(calendar)`, which no input can set) with true or false.
 * An owner without hours, or a calendar open at every instant, makes the condition constant
 * (`constant-staffing`).
 */
function staffing(ctx: Context, scope: Scope, node: Staffing): Cond | null {
  const written = ctx.quote(node.span);
  let calendar: CalendarModel | null | undefined;
  if (node.subject === "owner") {
    const owner = scope.owners?.get(node.name.text);
    if (!owner) {
      const keys = scope.owners ? [...scope.owners.keys()] : [];
      const close = suggestion(node.name.text, keys, node.name.span);
      ctx.report("unknown-owner", node.name.span, `unknown owner ${code(node.name.text)}`, close?.hint ?? (keys.length > 0 ? `the owners are ${listNames(keys)}` : "declare it in `owners { … }`"), close?.fixes);
      return null;
    }
    if (owner.calendar === undefined) {
      ctx.report(
        "constant-staffing",
        node.span,
        `${code(owner.key)} has no \`hours\`, so it is always open and ${written} ${node.open ? "always holds" : "never holds"}`,
        `give the owner a calendar in \`owners\` (\`${owner.key}: ${JSON.stringify(owner.displayName)} hours CALENDAR\`), or leave the condition out`,
      );
      return null;
    }
    calendar = scope.calendars?.get(owner.calendar);
  } else {
    const calendars = scope.calendars;
    if (!calendars?.has(node.name.text)) {
      const names = calendars ? [...calendars.keys()] : [];
      const close = suggestion(node.name.text, names, node.name.span);
      ctx.report(
        "unknown-calendar",
        node.name.span,
        `unknown calendar ${code(node.name.text)}`,
        close?.hint ?? (names.length > 0 ? `the calendars are ${listNames(names)}` : "declare it in `calendars { … }`"),
        close?.fixes,
      );
      return null;
    }
    calendar = calendars.get(node.name.text);
  }
  if (!calendar) return null; // a calendar with errors: reported already
  if (calendar.closed.length === 0 && calendar.weekly.every((day) => day.length === 1 && day[0]![0] === 0 && day[0]![1] === 1440)) {
    ctx.report(
      "constant-staffing",
      node.span,
      `calendar ${code(calendar.name)} is open at every instant, so ${written} ${node.open ? "always holds" : "never holds"}`,
      "leave the condition out, or give the calendar the hours it really has",
    );
    return null;
  }
  return { kind: "cmp", signal: staffingSignal(calendar.name), op: "==", value: node.open, span: node.span };
}

function comparison(ctx: Context, scope: Scope, node: Comparison): Cond | null {
  const signal = lookupSignal(ctx, scope, node.signal);
  if (!signal?.type) return null;
  const ordering = node.op === "<" || node.op === "<=" || node.op === ">" || node.op === ">=";
  if (ordering && !isOrdered(signal.type)) {
    ctx.report(
      "type-mismatch",
      node.opSpan,
      `${code(signal.name)} is ${describeType(signal.type)}, so it can't be compared with ${code(node.op)}`,
      "`<`, `<=`, `>` and `>=` apply to numbers, ints and durations; use `is` or `is not`",
    );
    return null;
  }
  const value = resolveLiteral(ctx, scope, signal, node.value, "compare");
  return value === undefined ? null : { kind: "cmp", signal: signal.name, op: node.op, value, span: node.span };
}

function membership(ctx: Context, scope: Scope, node: Membership): Cond | null {
  const signal = lookupSignal(ctx, scope, node.signal);
  if (!signal?.type) return null;
  if (signal.type.kind !== "enum" && signal.type.kind !== "text") {
    ctx.report(
      "type-mismatch",
      node.opSpan,
      `${code(signal.name)} is ${describeType(signal.type)}, so it can't be tested with ${code(node.negated ? "not in" : "in")}`,
      "`in` and `not in` apply to enums (members) and text (strings)",
    );
    return null;
  }
  const values: SignalValue[] = [];
  let ok = true;
  for (const literal of node.values ?? []) {
    const value = resolveLiteral(ctx, scope, signal, literal, "compare");
    if (value === undefined) ok = false;
    else values.push(value);
  }
  return ok ? { kind: "in", signal: signal.name, negated: node.negated, values, span: node.span } : null;
}

function flag(ctx: Context, scope: Scope, node: Flag): Cond | null {
  const signal = lookupSignal(ctx, scope, node.signal);
  if (!signal?.type) return null;
  if (signal.type.kind !== "bool") {
    ctx.report(
      "type-mismatch",
      node.signal.span,
      `${code(signal.name)} is ${describeType(signal.type)}, so it can't stand alone as a condition`,
      `only a bool signal can stand alone; compare ${code(signal.name)} with a value`,
    );
    return null;
  }
  return { kind: "cmp", signal: signal.name, op: "==", value: true, span: node.span };
}
