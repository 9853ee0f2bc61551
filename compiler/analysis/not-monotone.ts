/**
 * `not-monotone` (error): a signal declared `monotone SIGNAL increasing|decreasing` can move in that
 * direction, every other signal fixed, and lower the severity of the action. The diagnostic shows the
 * two inputs, which differ only in that signal.
 *
 * The proof is exact. Let s be the signal and c0 < c1 < … < ck its cells (bool: false < true). Within
 * one cell every comparison on s has one truth value, so for a fixed assignment o of the other signals
 * the decision depends only on the cell, and severity along c0..ck never drops iff it never drops
 * between two adjacent cells (walked the other way for `decreasing`). Severity drops from cell c to
 * cell d iff for some level r in 1..3, "severity >= r" holds at c and fails at d; with G_r the formula
 * "severity >= r" (below) and G[s := c] its partial evaluation at s's cell c, each step asks
 *
 *   solve(G_r[s := c] ∧ ¬G_r[s := d])         for r = 1..3 and each adjacent (c, d)
 *
 * (3k questions, instead of one per pair of outcomes). A solution o gives the inputs o[s := rep(c)] and
 * o[s := rep(d)]; both are run through the interpreter and reported only when the drop is real.
 *
 * G_r: the winner is the first matched rule in "priority order" (file order under first-match; by
 * severity, then file order, under most-severe), or the fallback when none matches (`otherwise`, else
 * the `on invalid` outcome that valid input matching no rule gets at run time). So
 * G_r = ite(c_1, [rank_1 >= r], ite(c_2, …, [rank_fallback >= r])), built with runs of equal verdicts
 * merged into one `or` / `and`, so its depth is the number of alternations, not of rules.
 */
import { diagnostic, type Diagnostic, type Example } from "../../diagnostics/index.ts";
import { printExample } from "../../diagnostics/values.ts";
import { showValue } from "../explain.ts";
import { decisionSignals, type ContractModel, type MonotoneModel, type SignalValue } from "../model.ts";
import { actionNames, severityRank } from "../../grammar/vocabulary.ts";
import { priorityOrder } from "../policy.ts";
import { interpret } from "../interpret.ts";
import { staffingInstant } from "../staffing-instants.ts";
import type { Decision } from "../../runtime/prelude/index.ts";
import type { AnalysisContext } from "./context.ts";
import { literalsOf, makeDomain, type Domain } from "./solver/domain.ts";
import { allOf, anyOf, negation, type Formula } from "./solver/formula.ts";
import { and, compile, FALSE, type Node } from "./solver/node.ts";
import { exampleOf, fullBox, search, simplify, withCell } from "./solver/search.ts";

export interface MonotoneViolation {
  readonly property: MonotoneModel;
  /** The input before the move: a complete valid input. */
  readonly from: Example;
  /** The same input with only the signal moved in the declared direction. */
  readonly to: Example;
  readonly fromDecision: Decision;
  readonly toDecision: Decision;
}

/** The highest severity: "severity >= r" is asked for r = 1..topRank (r = 0 always holds). */
const topRank = Math.max(...actionNames.map((a) => severityRank[a]));

/** The fallback's action: `otherwise`, else what valid input matching no rule gets (`on invalid`). */
function fallbackAction(model: ContractModel) {
  return (model.otherwise ?? model.onInvalid).action;
}

/** "The decision's severity is at least r" (see the header). */
export function atLeast(model: ContractModel, r: number): Formula {
  const order = priorityOrder(model.policy, model.rules.map((rule) => rule.action));
  // Runs of consecutive rules with the same verdict, from the last.
  let tail: Formula = severityRank[fallbackAction(model)] >= r ? { kind: "true" } : { kind: "false" };
  let k = order.length;
  while (k > 0) {
    const verdict = severityRank[model.rules[order[k - 1]!]!.action] >= r;
    let start = k - 1;
    while (start > 0 && severityRank[model.rules[order[start - 1]!]!.action] >= r === verdict) start--;
    const conds = order.slice(start, k).map((i) => model.rules[i]!.condition);
    // verdict: any of them matches, or none does and the tail holds; else: none matches and the tail holds.
    if (verdict) {
      tail = anyOf([...conds, tail]);
    } else {
      tail = allOf([...conds.map(negation), tail]);
    }
    k = start;
  }
  return tail;
}

/**
 * The first violation of `property` found, or null when it holds. `domain` must be cut at every literal
 * of the rules (the analysis context's is); by default one is built.
 */
