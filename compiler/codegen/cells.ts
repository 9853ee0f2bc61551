/**
 * The rule index of the `indexed` strategy, built on the static analysis' cells (analysis/domain.ts):
 * each signal's valid values fall into finitely many cells, uniform for every comparison the contract
 * makes, and a rule's hull (the cells unit propagation leaves it per signal) is a necessary condition
 * for it to match. When the propagation leaves nothing else to decide, the hull IS the condition and the
 * rule needs no test of its own ("exact").
 *
 * At run time each indexed signal's validated value is classified into its cell by `cellOf_<i>`
 * (emitted here), in a few comparisons.
 */
import { count, has, type CellSet } from "../analysis/solver/cellset.ts";
import { literalsOf, makeDomain, type Cell, type Domain } from "../analysis/solver/domain.ts";
import { compile } from "../analysis/solver/node.ts";
import { fullBox, propagate } from "../analysis/solver/search.ts";
import type { ContractModel, SignalType } from "../model.ts";
import { commentText, literal, num } from "./literals.ts";

export interface IndexedSignal {
  /** The signal's position in the model. */
  readonly signal: number;
  readonly cells: number;
  /** How many rules narrow it (allow fewer than all its cells). */
  readonly narrowing: number;
  /** The average share of the rules a cell keeps. */
  readonly keptShare: number;
  /** Per narrowing rule (ascending), the cells it allows. */
  readonly allowed: readonly AllowedCells[];
}

/** The cells a rule allows for one signal. */
export interface AllowedCells {
  readonly rule: number;
  /** Runs of adjacent cells: [first, last, first, last, …]. */
  readonly runs: readonly number[];
}

export interface RuleIndex {
  readonly domain: Domain;
  /** The signals some rule narrows, most selective first (the order the bit sets are combined in). */
  readonly signals: readonly IndexedSignal[];
  /** Per rule: true when its hull is its condition, so the bit sets decide it alone. */
  readonly exact: readonly boolean[];
  /** Per rule: true when no valid input satisfies its condition. */
  readonly never: readonly boolean[];
  readonly exactRules: number;
  readonly neverRules: number;
  /** The expected share of rules left as candidates when every signal's cell is drawn uniformly. */
  readonly expectedCandidateShare: number;
}

export function ruleIndex(model: ContractModel): RuleIndex {
  const domain = makeDomain(model.signals, literalsOf(model.rules.map((r) => r.condition)));
  const full = fullBox(domain);
  const propagated = model.rules.map((r) => propagate(compile(domain, r.condition), full));
  const never = propagated.map((p) => p === null);
  const exact = propagated.map((p) => p !== null && p.f.k === "t");
  const sizes = domain.signals.map((sc) => sc.cells.length);

  const signals: IndexedSignal[] = [];
  domain.signals.forEach((_, s) => {
    const allowed: AllowedCells[] = [];
    propagated.forEach((p, j) => {
      if (!p) return;
      const set = p.box[s]!;
      if (count(set) < sizes[s]!) allowed.push({ rule: j, runs: runsOf(set, sizes[s]!) });
    });
    if (allowed.length === 0) return;
    const live = propagated.length - never.filter(Boolean).length;
    const excluded = allowed.reduce((sum, { rule }) => sum + (sizes[s]! - count(propagated[rule]!.box[s]!)), 0);
    const keptShare = live === 0 ? 0 : (live * sizes[s]! - excluded) / (live * sizes[s]!);
    signals.push({ signal: s, cells: sizes[s]!, narrowing: allowed.length, keptShare, allowed });
  });
  signals.sort((a, b) => a.keptShare - b.keptShare || a.signal - b.signal);

  let expected = 0;
  propagated.forEach((p) => {
    if (!p) return;
    let share = 1;
    p.box.forEach((set, s) => (share *= count(set) / sizes[s]!));
    expected += share;
  });
  const rules = model.rules.length;
  return {
    domain,
    signals,
    exact,
    never,
    exactRules: exact.filter(Boolean).length,
    neverRules: never.filter(Boolean).length,
    expectedCandidateShare: rules === 0 ? 0 : expected / rules,
  };
}

