/**
 * Sets of cell indices of one signal, as fixed-width bit sets (the bit-vector representation of a set
 * over a small finite universe: one machine word holds 32 members, and union, intersection and
 * inclusion are word-wise). Every operation returns a fresh set (or reads only); sets of the same
 * signal always have the same width.
 */
export type CellSet = Uint32Array;

export function emptySet(size: number): CellSet {
  return new Uint32Array((size + 31) >>> 5);
}

export function fullSet(size: number): CellSet {
  const set = emptySet(size).fill(0xffffffff);
  if (size & 31) set[set.length - 1] = lastWord(size);
  return set;
}

/** The last word of the full set of `size` cells. */
function lastWord(size: number): number {
  return size & 31 ? 0xffffffff >>> (32 - (size & 31)) : 0xffffffff;
}

/** Whether `set` holds every cell of `0..size-1` (and no other). */
export function isFull(set: CellSet, size: number): boolean {
  const last = set.length - 1;
  for (let w = 0; w < last; w++) if (set[w] !== 0xffffffff) return false;
  return last < 0 || set[last] === lastWord(size);
}

export function has(set: CellSet, i: number): boolean {
  return (set[i >>> 5]! & (1 << (i & 31))) !== 0;
}

export function add(set: CellSet, i: number): void {
  set[i >>> 5]! |= 1 << (i & 31);
}

export function intersect(a: CellSet, b: CellSet): CellSet {
  const out = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) out[w] = a[w]! & b[w]!;
  return out;
}

export function union(a: CellSet, b: CellSet): CellSet {
  const out = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) out[w] = a[w]! | b[w]!;
  return out;
}

export function minus(a: CellSet, b: CellSet): CellSet {
  const out = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) out[w] = a[w]! & ~b[w]!;
  return out;
}

/** The cells of `0..size-1` not in `a`. */
export function complement(a: CellSet, size: number): CellSet {
  return minus(fullSet(size), a);
}

export function isEmpty(a: CellSet): boolean {
  for (let w = 0; w < a.length; w++) if (a[w] !== 0) return false;
  return true;
}

export function intersects(a: CellSet, b: CellSet): boolean {
  for (let w = 0; w < a.length; w++) if ((a[w]! & b[w]!) !== 0) return true;
  return false;
}

/** a ⊆ b */
export function subset(a: CellSet, b: CellSet): boolean {
  for (let w = 0; w < a.length; w++) if ((a[w]! & ~b[w]!) !== 0) return false;
  return true;
}

export function equal(a: CellSet, b: CellSet): boolean {
  for (let w = 0; w < a.length; w++) if (a[w] !== b[w]) return false;
  return true;
}

export function members(a: CellSet, size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < size; i++) if (has(a, i)) out.push(i);
  return out;
}

export function count(a: CellSet): number {
  let n = 0;
  for (let w = 0; w < a.length; w++) n += bitCount(a[w]!);
  return n;
}

/** The number of cells in both `a` and `b` (count of their intersection, without building it). */
export function countBoth(a: CellSet, b: CellSet): number {
  let n = 0;
  for (let w = 0; w < a.length; w++) n += bitCount(a[w]! & b[w]!);
  return n;
}

/** The set bits of a 32-bit word (the SWAR population count). */
function bitCount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Adds the cells `from..to-1`, a word at a time. */
export function addRange(set: CellSet, from: number, to: number): void {
  for (let i = from; i < to; ) {
    const w = i >>> 5;
    const lo = i & 31;
    const hi = Math.min(32, lo + (to - i));
    set[w]! |= (hi === 32 ? -1 >>> 0 : (1 << hi) - 1) & ~((1 << lo) - 1);
    i += hi - lo;
  }
}

/** The smallest member `>= from`, or -1. */
export function firstFrom(set: CellSet, from: number): number {
  for (let w = from >>> 5; w < set.length; w++) {
    let x = set[w]!;
    if (w === from >>> 5) x &= ~((1 << (from & 31)) - 1);
    if (x !== 0) return (w << 5) + 31 - Math.clz32(x & -x);
  }
  return -1;
}

/** The largest member `< before`, or -1. */
export function lastBefore(set: CellSet, before: number): number {
  if (before <= 0) return -1;
  const top = (before - 1) >>> 5;
  for (let w = top; w >= 0; w--) {
    let x = set[w]!;
    if (w === top && ((before - 1) & 31) !== 31) x &= (1 << (((before - 1) & 31) + 1)) - 1;
    if (x !== 0) return (w << 5) + 31 - Math.clz32(x);
  }
  return -1;
}
