// The Python module ≡ the TypeScript module: on the examples and random contracts, each under both
// policies (the source as written and with its `policy` swapped), for random valid, boundary and invalid
// inputs and random contexts (made JSON first, NaN/±Infinity/-0 kept) and for the edge values of
// boundaries.ts (long integers and other JSON texts the two languages read differently among them),
// the decision and validation of the generated Python module (one python3 process per contract, JSON
// lines in and out, its two matching strategies taking turns) are JSON-equal to those of the TypeScript
// module built with every matching strategy, with `now` fixed. Python also never mutates its arguments and returns plain JSON (no NaN).
// At least 100,000 inputs compared per run.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generate } from "../../compiler/codegen/index.ts";
import { strategyNames } from "../../compiler/codegen/strategies/names.ts";
import { check } from "../../compiler/compile.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { generatePython, pythonStrategies, type PythonStrategy } from "../../compiler/python/index.ts";
import { calendarContextFor, contextFor, inputFor, validValue } from "../support/arbitraries.ts";
import type { GeneratedModule } from "../support/load-module.ts";
import { randomCalendarContract, randomContract } from "../support/random-contracts.ts";
import { boundaryLines, type Line } from "./boundaries.ts";
import { loadQuickly, runPythonAsync, transfer, viaJson, writeModule } from "./python.ts";

const NOW = Date.parse("2026-03-01T09:30:00.000Z");
const examples = resolve(import.meta.dirname, "../../examples");
/** (contract, input) pairs compared, each with the TypeScript module of every strategy. */
let compared = 0;
const perPolicy = new Map<string, number>();
const perPythonStrategy = new Map<string, number>();
const perStrategy = new Map<string, number>();
const outcomes = new Set<string>();

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(NOW) });
});

afterAll(() => {
  vi.useRealTimers();
  expect(compared).toBeGreaterThanOrEqual(100_000);
  expect(perPolicy.get("most-severe")).toBeGreaterThanOrEqual(40_000);
  for (const strategy of pythonStrategies) expect(perPythonStrategy.get(strategy), strategy).toBeGreaterThanOrEqual(40_000);
  expect(perPolicy.get("first-match")).toBeGreaterThanOrEqual(40_000);
  expect([...perStrategy.values()]).toEqual(strategyNames.map(() => compared));
  expect([...outcomes].sort()).toEqual(["answer", "escalate", "invalid-input", "route", "stop"]);
});

/** The same source under the other policy. */
function swapPolicy(source: string): string {
  const swapped = source.replace(/^policy (most-severe|first-match)\b/m, (_, p: string) => `policy ${p === "most-severe" ? "first-match" : "most-severe"}`);
  return swapped === source ? `policy first-match\n${source}` : swapped;
}

/** JSON.stringify, then every character outside printable ASCII escaped as Python's json (ensure_ascii) writes it. */
function asciiJson(value: unknown): string {
  const text = JSON.stringify(value);
  return /[^\x20-\x7e]/.test(text) ? text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : text;
}

/** Random lines and boundary lines for a contract's signals (the same for both policies). */
function linesFor(model: ContractModel, count: number, seed: number, large: boolean): Line[] {
  // With calendars, `now` mostly at instants around openings, closings and DST changes (calendarNow).
  const contexts = model.calendars ? calendarContextFor(model) : contextFor(model);
  const pairs = fc.sample(fc.tuple(inputFor(model), contexts), { numRuns: count, seed });
  const random = pairs.map(([input, context]) => {
    const i = transfer(input);
    const c = transfer(context);
    return { text: `{"i": ${i.text}, "c": ${c.text}}`, input: i.value, context: c.value };
  });
  const valid = fc.tuple(...model.signals.map((s) => validValue(model, s)));
  const bases = fc.sample(valid, { numRuns: 3, seed: seed + 1 }).map((values) => Object.fromEntries(model.signals.map((s, i) => [s.name, values[i]])));
  return [...random, ...boundaryLines(model, bases, large)];
}

/**
 * Compares the Python module (forced to `pythonStrategy`) and the TypeScript module of every strategy for `source` on `lines`;
 * fails with the contract, the strategy and the input line on the first difference.
 */