/** The cells of `set` as runs of adjacent cells: [first, last, first, last, …]. */
function runsOf(set: CellSet, size: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < size; c++) {
    if (!has(set, c)) continue;
    let last = c;
    while (last + 1 < size && has(set, last + 1)) last++;
    out.push(c, last);
    c = last;
  }
  return out;
}

/** Above this many named values, a string signal's cell is looked up in a Map, not found by a switch. */
const SWITCH_LIMIT = 12;

/**
 * The body of `cellOf_<i>(v)`: the index of the cell holding the VALID value `v` of a signal.
 * Numbers: a balanced search over the cells' upper ends; booleans: a test; strings: a switch, or for
 * many values a lookup in the Map `table` declares (a switch compares strings one case at a time).
 */
export function classifier(type: SignalType, cells: readonly Cell[], tableName: string): { body: string; table: string | null } {
  if ((type.kind === "enum" || type.kind === "text") && cells.filter((c) => c.kind === "value").length > SWITCH_LIMIT) {
    const other = Math.max(0, cells.findIndex((c) => c.kind === "other"));
    const entries = cells.flatMap((cell, i) => (cell.kind === "value" ? [`[${literal(cell.rep)}, ${i}]`] : []));
    return {
      body: `return ${tableName}.get(v) ?? ${other};`,
      table: `const ${tableName}: ReadonlyMap<string, number> = new Map([\n  ${entries.join(",\n  ")},\n]);`,
    };
  }
  return { body: classifierBody(type, cells), table: null };
}

function classifierBody(type: SignalType, cells: readonly Cell[]): string {
  switch (type.kind) {
    case "bool":
      // Cells are [false, true] (domain.ts).
      return "return v ? 1 : 0;";
    case "enum":
    case "text": {
      let other = 0;
      const cases: string[] = [];
      cells.forEach((cell, i) => {
        if (cell.kind === "value") cases.push(`case ${literal(cell.rep)}: return ${i};`);
        else other = i;
      });
      // Enums: validation admits members only, so the default is never taken.
      return `switch (v) {\n${cases.map((c) => `  ${c}`).join("\n")}\n  default: return ${other};\n}`;
    }
    case "number":
    case "duration":
      return `return ${search(cells, 0, cells.length - 1)};`;
  }
}

/** An expression choosing among cells lo..hi (ascending, contiguous over valid values). */
function search(cells: readonly Cell[], lo: number, hi: number): string {
  if (lo === hi) return String(lo);
  const mid = (lo + hi) >> 1;
  const cell = cells[mid]!;
  // INVARIANT: numeric cells are ranges; every cell but the last has an upper end.
  if (cell.kind !== "range" || cell.hi === null) throw new Error("codegen: a numeric cell without an upper end");
  const test = cell.hiClosed ? `v <= ${num(cell.hi)}` : `v < ${num(cell.hi)}`;
  return `(${test} ? ${search(cells, lo, mid)} : ${search(cells, mid + 1, hi)})`;
}

/** The cells of a signal, numbered, for a comment above its bit sets: `0: "free", 1: "pro"` or `0: v < 2, 1: v = 2, 2: 2 < v`. */
export function cellsDescription(sc: { readonly cells: readonly Cell[] }): string {
  return sc.cells
    .map((cell, i) => {
      if (cell.kind === "other") return `${i}: any other`;
      if (cell.kind === "value") return `${i}: ${typeof cell.rep === "string" ? commentText(cell.rep) : String(cell.rep)}`;
      if (cell.lo !== null && cell.lo === cell.hi) return `${i}: v = ${cell.lo}`;
      const lo = cell.lo === null ? "" : `${cell.lo} ${cell.loClosed ? "<=" : "<"} `;
      const hi = cell.hi === null ? "" : ` ${cell.hiClosed ? "<=" : "<"} ${cell.hi}`;
      return `${i}: ${lo}v${hi}`;
    })
    .join(", ");
}
