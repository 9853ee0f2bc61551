/**
 * The Python target: decisions per second of the generated Python module beside a hand-written Python
 * if-chain doing the same job (bench/python-baseline.ts) and beside the TypeScript module, on the synthetic
 * contracts of 25 and 2,500 rules; and the time to generate the Python module of a 10,000-rule contract.
 * The Python side runs in one python3 process (bench/python-driver.py): the module the plan chooses, the
 * module of the other strategy, and the baseline, checked to give identical decisions on every input,
 * then interleaved, medians of rounds. The TypeScript module is timed on the same inputs in this process.
 *
 * Run alone: node --import tsx bench/python.ts [--quick]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { checkContract } from "../compiler/check/index.ts";
import { generate } from "../compiler/codegen/index.ts";
import type { ContractModel } from "../compiler/model.ts";
import { generatePython } from "../compiler/python/index.ts";
import { choosePythonPlan, pythonStrategies } from "../compiler/python/plan.ts";
import { parse } from "../grammar/parse.ts";
import type { Decision } from "../runtime/prelude/index.ts";
import { randomInputs } from "./inputs.ts";
import { measureInterleaved, timeMedian } from "./measure.ts";
import { handwrittenPython } from "./python-baseline.ts";
import { syntheticContract } from "./synthetic.ts";

const CONTEXT = { now: "2026-11-24T10:00:00Z" };
const driver = join(import.meta.dirname, "python-driver.py");

interface Row {
  readonly rules: number;
  /** The contract, when it is not a synthetic one. */
  readonly label?: string;
  readonly strategy: string;
  readonly other: string;
  readonly matched: number;
  /** Median nanoseconds per decision. */
  readonly python: number;
  readonly otherPython: number;
  readonly handwritten: number;
  readonly ts: number;
}

function synthetic(rules: number): ContractModel {
  const source = syntheticContract({ rules });
  // The checker alone: the static analyses add no error to these contracts and take long at 10,000 rules.
  const model = checkContract(parse(source).ast, { source, fileName: `synthetic-${rules}.handoff` }).model;
  if (!model) throw new Error(`the synthetic ${rules}-rule contract does not check`);
  return model;
}

