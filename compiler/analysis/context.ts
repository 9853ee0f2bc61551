/**
 * What every analysis shares: the model, where its rules sit in the source, one domain cut at every
 * literal of the contract, and the answers several analyses need (cached): which rules can match at
 * all, and one input on which each rule wins.
 */
import type { ContractFile } from "../../grammar/ast.ts";
import type { Example } from "../../diagnostics/index.ts";
import type { Span } from "../../diagnostics/span.ts";
import { decisionSignals, type Cond, type ContractModel, type SignalValue } from "../model.ts";
import { holds } from "../interpret.ts";
import { priorityOrder } from "../policy.ts";
import { count, countBoth, subset, type CellSet } from "./solver/cellset.ts";
import { literalsOf, makeDomain, type Domain } from "./solver/domain.ts";
import { allOf, negation, type Formula } from "./solver/formula.ts";
import { and, compile, holdsAt, type Node } from "./solver/node.ts";
import { overlapIndex } from "./solver/overlap-index.ts";
import { fullBox, propagate } from "./solver/search.ts";
import { solve, solveCells, solveNode } from "./solver/solve.ts";

export interface AnalysisContext {
  readonly model: ContractModel;
  readonly ast: ContractFile;
  /** The source as parsed (a leading byte-order mark removed), so spans index it. */
  readonly text: string;
  readonly domain: Domain;
  readonly spans: readonly RuleSpans[];
  /** The instant the analyses that look at calendars count from (epoch ms): the clock, unless given. */
  readonly now: number;
  solve(formula: Formula): Example | null;
  /** An input rule i matches that none of `rules` does (`solve` of `uncovered(model, i, rules)`), or null. */
  escaping(i: number, rules: readonly number[]): Example | null;
  /**
   * Whether rule i's condition holds on `input`, as `holds` decides it: on an input the solver found
   * (every value a cell's representative) by the cells of its compiled condition.
   */
  holdsOn(i: number, input: Example): boolean;
  /** `escaping`, as the cells (one per signal) of the input it would give, without building the input. */
  escapingCells(i: number, rules: readonly number[]): readonly number[] | null;
  /** Whether rule i's condition holds on the input whose cells (one per signal) are `cells`. */
  holdsAtCells(i: number, cells: readonly number[]): boolean;
  /** An input satisfying rule i's condition, or null when none does. */
  matching(i: number): Example | null;
  /** An input on which rule i wins, or null when it never does (i = -1: no rule matches). */
  winning(i: number): Example | null;
  /** "Rule i wins": its condition and none of its rivals' (i = -1: no rule matches). Exact. */
  winsCond(i: number): Formula;
  /**
   * False when rules i and j can never both match (their hulls are disjoint); true means they may.
   * The hull of a condition is the box unit propagation narrows it to, a cheap over-approximation.
   */
  overlaps(i: number, j: number): boolean;
  /**
   * True when rule j's condition is a conjunction of comparisons that rule i's hull satisfies, which
   * proves that j matches wherever i does; false proves nothing.
   */
  covers(j: number, i: number): boolean;
  /** The rules that can win (ascending) and may match together with rule i (`overlaps`), i excluded. */
  overlappingWinners(i: number): readonly number[];
  /**
   * The rules that can win, beat rule i whenever both match (`blockers`) and may match together with
   * it. Enough to decide where rule i wins: wherever a rule that beats i matches, the rule that wins
   * there beats i too (the policy's order is transitive), can win, and matches there.
   */
  rivals(i: number): readonly number[];
  /**
   * For a rule that can match but never wins: rivals that together match every input it matches, in
   * the order found (greedily, not pruned: see unreachable-rule.ts), with the inputs rule i matches
   * that were met on the way (as their cells). Null for any other rule.
   */
  beatenBy(i: number): Cover | null;
  /** The source text under `span`-like offsets. */
  textOf(span: { startOffset: number; endOffset: number }): string;
}

export interface Cover {
  readonly rules: readonly number[];
  /** Each input met, as its cell per signal (the input itself is not built: only cells are tested). */
  readonly inputs: readonly (readonly number[])[];
}

/**
 * Rules are settled in the policy's priority order (`beats`), each against an index of the rules
 * already found to win somewhere, so "can rule i win" compares rule i only with winners that may
 * overlap it — not with every rule above it. Settling is lazy and runs up to the rule asked about.
 *
 * Whether a rule wins is decided by adding its rivals lazily (counterexample-guided, as in CEGAR): find
 * an input it matches that the rivals chosen so far do not; if no rival matches that input the rule
 * wins there, else add the first rival that does and ask again. A rule that never wins is so proved
 * with the few rivals that cover it instead of all of them at once, the question that was most of the
 * analysis of contracts whose rules overlap in every direction; the rivals found are its `beatenBy`.
 * A rule that wins gets its example from the full question, so examples do not depend on the path.
 */
