/**
 * The semantic difference between two versions of a contract (`handoff diff`): on which valid inputs
 * they decide differently, as regions of readable constraints with one example each.
 *
 * A decision is compared by action, owner and deadline (`within`, business time apart from wall-clock time); the deciding rule's name, urgency
 * and clauses are not compared. Both contracts must declare the same signals with the same types.
 *
 * Method: one domain cut at the literals of both contracts. "The decision changed" is
 * OR over decisions d of (old decides d and new does not), asked once (equivalent contracts stop here);
 * then for each old outcome whose decision can change, each new outcome with another decision that
 * can win there gives a region "old i wins and new j wins", enumerated as disjoint boxes of cells.
 */
import type { Example } from "../../diagnostics/index.ts";
import { actionNames, type ActionName } from "../../grammar/vocabulary.ts";
import { showValue } from "../explain.ts";
import { decisionSignals, staffingCalendar, type ContractModel, type OutcomeModel, type SignalType, type SignalValue } from "../model.ts";
import { members } from "./solver/cellset.ts";
import { literalsOf, makeDomain, type Domain, type SignalCells } from "./solver/domain.ts";
import type { Formula } from "./solver/formula.ts";
import { and, compile, or, type Node } from "./solver/node.ts";
import { allBoxes, exampleOf, fullBox, search, withCell, type Box } from "./solver/search.ts";
import { winsFormula } from "./wins.ts";

export interface DecisionSummary {
  /** The deciding rule, or `otherwise`. */
  readonly rule: string;
  readonly action: ActionName;
  readonly owner: string | null;
  readonly withinSeconds: number | null;
  /** Present when the deadline counts business time: `within 4 business hours` differs from `within 4h`. */
  readonly businessTime?: true;
}

export interface Region {
  /** Constraints that hold throughout the region (`-0.5 <= sentiment < -0.3`); [] means every input. */
  readonly where: readonly string[];
  readonly from: DecisionSummary;
  readonly to: DecisionSummary;
}

/** One changed cell of the matrix: every input whose decision moves from action `from` to action `to`. */
export interface Change {
  readonly from: ActionName;
  readonly to: ActionName;
  /**
   * What every such input has in common: per signal, the cells that occur in any of them, written as
   * constraints (signals that can take any value are left out). Exact, not drawn from the listed regions.
   */
  readonly common: readonly string[];
  /** Disjoint regions of such inputs, at most `maxRegions` of them. */
  readonly regions: readonly Region[];
  /** Regions not listed. */
  readonly moreRegions: number;
  /** One input in the first region, with its old and new decision. */
  readonly example: { readonly input: Example; readonly from: DecisionSummary; readonly to: DecisionSummary };
}

export interface SemanticDiff {
  readonly equivalent: boolean;
  /** matrix[old action][new action]: how many regions move between the two (diagonal: owner or within changed). */
  readonly matrix: Readonly<Record<ActionName, Readonly<Record<ActionName, number>>>>;
  readonly changes: readonly Change[];
  /** Rules (by name, present in both) that could win before and cannot now, and the reverse. */
  readonly becameUnreachable: readonly string[];
  readonly becameReachable: readonly string[];
}

/** Why the two contracts cannot be compared, or null when they can. */
export function incompatibility(before: ContractModel, after: ContractModel): string | null {
  const olds = new Map(before.signals.map((s) => [s.name, s.type]));
  const news = new Map(after.signals.map((s) => [s.name, s.type]));
  for (const name of olds.keys()) if (!news.has(name)) return `signal \`${name}\` is declared only in the old contract`;
  for (const name of news.keys()) if (!olds.has(name)) return `signal \`${name}\` is declared only in the new contract`;
  for (const [name, type] of olds) if (!sameType(type, news.get(name)!)) return `signal \`${name}\` has a different type or range in the two contracts`;
  return null;
}

function sameType(a: SignalType, b: SignalType): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "number" && b.kind === "number") return a.integer === b.integer && a.min === b.min && a.max === b.max;
  if (a.kind === "enum" && b.kind === "enum") return [...a.members].sort().join("|") === [...b.members].sort().join("|");
  return true;
}