export function monotoneViolation(model: ContractModel, property: MonotoneModel, domain?: Domain): MonotoneViolation | null {
  const d = domain ?? makeDomain(decisionSignals(model), literalsOf(model.rules.map((r) => r.condition)));
  const s = d.index.get(property.signal);
  if (s === undefined) return null;
  const cells = d.signals[s]!.cells;
  const size = cells.length;
  const full = fullBox(d);
  const levels: { pos: Node; neg: Node }[] = [];
  for (let r = 1; r <= topRank; r++) {
    const g = atLeast(model, r);
    levels.push({ pos: compile(d, g), neg: compile(d, g, true) });
  }
  // Partial evaluations per cell, computed once.
  const atCell = new Map<string, Node>();
  const evalAt = (level: number, polarity: "pos" | "neg", c: number): Node => {
    const key = `${level}:${polarity}:${c}`;
    let n = atCell.get(key);
    if (!n) {
      n = simplify(levels[level]![polarity], withCell(full, s, c));
      atCell.set(key, n);
    }
    return n;
  };
  const steps: [number, number][] = [];
  for (let i = 0; i + 1 < size; i++) steps.push(property.direction === "increasing" ? [i, i + 1] : [size - 1 - i, size - 2 - i]);
  for (const [c, next] of steps) {
    for (let level = 0; level < topRank; level++) {
      const before = evalAt(level, "pos", c);
      if (before === FALSE) continue;
      const after = evalAt(level, "neg", next);
      if (after === FALSE) continue;
      const box = search(and([before, after]), full);
      if (!box) continue;
      const base = exampleOf(d, box);
      const from: Record<string, SignalValue> = { ...base, [property.signal]: cells[c]!.rep };
      const to: Record<string, SignalValue> = { ...base, [property.signal]: cells[next]!.rep };
      // With conditions on calendars, the decisions are taken at an instant with the example's states.
      const now = staffingInstant(model, base);
      if (model.staffed !== undefined && now === null) continue;
      const context = now === null ? undefined : { now };
      const fromDecision = interpret(model, from, context);
      const toDecision = interpret(model, to, context);
      // INVARIANT: the engine is exact; never report an unconfirmed claim.
      if (severityRank[toDecision.action] >= severityRank[fromDecision.action]) {
        throw new Error(`not-monotone: the engine's inputs ${JSON.stringify(from)} -> ${JSON.stringify(to)} do not lower the severity`);
      }
      return { property, from, to, fromDecision, toDecision };
    }
  }
  return null;
}

/** `escalate (rule `x`)`, `answer (otherwise)`. */
function outcome(d: Decision): string {
  const by = d.rule === "otherwise" ? "otherwise" : d.rule === "invalid-input" ? "no rule matching" : `rule \`${d.rule}\``;
  return `${d.action} (${by})`;
}

/** The signals worth showing for the two inputs: all of them when few, else the moved one and those the winning rules read. */
export function shownSignals(model: ContractModel, v: MonotoneViolation): string[] {
  const all = model.signals.map((sig) => sig.name);
  if (all.length <= 8) return all;
  const reads = new Set<string>([v.property.signal]);
  for (const d of [v.fromDecision, v.toDecision]) for (const sig of model.rules.find((r) => r.name === d.rule)?.reads ?? []) reads.add(sig);
  return all.filter((n) => reads.has(n));
}

export function notMonotone(ctx: AnalysisContext): Diagnostic[] {
  const { model } = ctx;
  const out: Diagnostic[] = [];
  for (const property of model.monotone ?? []) {
    const v = monotoneViolation(model, property, ctx.domain);
    if (!v) continue;
    const type = model.signals.find((sig) => sig.name === property.signal)?.type;
    const verb = property.direction === "increasing" ? "raising" : "lowering";
    const names = shownSignals(model, v);
    const message =
      `\`${property.signal}\` is declared monotone ${property.direction}, but ${verb} it from ` +
      `${showValue(type, v.from[property.signal]!)} to ${showValue(type, v.to[property.signal]!)} moves the decision ` +
      `from ${outcome(v.fromDecision)} to ${outcome(v.toDecision)}`;
    const hint =
      `the two inputs differ only in \`${property.signal}\`: ${printExample(pick(v.from, names))} ` +
      `gets ${v.fromDecision.action}; ${printExample(pick(v.to, names))} gets ${v.toDecision.action}. ` +
      `Make the less severe rule exclude these inputs, or drop the \`monotone\` declaration`;
    out.push({ ...diagnostic("not-monotone", property.span, message, hint), example: v.from });
  }
  return out;
}

/** The values of `names`, in that order. */
function pick(values: Readonly<Record<string, SignalValue>>, names: readonly string[]): Record<string, SignalValue> {
  return Object.fromEntries(names.map((n) => [n, values[n]!]));
}
