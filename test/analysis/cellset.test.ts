// Full sets are built word by word; they must hold exactly the cells 0..size-1 at every width,
// including the word boundaries, and isFull must recognise exactly them.
import { describe, expect, it } from "vitest";
import { count, emptySet, fullSet, has, isFull, minus, add } from "../../compiler/analysis/solver/cellset.ts";

describe("cell sets", () => {
  it("fullSet holds exactly 0..size-1 and isFull recognises it", () => {
    for (let size = 0; size <= 130; size++) {
      const full = fullSet(size);
      expect(full.length).toBe((size + 31) >>> 5);
      expect(count(full)).toBe(size);
      for (let i = 0; i < size; i++) expect(has(full, i)).toBe(true);
      expect(isFull(full, size)).toBe(true);
      for (let i = 0; i < size; i++) {
        const one = emptySet(size);
        add(one, i);
        expect(isFull(minus(full, one), size)).toBe(false);
      }
    }
  });
});
