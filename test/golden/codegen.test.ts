// Golden generated modules: the module for each contract here is compared byte for byte with the .ts
// beside it in test/golden/codegen/. `npm run golden:accept` rewrites them; read the diff first.
// The inlined runtime prelude is elided from the golden files (it is the same in every module and
// reviewed in runtime/prelude/; test/codegen/module.test.ts checks it is inlined whole), so a change
// there does not touch every golden.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate, type Strategy } from "../../compiler/codegen/index.ts";
import { check } from "../../compiler/compile.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { firstMatch, supportDesk } from "../support/model-fixtures.ts";
import { expectGolden } from "./golden.ts";

const dir = join(import.meta.dirname, "codegen");
const BANNER = "// Runtime prelude";

/** The module of examples/support.handoff, through parse and check. */
function example(file: string): ContractModel {
  const { model, diagnostics } = check(readFileSync(join(import.meta.dirname, "../../examples", file), "utf8"), { fileName: file });
  if (model === null) throw new Error(`${file} has errors: ${diagnostics.map((d) => d.message).join("; ")}`);
  return model;
}

const cases: [string, () => ContractModel, Strategy | undefined][] = [
  ["support", () => example("support.handoff"), undefined],
  ["support-desk.model", () => supportDesk, undefined],
  ["first-match.model", () => firstMatch, undefined],
  // The large-contract strategies, on a small contract so the whole module can be read.
  ["support-desk.indexed", () => supportDesk, "indexed"],
  ["first-match.chunked", () => firstMatch, "chunked"],
  // Calendars: the calendar constants, the staffing functions and the outcomes that name them.
  ["support-hours", () => example("support-hours.handoff"), undefined],
  ["support-hours.indexed", () => example("support-hours.handoff"), "indexed"],
];

describe("golden generated modules", () => {
  it.each(cases)("%s", async (name, model, strategy) => {
    const text = await generate(model(), strategy === undefined ? {} : { strategy });
    const banner = text.indexOf(BANNER);
    expect(banner).toBeGreaterThan(0);
    expectGolden(join(dir, `${name}.ts`), `${text.slice(0, banner)}${BANNER}: elided in golden files.\n`);
  });
});