/** INVARIANT: `incompatibility(before, after)` is null. */
export function semanticDiff(before: ContractModel, after: ContractModel, maxRegions = 5): SemanticDiff {
  // The calendars either version asks about are booleans of the domain too.
  const staffed = [...decisionSignals(after), ...decisionSignals(before).filter((s) => s.name.startsWith("@") && !(after.staffed ?? []).includes(s.name.slice(1)))];
  const domain = makeDomain(staffed, literalsOf([...before.rules, ...after.rules].map((r) => r.condition)));
  const oldSide = side(domain, before);
  const newSide = side(domain, after);
  const matrix = Object.fromEntries(actionNames.map((a) => [a, Object.fromEntries(actionNames.map((b) => [b, 0]))])) as Record<ActionName, Record<ActionName, number>>;
  const cells = new Map<string, { from: ActionName; to: ActionName; regions: Region[]; boxes: number; example: Change["example"]; formulas: Node[] }>();

  const keys = new Set([...oldSide.outcomes.map((o) => o.key), ...newSide.outcomes.map((o) => o.key)]);
  const changed = orNodes([...keys].map((k) => and([oldSide.decides(k), newSide.notDecides(k)])));
  if (search(changed, fullBox(domain)) !== null) {
    for (const o of oldSide.outcomes) {
      if (search(and([o.wins, newSide.notDecides(o.key)]), fullBox(domain)) === null) continue;
      for (const n of newSide.outcomes) {
        if (n.key === o.key) continue;
        const boxes = allBoxes(and([o.wins, n.wins]), fullBox(domain), maxRegions + 1);
        if (boxes.length === 0) continue;
        const from = o.summary.action;
        const to = n.summary.action;
        matrix[from][to] += boxes.length;
        const id = `${from}>${to}`;
        const cell = cells.get(id) ?? { from, to, regions: [], boxes: 0, example: { input: exampleOf(domain, boxes[0]!), from: o.summary, to: n.summary }, formulas: [] };
        cells.set(id, cell);
        cell.formulas.push(and([o.wins, n.wins]));
        cell.boxes += boxes.length;
        for (const box of boxes) if (cell.regions.length < maxRegions) cell.regions.push({ where: describeBox(domain, box), from: o.summary, to: n.summary });
      }
    }
  }
  const order = (a: ActionName) => actionNames.indexOf(a);
  const changes: Change[] = [...cells.values()]
    .sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to))
    .map((c) => ({ from: c.from, to: c.to, common: commonGround(domain, c.formulas), regions: c.regions, moreRegions: c.boxes - c.regions.length, example: c.example }));

  const reachable = (s: Side) => new Map(s.outcomes.filter((o) => o.summary.rule !== "otherwise").map((o) => [o.summary.rule, search(o.wins, fullBox(domain)) !== null]));
  const oldReach = reachable(oldSide);
  const newReach = reachable(newSide);
  const both = [...newReach.keys()].filter((name) => oldReach.has(name));
  return {
    equivalent: changes.length === 0,
    matrix,
    changes,
    becameUnreachable: both.filter((name) => oldReach.get(name) && !newReach.get(name)),
    becameReachable: both.filter((name) => !oldReach.get(name) && newReach.get(name)),
  };
}

interface SideOutcome {
  readonly key: string;
  readonly summary: DecisionSummary;
  readonly wins: Node;
}

interface Side {
  readonly outcomes: readonly SideOutcome[];
  /** "This contract's decision is `key`". */
  decides(key: string): Node;
  /** "Its decision is not `key`": every input has exactly one winner, so one of the other outcomes wins. */
  notDecides(key: string): Node;
}

function side(domain: Domain, model: ContractModel): Side {
  const outcomes: SideOutcome[] = [];
  const add = (o: OutcomeModel, formula: Formula) =>
    outcomes.push({
      key: keyOf(o),
      summary: { rule: o.name, action: o.action, owner: o.owner, withinSeconds: o.withinSeconds, ...(o.businessTime ? { businessTime: true as const } : {}) },
      wins: compile(domain, formula),
    });
  model.rules.forEach((rule, i) => add(rule, winsFormula(model, i)));
  // Without `otherwise`, an input no rule matches gets the `on invalid` outcome (it is reported as `incomplete`).
  add(model.otherwise ?? model.onInvalid, winsFormula(model, -1));
  const decides = (key: string) => orNodes(outcomes.filter((o) => o.key === key).map((o) => o.wins));
  const notDecides = (key: string) => orNodes(outcomes.filter((o) => o.key !== key).map((o) => o.wins));
  return { outcomes, decides, notDecides };
}

function keyOf(o: OutcomeModel): string {
  return JSON.stringify(o.businessTime ? [o.action, o.owner, o.withinSeconds, "business"] : [o.action, o.owner, o.withinSeconds]);
}

