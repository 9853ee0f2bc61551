// clause-search.ts must take the general search's steps: on random conjunctions of clauses (and on
// other shapes, which it hands back) `search` returns exactly the box `generalSearch` returns.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clauseSearch } from "../../compiler/analysis/solver/clause-search.ts";
import { add, emptySet, fullSet, type CellSet } from "../../compiler/analysis/solver/cellset.ts";
import { and, atomNode, or, type Node } from "../../compiler/analysis/solver/node.ts";
import { generalSearch, search, type Box } from "../../compiler/analysis/solver/search.ts";

/** A random formula over signals of `sizes` cells (few signals, so clauses often meet on one), and a box. */
function randomCase(seed: number, shape: "clauses" | "any"): { node: Node; box: Box } {
  let x = seed >>> 0 || 1;
  const random = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  const int = (n: number) => Math.floor(random() * n);
  const signals = 1 + int(5);
  const sizes = Array.from({ length: signals }, () => (random() < 0.2 ? 33 + int(60) : 2 + int(8)));
  const subset = (size: number, p: number): CellSet => {
    const set = emptySet(size);
    for (let c = 0; c < size; c++) if (random() < p) add(set, c);
    return set;
  };
  const atom = (): Node => {
    const s = int(signals);
    return atomNode(s, subset(sizes[s]!, 0.2 + random() * 0.6), sizes[s]!);
  };
  const clause = (): Node => (random() < 0.3 ? atom() : or(Array.from({ length: 2 + int(4) }, atom)));
  const any = (depth: number): Node =>
    depth === 0 || random() < 0.3 ? atom() : (random() < 0.5 ? and : or)(Array.from({ length: 2 + int(3) }, () => any(depth - 1)));
  const node = shape === "clauses" ? and(Array.from({ length: 1 + int(10) }, clause)) : any(3);
  const box = sizes.map((size) => (random() < 0.7 ? fullSet(size) : subset(size, 0.8)));
  return { node, box: box.map((set, s) => (set.some((w) => w !== 0) ? set : fullSet(sizes[s]!))) };
}

const plain = (box: Box | null) => box && box.map((set) => [...set]);

describe("clause search", () => {
  it("finds the box the general search finds, on conjunctions of clauses", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { node, box } = randomCase(seed, "clauses");
        expect(clauseSearch(node, box)).not.toBe(undefined);
        expect(plain(search(node, box))).toEqual(plain(generalSearch(node, box)));
      }),
      { numRuns: 3000 },
    );
  });

  it("hands other shapes back, so search agrees on any formula", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { node, box } = randomCase(seed, "any");
        expect(plain(search(node, box))).toEqual(plain(generalSearch(node, box)));
      }),
      { numRuns: 2000 },
    );
  });
});
