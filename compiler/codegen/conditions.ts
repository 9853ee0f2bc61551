/**
 * Conditions as boolean expressions over validated signal locals.
 *
 * INVARIANT: each comparison is emitted as written (`!(a < b)` stays `!(a < b)`, never `a >= b`), so no
 * rewrite can change NaN semantics; values are validated before matching anyway. Every literal goes
 * through `literals.ts`, every signal becomes its generated local name: no source text becomes code.
 * Parentheses: around every `&&`/`||` chain nested in another (so a reader never needs the precedence
 * of the two) except a chain of the same operator, which joins the outer one; around a comparison or
 * chain under `!`; nowhere else.
 */
import type { Cond, SignalValue } from "../model.ts";
import { operand } from "./literals.ts";
import type { Locals } from "./names.ts";
import { chain, hangingChain, ifParens, operandLines, paren, type Doc } from "./syntax.ts";

/** Lists longer than this test membership with a module-level `Set` instead of an `||` chain. */
export const SET_THRESHOLD = 8;

/** Module-level constants a condition needs (membership sets), collected while emitting. */
export interface ConditionConstants {
  /** Emits `new Set([...])` once per distinct list and returns its constant name. */
  set(values: readonly SignalValue[]): string;
}

/** How an expression binds: a comparison, or an atom (a name, a call, a negation); chains carry their parts. */
const enum Binding {
  Comparison,
  Atom,
}

interface Chain {
  readonly kind: "chain";
  readonly op: "&&" | "||";
  readonly operands: readonly Doc[];
}

type Expression =
  /** `negated`: the chain under `!(…)` (or `!!(…)`, … : `bangs`), which `doc` prints. */
  | { readonly kind: "simple"; readonly doc: Doc; readonly binding: Binding; readonly negated?: { readonly chain: Chain; readonly bangs: number } }
  | Chain;

/** The expression for `cond`, as a layout document. */
export function condition(cond: Cond, locals: Locals, constants: ConditionConstants): Doc {
  return docOf(expression(cond, locals, constants));
}

/**
 * `if (…)` with the test of `cond`. Its parentheses break with the test: a top-level chain (or the
 * chain of a top-level `!(…)`) is not a group of its own, so when the test does not fit on the `if`
 * line, every operand gets a line.
 */
export function ifHead(cond: Cond, locals: Locals, constants: ConditionConstants): Doc {
  const e = expression(cond, locals, constants);
  if (e.kind === "chain") return ifParens(operandLines(e.operands, e.op));
  if (e.negated !== undefined) return ifParens(operandLines(e.negated.chain.operands, e.negated.chain.op), "!".repeat(e.negated.bangs));
  return ifParens(e.doc);
}

function docOf(e: Expression): Doc {
  return e.kind === "chain" ? chain(e.operands, e.op) : e.doc;
}

function expression(cond: Cond, locals: Locals, constants: ConditionConstants): Expression {
  switch (cond.kind) {
    case "cmp":
      return simple(`${locals.of(cond.signal)} ${jsOp(cond.op)} ${operand(cond.value)}`, Binding.Comparison);
    case "in": {
      const local = locals.of(cond.signal);
      const test: Expression =
        cond.values.length > SET_THRESHOLD
          ? simple(`${constants.set(cond.values)}.has(${local})`, Binding.Atom)
          : cond.values.length === 0
            ? simple("false", Binding.Atom)
            : cond.values.length === 1
              ? simple(`${local} === ${operand(cond.values[0]!)}`, Binding.Comparison)
              : { kind: "chain", op: "||", operands: cond.values.map((v) => `${local} === ${operand(v)}`) };
      return cond.negated ? negation(test) : test;
    }
    case "not":
      return negation(expression(cond.operand, locals, constants));
    case "and":
    case "or": {
      if (cond.operands.length === 0) return simple(cond.kind === "and" ? "true" : "false", Binding.Atom);
      if (cond.operands.length === 1) return expression(cond.operands[0]!, locals, constants);
      const op = cond.kind === "and" ? "&&" : "||";
      // A chain of the same operator joins this one (`a && (b && c)` is `a && b && c`: each operator is
      // associative, and the operands are evaluated in the same order, each only when the ones before it
      // did not decide); any other nested chain is parenthesised.
      const operands = cond.operands.flatMap((o) => {
        const e = expression(o, locals, constants);
        if (e.kind === "simple") return [e.doc];
        return e.op === op ? e.operands : [nested(e.operands, e.op)];
      });
      return { kind: "chain", op, operands };
    }
  }
}

/** A chain inside another, in parentheses that hug it, continuation lines indented. */
function nested(operands: readonly Doc[], op: "&&" | "||"): Doc {
  return ["(", hangingChain(operands, op), ")"];
}

function simple(doc: Doc, binding: Binding): Expression {
  return { kind: "simple", doc, binding };
}

function negation(e: Expression): Expression {
  const negated = e.kind === "chain" ? { chain: e, bangs: 1 } : e.negated === undefined ? undefined : { chain: e.negated.chain, bangs: e.negated.bangs + 1 };
  if (negated !== undefined) {
    const doc = ["!".repeat(negated.bangs), paren(operandLines(negated.chain.operands, negated.chain.op))];
    return { kind: "simple", doc, binding: Binding.Atom, negated };
  }
  return simple(["!", e.kind === "simple" && e.binding === Binding.Atom ? e.doc : paren(docOf(e))], Binding.Atom);
}

function jsOp(op: "==" | "!=" | "<" | "<=" | ">" | ">="): string {
  return op === "==" ? "===" : op === "!=" ? "!==" : op;
}
