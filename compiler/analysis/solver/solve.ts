/**
 * The solver's front door: build a domain, and answer "is there a complete valid input satisfying this
 * formula, and which?" exactly. A formula is compiled against the domain (node.ts) and searched
 * (search.ts); the box found becomes an input by taking each signal's preferred cell (domain.ts).
 *
 * Exactness rests on the domain being cut at every literal the formula mentions. When it is not, the
 * question is asked again over a finer domain that is: refining the partition, never guessing.
 */
import type { Cond, SignalModel, SignalValue } from "../../model.ts";
import { literalsOf, makeDomain, type Domain } from "./domain.ts";
import type { Formula } from "./formula.ts";
import { compile, NotCovered, type Node } from "./node.ts";
import { clauseFind, foundSet } from "./clause-search.ts";
import { cellsFrom, exampleFrom, fullBox, search } from "./search.ts";

export type { Domain } from "./domain.ts";

/** Every signal's domain split into finitely many cells at the literals the given conditions mention (plus the given extra literals). */
export function buildDomain(
  signals: readonly SignalModel[],
  conditions: Iterable<Cond>,
  extra?: Iterable<{ signal: string; value: SignalValue }>,
): Domain {
  return makeDomain(signals, [...literalsOf(conditions), ...(extra ?? [])]);
}

/** A complete valid input (a value for EVERY signal of the domain, within its type and range) satisfying `formula`, or null if none exists. Exact. */
export function solve(domain: Domain, formula: Formula): Record<string, SignalValue> | null {
  const [d, node] = compiled(domain, formula);
  return solveNode(d, node);
}

/** `solve` for a formula already compiled against `domain`; `cells` receives the example's cell per signal. */
export function solveNode(domain: Domain, node: Node, cells?: number[]): Record<string, SignalValue> | null {
  const box = fullBox(domain);
  const found = clauseFind(node, box);
  if (found !== undefined) return found ? exampleFrom(domain, foundSet, cells) : null;
  const general = search(node, box);
  return general && exampleFrom(domain, (s) => general[s]!, cells);
}

/** The cells (one per signal) of the input `solveNode` would give, without building it; null when none. */
export function solveCells(domain: Domain, node: Node): number[] | null {
  const box = fullBox(domain);
  const found = clauseFind(node, box);
  if (found !== undefined) return found ? cellsFrom(domain, foundSet) : null;
  const general = search(node, box);
  return general && cellsFrom(domain, (s) => general[s]!);
}

/**
 * `formula` compiled against `domain`; when it mentions a literal the domain was not cut at, against a
 * finer domain that is (so `solve` stays exact whatever it is given).
 */
export function compiled(domain: Domain, formula: Formula): [Domain, Node] {
  try {
    return [domain, compile(domain, formula)];
  } catch (error) {
    if (!(error instanceof NotCovered)) throw error;
    const known = domain.signals.flatMap((sc) => [...sc.literals].map((value) => ({ signal: sc.signal.name, value })));
    const finer = makeDomain(
      domain.signals.map((sc) => sc.signal),
      [...known, ...literalsOf([formula as Cond])],
    );
    return [finer, compile(finer, formula)];
  }
}
