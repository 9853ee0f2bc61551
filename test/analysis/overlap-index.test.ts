// The overlap index answers "which members may match together with rule i" from one signal's lists;
// it must return exactly what comparing rule i with every member would.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fullSet, intersects, type CellSet } from "../../compiler/analysis/solver/cellset.ts";
import { overlapIndex, type Hull } from "../../compiler/analysis/solver/overlap-index.ts";

const sizes = [2, 3, 7, 40];

/** A hull per rule: per signal, a non-empty set of cells (often all of them), or null (never matches). */
const hulls: fc.Arbitrary<Hull[]> = fc.array(
  fc.option(
    fc.tuple(
      ...sizes.map((size) =>
        fc.oneof(
          fc.constant(fullSet(size)),
          fc.uniqueArray(fc.nat(size - 1), { minLength: 1, maxLength: size }).map((cells) => {
            const set = new Uint32Array((size + 31) >>> 5);
            for (const c of cells) set[c >>> 5]! |= 1 << (c & 31);
            return set as CellSet;
          }),
        ),
      ),
    ),
    { freq: 8 },
  ),
  { minLength: 1, maxLength: 40 },
);

describe("the overlap index", () => {
  it("returns, ascending, exactly the members whose hulls meet the rule's on every signal", () => {
    fc.assert(
      fc.property(hulls, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (hs, isMember) => {
        const index = overlapIndex(hs, sizes.map(fullSet));
        const members = hs.flatMap((h, i) => (h && isMember[i] ? [i] : []));
        members.forEach((i) => index.add(i));
        hs.forEach((h, i) => {
          const expected = members.filter((j) => j !== i && h !== null && hs[j]!.every((set, s) => intersects(set, h[s]!)));
          expect(index.query(i)).toEqual(expected);
        });
      }),
      { numRuns: 300 },
    );
  });
});
