/**
 * `search` (search.ts) for the shape most questions have — a conjunction whose operands are atoms or
 * disjunctions of atoms (clauses), as "rule k matches and none of these rules does" is when every
 * rule is a conjunction of comparisons — without building a formula per step.
 *
 * It takes EXACTLY the steps the general search takes, so it finds the same box: the state of a step
 * is the box (one flat word array) and, per clause, the bit mask of its atoms still undecided, which is
 * all the general search's simplified formula holds. One round of `propagate` is one pass over the
 * clauses against the box of the round before: a clause with an atom that holds on the whole box is
 * dropped; atoms false on the whole box leave it; a clause left with one atom, or whose atoms left in
 * this pass all compare one signal (`mergeOr`: their union), is a unit, applied after the pass. A
 * split picks the first clause of fewest atoms and its first atom (`pickAtom`), inside first.
 *
 * Other shapes (an `and` inside an `or`, a clause of more than 31 atoms) return undefined: the caller
 * searches them the general way. test/analysis/clause-search.test.ts compares both on random formulas.
 */
import type { CellSet } from "./cellset.ts";
import type { Node } from "./node.ts";

type Box = readonly CellSet[];

/** Atoms in a clause at most: a clause's undecided atoms are one 32-bit mask. */
const MAX_ATOMS = 31;

// Buffers reused from call to call (the search never re-enters itself), grown on demand.
let clauseFrom = new Int32Array(64);
let clauseSize = new Int32Array(64);
let atomSignal = new Int32Array(256);
/** Where atom a's cell set starts in `atomWords` (its signal's width long). */
let atomAt = new Int32Array(256);
let atomWords = new Int32Array(1024);
let atomWordsUsed = 0;
let offset = new Int32Array(32);
let width = new Int32Array(32);
let unitSignal = new Int32Array(64);
let unitWords = new Int32Array(256);
/** One state per depth: the box's words, then one mask per clause. */
let stack = new Int32Array(4096);

let clauses = 0;
let atoms = 0;
let words = 0;
let stride = 0;

/** The box `search(node, box)` returns, null when it returns null, or undefined for another shape. */
export function clauseSearch(node: Node, box: Box): Box | null | undefined {
  const found = clauseFind(node, box);
  return found === undefined ? undefined : found ? foundBox(box) : null;
}

/**
 * Whether `search(node, box)` finds a box (undefined for another shape), without building it: until
 * the next call, `foundSet` reads it.
 */
export function clauseFind(node: Node, box: Box): boolean | undefined {
  if (node.k === "f") return false;
  clauses = 0;
  atoms = 0;
  atomWordsUsed = 0;
  if (node.k === "atom") unitClause(node);
  else if (node.k === "or") {
    if (!addClause(node.ops)) return undefined;
  } else if (node.k === "and") {
    for (const o of node.ops) {
      if (o.k === "atom") unitClause(o);
      else if (o.k !== "or" || !addClause(o.ops)) return undefined;
    }
  }
  layout(box);
  for (let c = 0; c < clauses; c++) stack[words + c] = (1 << clauseSize[c]!) - 1;
  foundIn = box;
  return find(0);
}

/** The box `search` was given at the last `clauseFind`, and scratch sets by width. */
let foundIn: Box = [];
const scratch: Uint32Array[] = [];

/**
 * Signal s's cells in the box the last `clauseFind` found: the given box's own set when they are the
 * same, else a scratch set the next call to `foundSet` for a signal of the same width overwrites.
 */
export function foundSet(s: number): CellSet {
  const set = foundIn[s]!;
  const o = offset[s]!;
  let same = true;
  for (let i = 0; i < set.length; i++) if (stack[o + i] !== (set[i]! | 0)) same = false;
  if (same) return set;
  const out = (scratch[set.length] ??= new Uint32Array(set.length));
  for (let i = 0; i < set.length; i++) out[i] = stack[o + i]!;
  return out;
}

