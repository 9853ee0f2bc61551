// The generated module comes out formatted without a formatter (compiler/codegen/syntax.ts): its
// per-contract part and its prelude are laid out exactly as prettier (TypeScript, 100 columns) lays
// them out, on the examples, the fixture models and random contracts. The strategies' rule tables are
// compact text, one line per rule, and are left out of the comparison.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { generate } from "../../compiler/codegen/index.ts";
import { check } from "../../compiler/compile.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { models } from "../support/model-fixtures.ts";
import { randomContract } from "../support/random-contracts.ts";

const dir = join(import.meta.dirname, "../../examples");
const BANNER = "// " + "-".repeat(90);

function model(source: string, fileName: string): ContractModel {
  const { model } = check(source, { fileName });
  if (model === null) throw new Error(`${fileName} does not check`);
  return model;
}

/** The module's parts that are laid out: before the tables (or the prelude banner), and the prelude. */
function laidOut(text: string): string[] {
  const prelude = text.indexOf(BANNER);
  const tables = text.indexOf("// Matching for large contracts");
  const own = text.slice(0, tables >= 0 ? text.lastIndexOf("\n// ---", tables) + 1 : prelude);
  return [own, text.slice(prelude)];
}

async function expectPrettierLayout(m: ContractModel): Promise<void> {
  for (const part of laidOut(await generate(m))) {
    const text = `${part.trimEnd()}\n`;
    expect(text).toBe(await format(text, { parser: "typescript", printWidth: 100 }));
  }
}

describe("generated code layout", () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith(".handoff")))("is prettier's on %s", async (file) => {
    await expectPrettierLayout(model(readFileSync(join(dir, file), "utf8"), file));
  });

  it.each(Object.keys(models))("is prettier's on the %s fixture", async (name) => {
    await expectPrettierLayout(models[name]!);
  });

  it("is prettier's on random contracts", async () => {
    await fc.assert(
      fc.asyncProperty(randomContract, async (source) => {
        const { model: m } = check(source, { fileName: "random.handoff" });
        if (m !== null) await expectPrettierLayout(m);
      }),
      { numRuns: 60 },
    );
  });
});