/** Writes text to dir/name and returns the path. */
function writeIn(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function measureSize(dir: string, rules: number, quick: boolean): Promise<Row> {
  const model = synthetic(rules);
  const inputs = randomInputs(model, 512);
  const chosen = choosePythonPlan(model).strategy;
  const other = pythonStrategies.find((s) => s !== chosen)!;
  const file = (name: string, text: string): string => writeIn(dir, name, text);
  const module = file(`m${rules}.py`, generatePython(model));
  const config = {
    inputs: file(`inputs-${rules}.json`, JSON.stringify(inputs)),
    context: CONTEXT,
    rounds: quick ? 7 : 21,
    batch_ms: quick ? 20 : 50,
    candidates: [
      { name: "module", module },
      { name: "other", module: file(`m${rules}-${other}.py`, generatePython(model, { strategy: other })) },
      { name: "handwritten", baseline: file(`hand${rules}.py`, handwrittenPython(model)), shares: module },
    ],
    check: [["module", "handwritten"], ["module", "other"]],
  };
  const run = spawnSync("python3", [driver, file(`config-${rules}.json`, JSON.stringify(config))], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`bench/python-driver.py failed: ${run.stderr}`);
  const ns = JSON.parse(run.stdout) as Record<string, number>;

  const tsFile = join(dir, `m${rules}.ts`);
  writeFileSync(tsFile, await generate(model));
  const decide = ((await import(pathToFileURL(tsFile).href)) as { decide: (s: unknown, c?: unknown) => Decision }).decide;
  let matched = 0;
  for (const input of inputs) matched += decide(input, CONTEXT).matched.length;
  const n = inputs.length;
  const [ts] = measureInterleaved([{ name: "ts", iterations: rules > 100 ? 2_000 : 20_000, run: (k) => { let x; for (let i = 0; i < k; i++) x = decide(inputs[i % n], CONTEXT); return x; } }], quick ? 7 : 21);
  return { rules, strategy: chosen, other, matched: matched / n, python: ns.module!, otherPython: ns.other!, handwritten: ns.handwritten!, ts: ts!.nsPerOp };
}

const supportFile = join(import.meta.dirname, "..", "examples", "support.handoff");
const handwrittenSupport = join(import.meta.dirname, "handwritten_support.py");

/** The support example: the generated Python module beside bench/handwritten_support.py, typed by hand. */
async function measureSupport(dir: string, quick: boolean): Promise<Row> {
  const source = readFileSync(supportFile, "utf8");
  const model = checkContract(parse(source).ast, { source, fileName: "support.handoff" }).model;
  if (!model) throw new Error("examples/support.handoff does not check");
  const inputs = randomInputs(model, 512);
  const chosen = choosePythonPlan(model).strategy;
  const other = pythonStrategies.find((s) => s !== chosen)!;
  const file = (name: string, text: string): string => writeIn(dir, name, text);
  const module = file("support.py", generatePython(model));
  const config = {
    inputs: file("inputs-support.json", JSON.stringify(inputs)),
    context: CONTEXT,
    rounds: quick ? 7 : 21,
    batch_ms: quick ? 20 : 50,
    candidates: [
      { name: "module", module },
      { name: "other", module: file(`support-${other}.py`, generatePython(model, { strategy: other })) },
      { name: "handwritten", baseline: handwrittenSupport, shares: module },
    ],
    check: [["module", "handwritten"], ["module", "other"]],
  };
  const run = spawnSync("python3", [driver, file("config-support.json", JSON.stringify(config))], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`bench/python-driver.py failed: ${run.stderr}`);
  const ns = JSON.parse(run.stdout) as Record<string, number>;
  const tsFile = join(dir, "support.ts");
  writeFileSync(tsFile, await generate(model));
  const decide = ((await import(pathToFileURL(tsFile).href)) as { decide: (s: unknown, c?: unknown) => Decision }).decide;
  let matched = 0;
  for (const input of inputs) matched += decide(input, CONTEXT).matched.length;
  const n = inputs.length;
  const [ts] = measureInterleaved([{ name: "ts", iterations: 20_000, run: (k) => { let x; for (let i = 0; i < k; i++) x = decide(inputs[i % n], CONTEXT); return x; } }], quick ? 7 : 21);
  return { rules: model.rules.length, label: "support example", strategy: chosen, other, matched: matched / n, python: ns.module!, otherPython: ns.other!, handwritten: ns.handwritten!, ts: ts!.nsPerOp };
}

export async function measurePython(options: { quick: boolean; sizes?: readonly number[]; build?: boolean }): Promise<{ rows: Row[]; buildMs: number; buildRules: number }> {
  const dir = mkdtempSync(join(tmpdir(), "handoff-python-bench-"));
  try {
    const rows: Row[] = [];
    if (options.sizes === undefined) rows.push(await measureSupport(dir, options.quick));
    for (const rules of options.sizes ?? [25, 2_500]) rows.push(await measureSize(dir, rules, options.quick));
    const buildRules = 10_000;
    if (options.build === false) return { rows, buildMs: NaN, buildRules };
    const model = synthetic(buildRules);
    const buildMs = await timeMedian(options.quick ? 3 : 7, () => generatePython(model));
    return { rows, buildMs, buildRules };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmtNs = (ns: number) => (ns >= 1e3 ? `${(ns / 1e3).toFixed(1)} µs` : `${ns.toFixed(0)} ns`);
const rate = (ns: number) => `${Math.round(1e9 / ns).toLocaleString("en-US")}/s`;

/** The Markdown section for docs/performance.md. */
export async function pythonSection(options: { quick: boolean }): Promise<string> {
  const { rows, buildMs, buildRules } = await measurePython(options);
  return [
    "### The Python target",
    "",
    "The support example and synthetic contracts (bench/synthetic.ts), 512 seeded valid inputs carrying every",
    "signal, `context.now` set. In one python3 process: the generated module (the strategy its plan chooses),",
    "the module forced to the other strategy, and a hand-written Python if-chain — for the support example",
    "bench/handwritten_support.py, typed by hand like bench/handwritten-support.ts; for the synthetic ones",
    "bench/python-baseline.ts: validation typed once, one `if` per rule on plain dict reads printed the naive",
    "way — each sharing the module's decision assembly and number formatting, all checked to give identical",
    "decisions on every input, then interleaved, medians of rounds. The TypeScript module runs on the same inputs",
    "in Node. The aim is the Python module within 1.5× of the hand-written code.",
    "",
    "| rules | matched per input | Python module | decisions/s | other strategy | hand-written if-chain | module ÷ hand-written | TypeScript module | Python ÷ TypeScript |",
    "|------:|------------------:|--------------:|------------:|---------------:|----------------------:|------:|------------------:|------:|",
    ...rows.map(
      (r) =>
        `| ${r.label === undefined ? r.rules.toLocaleString("en-US") : `${r.rules} (${r.label})`} | ${r.matched.toFixed(1)} | ${fmtNs(r.python)} (${r.strategy}) | ${rate(r.python)} | ${fmtNs(r.otherPython)} (${r.other}) | ${fmtNs(r.handwritten)} | ${(r.python / r.handwritten).toFixed(2)}× | ${fmtNs(r.ts)} | ${(r.python / r.ts).toFixed(0)}× |`,
    ),
    "",
    `Build of the Python target at ${buildRules.toLocaleString("en-US")} rules (\`generatePython\` on the checked model, median): ${buildMs.toFixed(0)} ms.`,
    "",
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // --sizes=100,250 times other sizes (to place the plan's threshold), without the build time.
  const sizes = process.argv.find((a) => a.startsWith("--sizes="))?.slice(8).split(",").map(Number);
  const quick = process.argv.includes("--quick");
  if (sizes) console.log(JSON.stringify((await measurePython({ quick, sizes, build: false })).rows, null, 1));
  else console.log(await pythonSection({ quick }));
}
