/**
 * Which rules of a growing set may match together with a given rule, without comparing it with every
 * rule of the set.
 *
 * Each rule has a hull: per signal, the cells its condition can hold in (see ../context.ts). Two rules can
 * only match together if their hulls meet on every signal, so it is enough to look, on ONE signal, at
 * the members whose hull meets the rule's there. The index keeps, per signal, the members that narrow it,
 * listed under each block of cells their hull meets (a block is one cell for signals of up to MAX_BLOCKS
 * cells, else a run of consecutive cells, so a hull over thousands of cells of a number is listed, and
 * counted, in at most MAX_BLOCKS places), and apart from them the members that leave it whole. For a
 * query it picks the signal with the fewest such candidates (an estimate from list lengths) — in
 * contracts shaped like routing tables, the product or region a rule is keyed by — and confirms each
 * candidate on every signal. This is the idea of the indexes used to match boolean expressions in ad
 * selection (Whang et al., "Indexing Boolean Expressions", VLDB 2009): partition by the most selective
 * attribute, then verify.
 *
 * INVARIANT: `query(i)` holds every member j ≠ i whose hull meets rule i's on every signal, ascending.
 */
import { count, equal, firstFrom, intersects, type CellSet } from "./cellset.ts";

const MAX_BLOCKS = 64;

/** A rule's hull: the possible cells per signal, or null when the rule can never match. */
export type Hull = readonly CellSet[] | null;

export interface OverlapIndex {
  /** Makes rule i a member (rules with a null hull are ignored). */
  add(i: number): void;
  /** The members (≠ i, ascending) whose hulls meet rule i's on every signal. */
  query(i: number): number[];
  /** True when the hulls of rules i and j meet on every signal. */
  overlaps(i: number, j: number): boolean;
}

/** An empty index over rules with these hulls, inside the box `full` (every cell of every signal). */
export function overlapIndex(hulls: readonly Hull[], full: readonly CellSet[]): OverlapIndex {
  const cellCounts = full.map(count);
  // The signals each hull narrows: only they can separate two hulls.
  const narrowed = hulls.map((h) => (h ? h.flatMap((set, s) => (equal(set, full[s]!) ? [] : [s])) : []));
  const blockSizes = cellCounts.map((n) => Math.max(1, Math.ceil(n / MAX_BLOCKS)));
  const byBlock: number[][][] = cellCounts.map((n, s) => Array.from({ length: Math.ceil(n / blockSizes[s]!) }, () => []));
  const whole: number[][] = cellCounts.map(() => []);
  const members: number[] = [];
  // A stamp per rule, so a candidate listed under several blocks is taken once per query.
  const seen = new Int32Array(hulls.length).fill(-1);
  let queries = 0;

  /** The blocks of signal s that `set` has a cell in, ascending. */
  const blocksOf = (set: CellSet, s: number): number[] => {
    const size = blockSizes[s]!;
    const out: number[] = [];
    for (let c = firstFrom(set, 0); c >= 0 && c < cellCounts[s]!; c = firstFrom(set, (Math.floor(c / size) + 1) * size)) {
      out.push(Math.floor(c / size));
    }
    return out;
  };

  const overlaps = (i: number, j: number): boolean => {
    const a = hulls[i];
    const b = hulls[j];
    if (!a || !b) return false;
    const few = narrowed[i]!.length <= narrowed[j]!.length ? narrowed[i]! : narrowed[j]!;
    for (const s of few) if (!intersects(a[s]!, b[s]!)) return false;
    return true;
  };

  const add = (i: number): void => {
    const hull = hulls[i];
    if (!hull) return;
    members.push(i);
    const mine = new Set(narrowed[i]);
    cellCounts.forEach((_, s) => {
      if (!mine.has(s)) whole[s]!.push(i);
      else for (const b of blocksOf(hull[s]!, s)) byBlock[s]![b]!.push(i);
    });
  };

  const query = (i: number): number[] => {
    const hull = hulls[i];
    if (!hull) return [];
    let best = -1;
    let bestSize = members.length;
    let bestBlocks: readonly number[] = [];
    for (const s of narrowed[i]!) {
      const blocks = blocksOf(hull[s]!, s);
      let size = whole[s]!.length;
      for (let k = 0; k < blocks.length && size < bestSize; k++) size += byBlock[s]![blocks[k]!]!.length;
      if (size < bestSize) {
        best = s;
        bestSize = size;
        bestBlocks = blocks;
      }
    }
    const stamp = queries++;
    const out: number[] = [];
    const consider = (list: readonly number[]): void => {
      for (const j of list) {
        if (j === i || seen[j] === stamp) continue;
        seen[j] = stamp;
        if (overlaps(i, j)) out.push(j);
      }
    };
    if (best < 0) consider(members);
    else {
      consider(whole[best]!);
      for (const b of bestBlocks) consider(byBlock[best]![b]!);
    }
    return out.sort((a, b) => a - b);
  };

  return { add, query, overlaps };
}
