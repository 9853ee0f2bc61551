/** docs/formatting.md shows the real layout: its examples are canonical, and each "becomes" pair is real. */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { fmt } from "../support/format.ts";

const guide = readFileSync(new URL("../../docs/formatting.md", import.meta.url), "utf8");
/** Each ```handoff block (unindented) and whether the text after it says `becomes`. */
const blocks = [...guide.matchAll(/^( *)```handoff\n([\s\S]*?)^\1```\n( *becomes\n)?/gm)].map((m) => ({
  text: m[2]!.split("\n").map((l) => l.slice(m[1]!.length)).join("\n"),
  becomes: m[3] !== undefined,
}));

it("every example in docs/formatting.md is in the canonical layout, or becomes the next one", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  blocks.forEach((block, i) => {
    const expected = block.becomes ? blocks[i + 1]!.text : block.text;
    expect(fmt(block.text)).toBe(expected);
  });
});
