/**
 * What every analysis shares: the model, where its rules sit in the source, one domain cut at every
 * literal of the contract, and the answers several analyses need (cached): which rules can match at
 * all, and one input on which each rule wins.
 */
import type { ContractFile } from "../../grammar/ast.ts";
import type { Example } from "../diagnostics.ts";
import type { Cond, ContractModel, SignalValue } from "../model.ts";
import { literalsOf, makeDomain, type Domain } from "./domain.ts";
import { equal, intersects, subset } from "./cellset.ts";
import { blockers, negation, solve, winsFormula, type Formula } from "./engine.ts";
import { compile } from "./formula.ts";
import { fullBox, propagate } from "./solve.ts";
import { ruleSpans, type RuleSpans } from "./spans.ts";

export interface AnalysisContext {
  readonly model: ContractModel;
  readonly ast: ContractFile;
  /** The source as parsed (a leading byte-order mark removed), so spans index it. */
  readonly text: string;
  readonly domain: Domain;
  readonly spans: readonly RuleSpans[];
  solve(formula: Formula): Example | null;
  /** An input satisfying rule i's condition, or null when none does. */
  matching(i: number): Example | null;
  /** An input on which rule i wins, or null when it never does (i = -1: no rule matches). */
  winning(i: number): Example | null;
  /** "Rule i wins" (as `winsFormula`), leaving out rules that can never match together with rule i. */
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
  /** The rules that beat rule i whenever both match (`blockers`) and may match together with it. */
  rivals(i: number): readonly number[];
  /** The source text under `span`-like offsets. */
  textOf(span: { startOffset: number; endOffset: number }): string;
}

export function createContext(model: ContractModel, ast: ContractFile, source: string): AnalysisContext {
  const domain = makeDomain(model.signals, literalsOf(model.rules.map((r) => r.condition)));
  const text = source.replace(/^\uFEFF/, "");
  const matches = new Map<number, Example | null>();
  const wins = new Map<number, Example | null>();
  const full = fullBox(domain);
  const hulls = model.rules.map((r) => propagate(compile(domain, r.condition), full)?.box ?? null);
  // The signals each hull narrows: only they can separate two hulls.
  const narrowed = hulls.map((h) => (h ? h.map((set, s) => (equal(set, full[s]!) ? -1 : s)).filter((s) => s >= 0) : []));
  const overlaps = (i: number, j: number): boolean => {
    const a = hulls[i];
    const b = hulls[j];
    if (!a || !b) return false;
    const [few, other] = narrowed[i]!.length <= narrowed[j]!.length ? [narrowed[i]!, b] : [narrowed[j]!, a];
    const mine = few === narrowed[i] ? a : b;
    for (const s of few) if (!intersects(mine[s]!, other[s]!)) return false;
    return true;
  };
  const nodes = model.rules.map((r) => compile(domain, r.condition));
  const covers = (j: number, i: number): boolean => {
    const hull = hulls[i];
    const node = nodes[j]!;
    if (!hull) return true;
    const atoms = node.k === "atom" ? [node] : node.k === "and" ? node.ops : null;
    return atoms !== null && atoms.every((a) => a.k === "atom" && subset(hull[a.s]!, a.set));
  };
  const rivalsOf = new Map<number, number[]>();
  const rivals = (i: number): number[] => {
    let r = rivalsOf.get(i);
    if (!r) {
      r = blockers(model, i).filter((j) => overlaps(i, j));
      rivalsOf.set(i, r);
    }
    return r;
  };
  const winsCond = (i: number): Formula => {
    if (i < 0) return winsFormula(model, i);
    const operands: Cond[] = [model.rules[i]!.condition];
    for (const j of rivals(i)) operands.push(negation(model.rules[j]!.condition));
    return operands.length === 1 ? operands[0]! : { kind: "and", operands };
  };
  const ctx: AnalysisContext = {
    model,
    ast,
    text,
    domain,
    spans: ruleSpans(ast, model),
    solve: (formula) => solve(domain, formula),
    matching(i) {
      if (!matches.has(i)) matches.set(i, solve(domain, model.rules[i]!.condition));
      return matches.get(i)!;
    },
    winning(i) {
      if (!wins.has(i)) {
        const never = i >= 0 && (ctx.matching(i) === null || rivals(i).some((j) => covers(j, i)));
        wins.set(i, never ? null : solve(domain, winsCond(i)));
      }
      return wins.get(i)!;
    },
    winsCond,
    overlaps,
    covers,
    rivals,
    textOf: (span) => text.slice(span.startOffset, span.endOffset),
  };
  return ctx;
}


/** `a`, `a` and `b`, `a`, `b` and `c`: rule names in backticks. */
export function nameList(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}