/** `text` is the source as parsed (`ParseResult.source`, without a byte-order mark): spans index it. */
export function createContext(model: ContractModel, ast: ContractFile, text: string, now = Date.now()): AnalysisContext {
  const domain = makeDomain(decisionSignals(model), literalsOf(model.rules.map((r) => r.condition)));
  const matches = new Map<number, Example | null>();
  const wins = new Map<number, Example | null>();
  const full = fullBox(domain);
  const nodes = model.rules.map((r) => compile(domain, r.condition));
  const hulls = nodes.map((node) => propagate(node, full)?.box ?? null);
  // Each input's cells, computed once (the last one asked about at hand: it is asked about in runs).
  const cellsOf = new WeakMap<Example, readonly number[] | null>();
  let last: { input: Example; cells: readonly number[] | null } | null = null;
  const negated: (Node | undefined)[] = [];
  // The node `compile` gives `uncovered(model, k, rules)`: rule k's, then each rule's negation.
  const uncoveredNode = (k: number, rules: readonly number[]): Node => {
    const ops = [nodes[k]!];
    for (const j of rules) ops.push((negated[j] ??= compile(domain, model.rules[j]!.condition, true)));
    return and(ops);
  };
  const escaping = (k: number, rules: readonly number[]): Example | null => {
    const cells: number[] = [];
    const example = solveNode(domain, uncoveredNode(k, rules), cells);
    if (example) cellsOf.set(example, cells);
    return example;
  };
  const escapingCells = (k: number, rules: readonly number[]): number[] | null => solveCells(domain, uncoveredNode(k, rules));
  const cellsFor = (input: Example): readonly number[] | null => {
    if (last?.input !== input) {
      let cells = cellsOf.get(input);
      if (cells === undefined) cellsOf.set(input, (cells = cellsIn(domain, input)));
      last = { input, cells };
    }
    return last.cells;
  };
  const holdsOn = (i: number, input: Example): boolean => {
    const cells = cellsFor(input);
    return cells ? holdsAt(nodes[i]!, cells) : holds(model.rules[i]!.condition, input);
  };
  const winners = overlapIndex(hulls, full);
  // Each rule's condition as its comparisons, when it is a conjunction of them.
  const conjuncts = nodes.map((node) => {
    const ops = node.k === "atom" ? [node] : node.k === "and" ? node.ops : null;
    return ops?.every((a) => a.k === "atom") ? (ops as readonly Extract<Node, { k: "atom" }>[]) : null;
  });
  const covers = (j: number, i: number): boolean => {
    const hull = hulls[i];
    if (!hull) return true;
    const atoms = conjuncts[j];
    if (!atoms) return false;
    for (const a of atoms) if (!subset(hull[a.s]!, a.set)) return false;
    return true;
  };

  const order = priorityOrder(model.policy, model.rules.map((r) => r.action));
  const position = new Int32Array(model.rules.length);
  order.forEach((i, p) => (position[i] = p));
  const rivalsOf: (readonly number[])[] = [];
  let settled = 0;
  /** Decides, in priority order, whether each rule up to rule i wins somewhere. */
  const settle = (i: number): void => {
    while (settled <= position[i]!) {
      const k = order[settled++]!;
      // Every member of the index was settled before k, so beats it.
      const rivals = winners.query(k);
      rivalsOf[k] = rivals;
      const cover = ctx.matching(k) === null ? { rules: [], inputs: [] } : coverOf(k, rivals);
      const example = cover ? null : solve(domain, winsCond(k));
      // INVARIANT: coverOf found an input where rule k wins, so the full question has one.
      if (!cover && !example) throw new Error(`rule ${model.rules[k]!.name}: settling disagrees with its winning question`);
      wins.set(k, example);
      if (cover && cover.rules.length > 0) beatenBy[k] = cover;
      if (example) winners.add(k);
    }
  };
  /** Rivals of rule k (which can match) that cover it, greedily, or null when it wins somewhere. */
  const coverOf = (k: number, rivals: readonly number[]): Cover | null => {
    const single = rivals.find((j) => covers(j, k));
    const chosen: number[] = single === undefined ? [] : [single];
    const inputs: (readonly number[])[] = [];
    let ranked: readonly number[] | null = null;
    for (;;) {
      const example = chosen.length === 0 ? firstCells(k) : escapingCells(k, chosen);
      if (!example) return { rules: chosen, inputs };
      inputs.push(example);
      // Of the rivals matching it, the one whose hull keeps most of rule k's (the earliest of equals):
      // the chain stays short. Ranked once, so a step tests rivals only until the first that matches.
      ranked ??= rankedByShare(rivals, k);
      let j = -1;
      for (const c of ranked) {
        if (holdsAt(nodes[c]!, example) && !chosen.includes(c)) {
          j = c;
          break;
        }
      }
      if (j < 0) return null;
      chosen.push(j);
    }
  };
  /** The cells of `ctx.matching(k)` (rule k can match): the same answer, as `solve` compiles the same node. */
  const firstCells = (k: number): readonly number[] | null => cellsFor(ctx.matching(k)!) ?? solveCells(domain, nodes[k]!);
  /** `rivals` by the share of rule k's hull their hulls hold, largest first; equal shares keep their order. */
  const rankedByShare = (rivals: readonly number[], k: number): number[] => {
    const b = hulls[k];
    const sizes = b ? b.map(count) : [];
    for (const c of rivals) shares[c] = sharedShare(c, b, sizes);
    return [...rivals].sort((x, y) => shares[y]! - shares[x]!);
  };
  const shares = new Float64Array(model.rules.length);
  // The signals each hull narrows (its set is not the full box's), ascending.
  const narrowed = hulls.map((h) => (h ? h.flatMap((set, s) => (set !== full[s] ? [s] : [])) : []));
  /** The share of hull `b` (cells per signal, multiplied; `sizes` its counts) that rule c's hull holds too. */
  const sharedShare = (c: number, b: readonly CellSet[] | null, sizes: readonly number[]): number => {
    const a = hulls[c];
    if (!a || !b) return 0;
    let share = 1;
    for (const s of narrowed[c]!) share *= countBoth(a[s]!, b[s]!) / sizes[s]!;
    return share;
  };
  const beatenBy: (Cover | undefined)[] = [];
  const settleAll = (): void => {
    if (order.length > 0) settle(order[order.length - 1]!);
  };
  const rivals = (i: number): readonly number[] => {
    settle(i);
    return rivalsOf[i]!;
  };
  const winsCond = (i: number): Formula => {
    if (i < 0) {
      settleAll();
      return allOf(model.rules.flatMap((r, j) => (wins.get(j) ? [negation(r.condition)] : [])));
    }
    const operands: Cond[] = [model.rules[i]!.condition];
    for (const j of rivals(i)) operands.push(negation(model.rules[j]!.condition));
    return operands.length === 1 ? operands[0]! : { kind: "and", operands };
  };
  const overlapping = new Map<number, readonly number[]>();
  const ctx: AnalysisContext = {
    model,
    ast,
    text,
    domain,
    spans: ruleSpans(model),
    now,
    solve: (formula) => solve(domain, formula),
    escaping,
    holdsOn,
    escapingCells,
    holdsAtCells: (i, cells) => holdsAt(nodes[i]!, cells),
    matching(i) {
      if (!matches.has(i)) matches.set(i, solve(domain, model.rules[i]!.condition));
      return matches.get(i)!;
    },
    winning(i) {
      if (i >= 0) settle(i);
      else if (!wins.has(i)) wins.set(i, solve(domain, winsCond(i)));
      return wins.get(i)!;
    },
    winsCond,
    overlaps: winners.overlaps,
    covers,
    overlappingWinners(i) {
      let list = overlapping.get(i);
      if (!list) {
        settleAll();
        list = winners.query(i);
        overlapping.set(i, list);
      }
      return list;
    },
    rivals,
    beatenBy(i) {
      settle(i);
      return beatenBy[i] ?? null;
    },
    textOf: (span) => text.slice(span.startOffset, span.endOffset),
  };
  return ctx;
}

