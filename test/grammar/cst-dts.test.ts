import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { cstDtsPath, renderCstDts } from "../../scripts/gen-cst-dts.ts";

it("grammar/cst.d.ts matches the parser (regenerate with `npx tsx scripts/gen-cst-dts.ts`)", () => {
  expect(readFileSync(cstDtsPath, "utf8")).toBe(renderCstDts());
});
