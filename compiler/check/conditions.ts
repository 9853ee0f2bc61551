/**
 * Conditions: every comparison has a declared signal on the left and a literal that fits it on the
 * right. `<`, `<=`, `>`, `>=` apply to number, int and duration; `in`/`not in` to enums and text;
 * a signal alone must be a bool. Produces the resolved `Cond` (flags become `== true`) and the
 * signals the condition reads, in first-read order.
 *
 * No cascades: an unknown or untyped signal stops the checks of its comparison, and a wrong
 * operator is reported instead of, not besides, its literal.
 */
import type { Comparison, Condition, Flag, Membership } from "../../grammar/ast.ts";
import type { Cond, SignalValue } from "../model.ts";
import { code, type Context, type Scope } from "./context.ts";
import { resolveLiteral } from "./literals.ts";
import { lookupSignal } from "./signals.ts";
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