/** Adds a clause of these operands; false when one is not an atom or there are too many. */
function addClause(ops: readonly Node[]): boolean {
  if (ops.length > MAX_ATOMS) return false;
  for (const o of ops) if (o.k !== "atom") return false;
  openClause(ops.length);
  for (const o of ops) if (o.k === "atom") addAtom(o.s, o.set);
  return true;
}

function unitClause(atom: { s: number; set: CellSet }): void {
  openClause(1);
  addAtom(atom.s, atom.set);
}

function openClause(size: number): void {
  if (clauses === clauseFrom.length) {
    clauseFrom = grow(clauseFrom);
    clauseSize = grow(clauseSize);
  }
  clauseFrom[clauses] = atoms;
  clauseSize[clauses] = size;
  clauses++;
}

function addAtom(s: number, set: CellSet): void {
  if (atoms === atomSignal.length) {
    atomSignal = grow(atomSignal);
    atomAt = grow(atomAt);
  }
  if (atomWordsUsed + set.length > atomWords.length) atomWords = growWords(atomWords, atomWordsUsed + set.length);
  atomSignal[atoms] = s;
  atomAt[atoms] = atomWordsUsed;
  for (let i = 0; i < set.length; i++) atomWords[atomWordsUsed + i] = set[i]! | 0;
  atomWordsUsed += set.length;
  atoms++;
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Places the box's signals in one word array, and the box at depth 0. */
function layout(box: Box): void {
  if (offset.length < box.length) {
    offset = new Int32Array(box.length * 2);
    width = new Int32Array(box.length * 2);
  }
  words = 0;
  for (let s = 0; s < box.length; s++) {
    offset[s] = words;
    width[s] = box[s]!.length;
    words += box[s]!.length;
  }
  stride = words + clauses;
  ensureDepth(1);
  for (let s = 0; s < box.length; s++) {
    const set = box[s]!;
    const o = offset[s]!;
    for (let i = 0; i < set.length; i++) stack[o + i] = set[i]! | 0;
  }
}

function ensureDepth(depth: number): void {
  if ((depth + 1) * stride <= stack.length) return;
  const bigger = new Int32Array(Math.max(stack.length * 2, (depth + 1) * stride * 2));
  bigger.set(stack);
  stack = bigger;
}

/** `search` from the state at `depth`: true when a box is found (left at `depth`). */
function find(depth: number): boolean {
  const base = depth * stride;
  if (!propagate(base)) return false;
  // The split: the first clause of fewest atoms, its first atom.
  let best = -1;
  let bestSize = 33;
  for (let c = 0; c < clauses; c++) {
    const mask = stack[base + words + c]!;
    if (mask === 0) continue;
    const size = bits(mask);
    if (size < bestSize) {
      best = c;
      bestSize = size;
    }
  }
  if (best < 0) return true;
  const mask = stack[base + words + best]!;
  const a = clauseFrom[best]! + 31 - Math.clz32(mask & -mask);
  const s = atomSignal[a]!;
  const at = atomAt[a]!;
  ensureDepth(depth + 1);
  const next = base + stride;
  for (let side = 0; side < 2; side++) {
    const inside = side === 0;
    for (let i = 0; i < stride; i++) stack[next + i] = stack[base + i]!;
    const o = next + offset[s]!;
    for (let w = 0; w < width[s]!; w++) stack[o + w] = inside ? stack[o + w]! & atomWords[at + w]! : stack[o + w]! & ~atomWords[at + w]!;
    if (find(depth + 1)) {
      for (let i = 0; i < stride; i++) stack[base + i] = stack[next + i]!;
      return true;
    }
  }
  return false;
}

/**
 * `propagate` on the state at `base`, in place: passes over the clauses until one finds no unit. False
 * when the formula is false on the box (a clause lost every atom, or a unit emptied a signal).
 */
function propagate(base: number): boolean {
  // Module bindings read into locals: the loops below are the solver's inner loop.
  const st = stack;
  const aw = atomWords;
  const sig = atomSignal;
  const aat = atomAt;
  const from = clauseFrom;
  const off = offset;
  const wid = width;
  const n = clauses;
  const masks = base + words;
  for (;;) {
    let units = 0;
    let unitAt = 0;
    for (let c = 0; c < n; c++) {
      const mask = st[masks + c]!;
      if (mask === 0) continue;
      const first = from[c]!;
      let left = mask;
      let holds = false;
      for (let m = mask; m !== 0; m &= m - 1) {
        const k = 31 - Math.clz32(m & -m);
        const a = first + k;
        const s = sig[a]!;
        const o = base + off[s]!;
        const at = aat[a]!;
        let outside = 0;
        let inside = 0;
        for (let i = 0, w = wid[s]!; i < w; i++) {
          const b = st[o + i]!;
          const x = aw[at + i]!;
          outside |= b & ~x;
          inside |= b & x;
        }
        if (outside === 0) {
          holds = true;
          break;
        }
        if (inside === 0) left &= ~(1 << k);
      }
      if (holds) {
        st[masks + c] = 0;
        continue;
      }
      if (left === 0) return false;
      const single = (left & (left - 1)) === 0;
      let s = -1;
      if (single) s = sig[first + 31 - Math.clz32(left)]!;
      else if (left !== mask) s = oneSignal(c, left);
      if (s < 0) {
        st[masks + c] = left;
        continue;
      }
      // A unit (one atom, or the union of atoms on one signal): it holds once applied, so the clause goes.
      st[masks + c] = 0;
      const w = wid[s]!;
      if (unitAt + w > unitWords.length) unitWords = growWords(unitWords, unitAt + w);
      if (units === unitSignal.length) unitSignal = grow(unitSignal);
      const uw = unitWords;
      for (let i = 0; i < w; i++) uw[unitAt + i] = 0;
      for (let m = left; m !== 0; m &= m - 1) {
        const at = aat[first + 31 - Math.clz32(m & -m)]!;
        for (let i = 0; i < w; i++) uw[unitAt + i]! |= aw[at + i]!;
      }
      // A merged atom holding on the whole box is true, not a unit (`simplify` of it, in `mergeOr`).
      if (!single && coversBox(base, s, unitAt)) continue;
      unitSignal[units++] = s;
      unitAt += w;
    }
    if (units === 0) return true;
    unitAt = 0;
    const uw = unitWords;
    for (let u = 0; u < units; u++) {
      const s = unitSignal[u]!;
      const o = base + off[s]!;
      const w = wid[s]!;
      let any = 0;
      for (let i = 0; i < w; i++) any |= st[o + i] = st[o + i]! & uw[unitAt + i]!;
      if (any === 0) return false;
      unitAt += w;
    }
  }
}

/** Whether the unit words at `at` hold every cell of signal s in the box at `base`. */
function coversBox(base: number, s: number, at: number): boolean {
  const o = base + offset[s]!;
  for (let i = 0; i < width[s]!; i++) if ((stack[o + i]! & ~unitWords[at + i]!) !== 0) return false;
  return true;
}

/** The one signal the atoms of clause c in `mask` compare, or -1 when they compare several. */
function oneSignal(c: number, mask: number): number {
  let s = -1;
  for (let m = mask; m !== 0; m &= m - 1) {
    const t = atomSignal[clauseFrom[c]! + 31 - Math.clz32(m & -m)]!;
    if (s >= 0 && t !== s) return -1;
    s = t;
  }
  return s;
}

function bits(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

function growWords(a: Int32Array, least: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(a.length * 2, least));
  b.set(a);
  return b;
}

/** The box the last `clauseFind` found, sharing the given box's sets where a signal kept them all. */
function foundBox(box: Box): Box {
  return box.map((set, s) => {
    const o = offset[s]!;
    let same = true;
    for (let i = 0; i < set.length; i++) if (stack[o + i] !== (set[i]! | 0)) same = false;
    return same ? set : new Uint32Array(stack.subarray(o, o + set.length));
  });
}