function orNodes(nodes: readonly Node[]): Node {
  return or(nodes);
}

function describeBox(domain: Domain, box: Box): string[] {
  const out: string[] = [];
  domain.signals.forEach((sc, s) => {
    const text = describeCells(sc, members(box[s]!, sc.cells.length));
    if (text !== null) out.push(text);
  });
  return out;
}

/**
 * The projection of the inputs satisfying any of `formulas` onto each signal, as constraints: a cell of
 * a signal belongs when some satisfying input lies in it (one exact search per cell).
 */
function commonGround(domain: Domain, formulas: readonly Node[]): string[] {
  const full = fullBox(domain);
  const out: string[] = [];
  domain.signals.forEach((sc, s) => {
    const present: number[] = [];
    for (let c = 0; c < sc.cells.length; c++) {
      const box = withCell(full, s, c);
      if (formulas.some((f) => search(f, box) !== null)) present.push(c);
    }
    const text = describeCells(sc, present);
    if (text !== null) out.push(text);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Readable constraints for the regions, values in the author's notation (`showValue`).

/** The signal's cells in `chosen` as a readable constraint (`-0.5 <= sentiment < -0.3`), or null when it allows every cell. */
export function describeCells(sc: SignalCells, chosen: readonly number[]): string | null {
  const { signal, cells } = sc;
  if (chosen.length === cells.length) return null;
  const name = signal.name;
  const type = signal.type;
  const calendar = staffingCalendar(name);
  if (calendar !== null) return `calendar ${calendar} is ${cells[chosen[0]!]!.rep === true ? "open" : "closed"}`;
  if (type.kind === "bool") return `${name} = ${showValue(type, cells[chosen[0]!]!.rep)}`;
  if (type.kind === "enum" || type.kind === "text") {
    const show = (v: SignalValue) => showValue(type, v);
    const inSet = new Set(chosen);
    const hasOther = chosen.some((i) => cells[i]!.kind === "other");
    const listed = chosen.filter((i) => cells[i]!.kind !== "other").map((i) => show(cells[i]!.rep));
    const missing = cells.map((_, i) => i).filter((i) => !inSet.has(i) && cells[i]!.kind !== "other").map((i) => show(cells[i]!.rep));
    if (hasOther || missing.length < listed.length) {
      if (missing.length === 0) return `${name} not in [${listed.join(", ")}]`; // only "other" excluded: impossible (text only)
      return missing.length === 1 ? `${name} != ${missing[0]}` : `${name} not in [${missing.join(", ")}]`;
    }
    return listed.length === 1 ? `${name} = ${listed[0]}` : `${name} in [${listed.join(", ")}]`;
  }
  // Numbers: merge runs of adjacent cells into intervals.
  // Bounds are literals or range ends: whole seconds for a duration, which `showValue` writes in units.
  const show = (v: number) => showValue(type, v);
  const min = type.kind === "number" ? type.min : 0;
  const max = type.kind === "number" ? type.max : null;
  const parts: string[] = [];
  for (let k = 0; k < chosen.length; ) {
    let end = k;
    while (end + 1 < chosen.length && chosen[end + 1] === chosen[end]! + 1) end++;
    const first = cells[chosen[k]!]!;
    const last = cells[chosen[end]!]!;
    if (first === last && first.kind === "range" && first.lo === first.hi && first.lo !== null) parts.push(`${name} = ${show(first.lo)}`);
    else if (first.kind === "range" && last.kind === "range") {
      const lo = first.lo !== null && !(first.loClosed && first.lo === min) ? first.lo : null;
      const hi = last.hi !== null && !(last.hiClosed && last.hi === max) ? last.hi : null;
      if (lo !== null && hi !== null && lo === hi) parts.push(`${name} = ${show(lo)}`);
      else if (lo !== null && hi !== null) parts.push(`${show(lo)} ${first.loClosed ? "<=" : "<"} ${name} ${last.hiClosed ? "<=" : "<"} ${show(hi)}`);
      else if (lo !== null) parts.push(`${name} ${first.loClosed ? ">=" : ">"} ${show(lo)}`);
      else if (hi !== null) parts.push(`${name} ${last.hiClosed ? "<=" : "<"} ${show(hi)}`);
    }
    k = end + 1;
  }
  return parts.length === 1 ? parts[0]! : `(${parts.join(" or ")})`;
}