/** "Rule i matches and none of `rules` does". */
export function uncovered(model: ContractModel, i: number, rules: readonly number[]): Cond {
  return { kind: "and", operands: [model.rules[i]!.condition, ...rules.map((j) => negation(model.rules[j]!.condition))] };
}

export interface RuleSpans {
  /** The rule's name, or its `when` keyword when unnamed. */
  readonly name: Span;
  /** The whole condition after `when`. */
  readonly condition: Span;
  /** Each comparison leaf (`cmp`/`in`) of the model's condition, by identity. */
  readonly comparisons: ReadonlyMap<Cond, Span>;
}

/** Where each rule sits in the source, read from the model (a hand-built model without spans falls back to the rule's span). */
export function ruleSpans(model: ContractModel): RuleSpans[] {
  return model.rules.map((rule) => {
    const comparisons = new Map<Cond, Span>();
    const walk = (cond: Cond): void => {
      if (cond.kind === "cmp" || cond.kind === "in") {
        if (cond.span) comparisons.set(cond, cond.span);
      } else if (cond.kind === "not") walk(cond.operand);
      else cond.operands.forEach(walk);
    };
    walk(rule.condition);
    return { name: rule.nameSpan ?? rule.span, condition: rule.condition.span ?? rule.span, comparisons };
  });
}

/** `a`, `a` and `b`, `a`, `b` and `c`: rule names in backticks. */
export function nameList(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** The cell of each signal's value in `domain`, when every value is a cell's representative; else null. */
function cellsIn(domain: Domain, input: Example): readonly number[] | null {
  const cells: number[] = [];
  for (let s = 0; s < domain.signals.length; s++) {
    const sc = domain.signals[s]!;
    const value = Object.prototype.hasOwnProperty.call(input, sc.signal.name) ? input[sc.signal.name] : undefined;
    const c = value === undefined ? undefined : sc.byRep.get(value);
    if (c === undefined) return null;
    cells[s] = c;
  }
  return cells;
}