async function compareOn(source: string, model: ContractModel, lines: readonly Line[], pythonStrategy: PythonStrategy): Promise<void> {
  const python = runPythonAsync(writeModule(generatePython(model, { strategy: pythonStrategy })), lines.map((l) => l.text), NOW);
  const modules: [string, GeneratedModule][] = [];
  for (const strategy of strategyNames) modules.push([strategy, loadQuickly(await generate(model, { strategy }))]);
  // `validate` is prelude code, the same in every strategy: asked of the first module only.
  const validations = lines.map((l) => asciiJson(modules[0]![1].validate(l.input)));
  const expected = modules.map(([strategy, module]) => ({
    strategy,
    texts: lines.map((l, n) => `[${asciiJson(module.decide(l.input, l.context))},${validations[n]},false]`),
  }));
  const got = await python;
  lines.forEach((line, n) => {
    const actual = got[n]!;
    for (const { strategy, texts } of expected) {
      const text = texts[n]!;
      if (actual !== text) {
        // Not the same text: the same JSON as JavaScript reads and writes it (Python writes 1.0, 1e-07, -0.0)?
        const parsed = viaJson(JSON.parse(actual));
        const wanted = JSON.parse(text) as unknown;
        if (!isDeepStrictEqual(parsed, wanted)) {
          expect({ contract: source, strategy, input: line.text, python: parsed }).toStrictEqual({ contract: source, strategy, input: line.text, python: wanted });
        }
      }
      perStrategy.set(strategy, (perStrategy.get(strategy) ?? 0) + 1);
    }
    const action = /^\[\{"action":"(\w+)","rule":"([^"]*)"/.exec(actual);
    if (action) outcomes.add(action[2] === "invalid-input" ? "invalid-input" : action[1]!);
    compared++;
  });
  perPolicy.set(model.policy, (perPolicy.get(model.policy) ?? 0) + lines.length);
  perPythonStrategy.set(pythonStrategy, (perPythonStrategy.get(pythonStrategy) ?? 0) + lines.length);
}

/** Builds both policy variants of `source` and compares each on the same lines; the number of variants built. */
async function compareBoth(label: string, source: string, count: number, seed: number, large = false): Promise<number> {
  const built: [string, ContractModel][] = [];
  for (const variant of [source, swapPolicy(source)]) {
    // With the policy swapped, an analysis may fail (a `monotone` claim, say); the checker's model is
    // still a well-formed contract that both targets build.
    const result = check(variant, { fileName: `${label}.handoff` });
    const model = result.model ?? result.checked ?? null;
    if (model !== null) built.push([variant, model]);
  }
  if (built.length === 0) return 0;
  const lines = linesFor(built[0]![1], count, seed, large);
  // The Python module of each strategy in turn (forced: the plan would choose `inline` for all of these).
  await Promise.all(built.map(([variant, model], k) => compareOn(variant, model, lines, pythonStrategies[(seed + k) % pythonStrategies.length]!)));
  return built.length;
}

/** Runs `tasks` two at a time (Node prepares one contract while python3 decides another). */
async function inPairs<T>(tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const at = next++;
      results[at] = await tasks[at]!();
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

describe("Python module ≡ TypeScript module (every strategy, both policies)", () => {
  it("on the examples", async () => {
    const files = readdirSync(examples).filter((f) => f.endsWith(".handoff"));
    expect(files.length).toBeGreaterThanOrEqual(4);
    const built = await inPairs(files.map((name, n) => () => compareBoth(name, readFileSync(join(examples, name), "utf8"), 2_500, 7 + n, true)));
    // Every example builds under both policies.
    expect(built).toEqual(files.map(() => 2));
  }, 300_000);

  it("on random contracts", async () => {
    // Some random contracts have errors (the checker rejects them); the rest must agree.
    const sources = fc.sample(randomContract, { numRuns: 50, seed: 11 });
    const built = await inPairs(sources.map((source, n) => () => compareBoth(`random-${n}`, source, 250, 100 + n)));
    expect(built.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(80);
  }, 300_000);

  it("on random contracts with calendars", async () => {
    const sources = fc.sample(randomCalendarContract, { numRuns: 16, seed: 12 });
    const built = await inPairs(sources.map((source, n) => () => compareBoth(`calendar-${n}`, source, 250, 300 + n)));
    expect(built.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(24);
  }, 300_000);
});
