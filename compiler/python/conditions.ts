/**
 * Conditions as Python expressions over locals (or any expression per signal) holding validated values.
 *
 * INVARIANT: every literal goes through `pyLiteral` and every signal through the `read` the caller
 * gives (a generated local `v<i>`, or `s[<pyStr name>]`): no contract text becomes code. Every
 * comparison and chain is parenthesised, so Python's chained comparisons and operator precedence never
 * apply. Equality is `===` of the signal values (the reference runtime's `_same`): a literal of another
 * type than the signal's (a bool is never a number, a string never anything else) never equals it, so
 * such a test is emitted as its constant; the same-typed rest compare with `==`, exact for validated values.
 */
import type { Cond, SignalModel, SignalValue } from "../model.ts";
import { pyLiteral } from "./literals.ts";

/** The Python expression reading the validated value of a signal. */
export type SignalRead = (signal: string) => string;

type ValueClass = "boolean" | "string" | "number";

function classOf(signal: SignalModel): ValueClass {
  switch (signal.type.kind) {
    case "bool":
      return "boolean";
    case "enum":
    case "text":
      return "string";
    default:
      return "number";
  }
}

/** The expression for `cond`: `True`/`False` or a parenthesised test. */
export function pyCondition(cond: Cond, signals: ReadonlyMap<string, SignalModel>, read: SignalRead): string {
  const sameClass = (signal: string, value: SignalValue): boolean => {
    const s = signals.get(signal);
    if (s === undefined) throw new Error(`python: undeclared signal in model: ${JSON.stringify(signal)}`);
    return typeof value === classOf(s);
  };
  const walk = (c: Cond): string => {
    switch (c.kind) {
      case "cmp": {
        if (c.op === "==" || c.op === "!=") {
          if (!sameClass(c.signal, c.value)) return c.op === "==" ? "False" : "True";
        } else sameClass(c.signal, c.value);
        return `(${read(c.signal)} ${c.op} ${pyLiteral(c.value)})`;
      }
      case "in": {
        const values = c.values.filter((v) => sameClass(c.signal, v));
        if (values.length === 0) return c.negated ? "True" : "False";
        const op = c.negated ? "not in" : "in";
        // CPython folds a set display of constants after `in` into a frozenset constant.
        if (values.length > 1) return `(${read(c.signal)} ${op} {${values.map(pyLiteral).join(", ")}})`;
        return `(${read(c.signal)} ${c.negated ? "!=" : "=="} ${pyLiteral(values[0]!)})`;
      }
      case "not":
        return `(not ${walk(c.operand)})`;
      case "and":
      case "or":
        if (c.operands.length === 0) return c.kind === "and" ? "True" : "False";
        if (c.operands.length === 1) return walk(c.operands[0]!);
        return `(${c.operands.map(walk).join(` ${c.kind} `)})`;
    }
  };
  return walk(cond);
}

/** Signals by name, for `pyCondition`. */
export function signalsByName(signals: readonly SignalModel[]): Map<string, SignalModel> {
  return new Map(signals.map((s) => [s.name, s]));
}
