// The emitted tests run for real: every example (built with `handoff build --emit-tests`), the codegen
// fixtures (no otherwise, no signals, no rules, first-match) and a few injection payloads, all in one
// vitest child process; then the same tests against hand-broken modules, where they must fail.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../compiler/codegen/index.ts";
import { compile } from "../../compiler/compile.ts";
import { generateTests, type Witness } from "../../compiler/emit-tests/index.ts";
import type { ContractModel, ExpectationModel, TestModel } from "../../compiler/model.ts";
import { interpret } from "../../compiler/interpret.ts";
import { cli } from "../support/cli.ts";
import { models } from "../support/model-fixtures.ts";
import { injectedModel, injectedSignalName } from "../support/injection.ts";
import { removeScratch, root, runVitest, sampledWitnesses, scratchDir, typecheckDir, type TestOutcome } from "./helpers.ts";

const examplesDir = join(root, "examples");
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith(".handoff"))
  .sort();

/** A test block of a fixture model (spans do not matter to the emitter). */
function testBlock(name: string, given: TestModel["given"], expect: ExpectationModel | (ExpectationModel & { mode: string })): TestModel {
  return { name, given, expect, span: { startOffset: 0, endOffset: 0, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };
}

const action = (a: "answer" | "route" | "escalate" | "stop", mode?: "not" | "at-least"): ExpectationModel =>
  ({ kind: "action", action: a, owner: null, withinSeconds: null, ...(mode === undefined ? {} : { mode }) }) as ExpectationModel;

async function support(): Promise<ContractModel> {
  const result = await compile(readFileSync(join(examplesDir, "support.handoff"), "utf8"), { fileName: "support.handoff" });
  return result.model!;
}

/** support.handoff's tests plus `expect not` / `expect at least` (as the model will carry them). */
function withModes(model: ContractModel): ContractModel {
  return {
    ...model,
    tests: [
      ...model.tests,
      testBlock("medical is at least an escalation", { topic: "medical" }, action("escalate", "at-least")),
      testBlock("medical is never answered", { topic: "medical" }, action("answer", "not")),
    ],
  };
}

/** A complete input that makes `large_refund` win (checked against the interpreter). */
function largeRefundWitness(model: ContractModel): Witness {
  const given = model.tests.find((t) => t.name.includes("known outage"))!.given;
  const example = { ...given, topic: "billing", refundAsked: 900, knownOutage: false };
  expect(interpret(model, example).rule).toBe("large_refund");
  return { rule: "large_refund", example };
}

const byName = (outcomes: readonly TestOutcome[], file: string) =>
  new Map(outcomes.filter((o) => o.file === file).map((o) => [o.name, o] as const));

let dir: string;
let outcomes: TestOutcome[];
/** Base names of the module/test pairs expected to pass. */
const files: string[] = [];

// One vitest child for everything (its start-up is most of the cost): the passing pairs and `broken`.
beforeAll(async () => {
  dir = scratchDir();
  await passingPairs();
  await brokenPair();
  outcomes = await runVitest(dir);
});

afterAll(() => removeScratch(dir));

async function passingPairs(): Promise<void> {
  for (const file of examples) {
    const run = await cli(root, ["build", join(examplesDir, file), "--out", dir, "--emit-tests"]);
    expect(run.code, run.stderr).toBe(0);
    files.push(file.replace(/\.handoff$/, ""));
  }
  // support.handoff again, with witnesses (sampled while the static analysis is not wired) and modes.
  const model = withModes(await support());
  await emit("support-extra", model, [...sampledWitnesses(model), largeRefundWitness(model)]);
  for (const [name, fixture] of Object.entries(models)) await emit(`fixture-${name}`, fixture, sampledWitnesses(fixture, 500));
  for (const [i, p] of ['"', "*/ globalThis.pwned = 1; /*", "\u2028globalThis.pwned = 1;//", "</script>", "${x}", "__proto__"].entries()) {
    const given = Object.fromEntries([["s", p], ["e", p], [injectedSignalName(p), p]]);
    const model = { ...injectedModel(p), tests: [testBlock(p, given, { kind: "rule", rule: p })] };
    await emit(`injected-${i}`, model, [{ rule: p, example: given }]);
  }
}

/** support.handoff with two hand edits: rule `medical` routes instead of stopping, `large_refund` needs > 5000. */
async function brokenPair(): Promise<void> {
  const model = withModes(await support());
  const module = await generate(model);
  const broken = module
    .replace(/(const OUTCOME_1: Outcome = \{\n\s*rule: "medical",\n\s*action: )"stop"/, '$1"route"')
    .replace(/ > 500;/, " > 5000;");
  expect(broken.match(/action: "route"/g)?.length).toBe((module.match(/action: "route"/g)?.length ?? 0) + 1);
  expect(broken).toContain(" > 5000;");
  writeFileSync(join(dir, "broken.ts"), broken);
  writeFileSync(join(dir, "broken.test.ts"), await generateTests(model, { moduleName: "broken", witnesses: [largeRefundWitness(model)] }));
}

describe("emitted tests pass for every example and fixture", () => {
  it("type-check under tsc --strict with the strictest common flags (which only add checks)", () => {
    const all = [...files, "broken"].flatMap((f) => [`${f}.ts`, `${f}.test.ts`]);
    expect(
      typecheckDir(dir, all, {
        noUnusedLocals: true,
        noUnusedParameters: true,
        noImplicitReturns: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noPropertyAccessFromIndexSignature: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
      }),
    ).toBe("");
  });

  it("all pass, with the three kinds of property present", () => {
    const failed = outcomes.filter((o) => o.file !== "broken.test.ts" && o.status !== "passed");
    expect(failed.map((o) => `${o.file}: ${o.name}\n${o.failureMessages.join("\n").slice(0, 2000)}`)).toEqual([]);
    expect(new Set(outcomes.map((o) => o.file))).toEqual(new Set([...files, "broken"].map((f) => `${f}.test.ts`)));
    const support = byName(outcomes, "support-extra.test.ts");
    expect(support.get("decide is total > valid inputs never give invalid-input")?.status).toBe("passed");
    expect(support.get("each test block holds on random completions of its given > medical is at least an escalation")?.status).toBe("passed");
    expect(support.get("each witness makes its rule win > large_refund wins")?.status).toBe("passed");
    for (const file of examples) {
      const names = [...byName(outcomes, file.replace(/\.handoff$/, ".test.ts")).keys()];
      expect(names.filter((n) => n.startsWith("decide is total > ")).length, file).toBe(4);
      expect(names.some((n) => n.startsWith("each test block holds")), file).toBe(true);
      // The static analysis' witnesses, through `compile`.
      expect(names.some((n) => n.startsWith("each witness makes its rule win > ")), file).toBe(true);
    }
  });
});

describe("emitted tests fail for a broken module", () => {
  it("the declared-outcome, test-block, mode and witness properties catch the edits", () => {
    const broken = byName(outcomes, "broken.test.ts");
    const status = (name: string) => broken.get(name)?.status;
    const block = "each test block holds on random completions of its given > ";
    expect(status("decide is total > valid inputs never give invalid-input")).toBe("failed");
    expect(status(`${block}medical questions always stop with the on-call clinician`)).toBe("failed");
    expect(status(`${block}large refunds are approved by a person`)).toBe("failed");
    expect(status(`${block}medical is at least an escalation`)).toBe("failed");
    expect(status("each witness makes its rule win > large_refund wins")).toBe("failed");
    // What the edits do not touch still passes.
    expect(status(`${block}medical is never answered`)).toBe("passed");
    expect(status(`${block}a calm question during a known outage is answered`)).toBe("passed");
    expect(status("decide is total > invalid inputs always give invalid-input")).toBe("passed");
  });
});

async function emit(name: string, model: ContractModel, witnesses: readonly Witness[]): Promise<void> {
  files.push(name);
  writeFileSync(join(dir, `${name}.ts`), await generate(model));
  writeFileSync(join(dir, `${name}.test.ts`), await generateTests(model, { moduleName: name, witnesses }));
}
