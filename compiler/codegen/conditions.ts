/**
 * Conditions as boolean expressions over validated signal locals.
 *
 * INVARIANT: each comparison is emitted as written (`!(a < b)` stays `!(a < b)`, never `a >= b`), so no
 * rewrite can change NaN semantics; values are validated before matching anyway. Every literal goes
 * through `literal`, every signal becomes its generated local name: no source text becomes code.
 */
import type { Cond, SignalValue } from "../model.ts";
import { literal } from "./literals.ts";
import type { Locals } from "./names.ts";

/** Lists longer than this test membership with a module-level `Set` instead of an `||` chain. */
export const SET_THRESHOLD = 8;

/** Module-level constants a condition needs (membership sets), collected while emitting. */
export interface ConditionConstants {
  /** Emits `new Set([...])` once per distinct list and returns its constant name. */
  set(values: readonly SignalValue[]): string;
}

/** The expression for `cond`; fully parenthesised where precedence could matter. */
export function condition(cond: Cond, locals: Locals, constants: ConditionConstants): string {
  switch (cond.kind) {
    case "cmp":
      return `${locals.of(cond.signal)} ${jsOp(cond.op)} ${literal(cond.value)}`;
    case "in": {
      const local = locals.of(cond.signal);
      const test =
        cond.values.length > SET_THRESHOLD
          ? `${constants.set(cond.values)}.has(${local})`
          : cond.values.length === 0
            ? "false"
            : cond.values.map((v) => `${local} === ${literal(v)}`).join(" || ");
      return cond.negated ? `!(${test})` : cond.values.length > 1 && cond.values.length <= SET_THRESHOLD ? `(${test})` : test;
    }
    case "not":
      return `!(${condition(cond.operand, locals, constants)})`;
    case "and":
    case "or": {
      if (cond.operands.length === 0) return cond.kind === "and" ? "true" : "false";
      const op = cond.kind === "and" ? " && " : " || ";
      return `(${cond.operands.map((operand) => condition(operand, locals, constants)).join(op)})`;
    }
  }
}

function jsOp(op: "==" | "!=" | "<" | "<=" | ">" | ">="): string {
  return op === "==" ? "===" : op === "!=" ? "!==" : op;
}
