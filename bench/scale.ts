/**
 * Decisions at scale: generated contracts of 25, 250, 2,500 and 10,000 rules (bench/scale-contracts.ts),
 * each as the compiled module built by default (the strategy `choosePlan` picks), the same contract forced
 * `inline` (the naive one-if-per-rule function) and `chunked` (the naive chunked function),
 * json-rules-engine and GoRules Zen, interleaved in one process, medians of rounds, with ratios; plus
 * build time, module size and cold start (a fresh `node` importing the transpiled module and deciding once).
 * Every candidate is first checked to agree with the compiled module on the inputs it will run.
 *
 * Run alone: node --expose-gc --import tsx bench/scale.ts [--quick] [--sizes 25,250]
 * (--expose-gc lets each round start from a collected heap; without it the figures are noisier).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { transformSync } from "esbuild";
import { compile } from "../compiler/compile.ts";
import { generateWithPlan, type Strategy } from "../compiler/codegen/index.ts";
import type { ContractModel } from "../compiler/model.ts";
import type { Decision } from "../runtime/prelude/index.ts";
import type { EngineMatch } from "./engine-match.ts";
import { randomInputs } from "./inputs.ts";
import { jsonRulesMatcher } from "./json-rules.ts";
import { measureInterleaved, median, timeMedian } from "./measure.ts";
import { scaleContract } from "./scale-contracts.ts";
import { zenMatcher, zenReportedMedianNs } from "./zen.ts";

type Decide = (signals: unknown, context?: unknown) => Decision;
type Engine = (signals: Record<string, unknown>) => Promise<EngineMatch>;
type Input = Record<string, unknown>;

const CONTEXT = { now: "2026-11-24T10:00:00Z" };
/**
 * A batch of the generated modules takes about this long (ms); an engine batch about ENGINE_BATCH_MS.
 * Batches of 5 ms measured the indexed modules 3x slower than they run (a fixed cost of several ms per
 * batch in this process, whose heap holds every module and engine); at 50 ms the figures match a
 * module timed alone.
 */
const BATCH_MS = 50;
const ENGINE_BATCH_MS = 20;

interface SizeResult {
  readonly rules: number;
  readonly strategy: Strategy;
  readonly averageMatched: number;
  readonly buildMs: number;
  readonly buildRuns: number;
  /** Code generation alone (the module is written laid out; no formatter runs): the rest of the build is parsing, checking and the static analyses. */
  readonly generateMs: number;
  readonly moduleBytes: number;
  readonly coldStartMs: number;
  /** Median ns per decision by candidate name. */
  readonly ns: Readonly<Record<string, number>>;
  /** Zen's own median figure per evaluation, inside the engine (without the call from JavaScript). */
  readonly zenInsideNs: number;
  /** Inputs the engines were checked on and ran (fewer at the largest sizes). */
  readonly engineInputs: number;
}

const CANDIDATES = ["compiled", "naive inline", "naive chunked", "json-rules-engine", "Zen"] as const;

async function importModule(dir: string, name: string, source: string): Promise<Decide> {
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, source);
  return ((await import(pathToFileURL(file).href)) as { decide: Decide }).decide;
}

/** Batch size so one batch of `run` takes about `targetMs`, timed on a second trial (the first warms up). */
function calibrate(run: (k: number) => unknown, targetMs: number): number {
  for (let k = 256; ; k *= 2) {
    run(k);
    const start = process.hrtime.bigint();
    run(k);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (ms >= 2) return Math.round((k * targetMs) / ms);
  }
}

async function calibrateAsync(engine: Engine, inputs: readonly Input[], targetMs: number): Promise<number> {
  const start = process.hrtime.bigint();
  const trial = Math.min(3, inputs.length);
  for (let i = 0; i < trial; i++) await engine(inputs[i]!);
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / trial;
  return Math.max(1, Math.min(1000, Math.round(targetMs / ms)));
}

function expectSame(what: string, input: Input, got: unknown, want: unknown): void {
  if (!isDeepStrictEqual(got, want)) {
    throw new Error(`${what} disagrees with the compiled module on ${JSON.stringify(input)}:\n  got  ${JSON.stringify(got)}\n  want ${JSON.stringify(want)}`);
  }
}

/** Time from the start of `import()` to the end of the first decision, in a fresh `node`, median of `runs`. */
function coldStart(dir: string, source: string, input: Input, runs: number): number {
  const js = join(dir, "cold.mjs");
  writeFileSync(js, transformSync(source, { loader: "ts", format: "esm", target: "es2022" }).code);
  const runner = join(dir, "cold-runner.mjs");
  writeFileSync(
    runner,
    [
      "const [url, input, context] = process.argv.slice(2);",
      "const signals = JSON.parse(input), ctx = JSON.parse(context);",
      "const start = performance.now();",
      "const { decide } = await import(url);",
      "const decision = decide(signals, ctx);",
      "const ms = performance.now() - start;",
      "if (!decision || typeof decision.action !== 'string') throw new Error('no decision');",
      "process.stdout.write(String(ms));",
    ].join("\n"),
  );
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(Number(execFileSync(process.execPath, [runner, pathToFileURL(js).href, JSON.stringify(input), JSON.stringify(CONTEXT)], { encoding: "utf8" })));
  }
  return median(times);
}

async function measureSize(rules: number, quick: boolean): Promise<SizeResult> {
  const source = scaleContract(rules);
  const largest = rules >= 10_000;
  // At 10,000 rules one build takes minutes (the static analyses), so it runs once.
  const buildRuns = largest ? 1 : quick ? 2 : 3;
  let built: Awaited<ReturnType<typeof compile>> | undefined;
  const buildMs = await timeMedian(buildRuns, async () => (built = await compile(source, { fileName: `scale-${rules}.handoff` })));
  if (!built?.model || built.output === null || !built.plan) {
    throw new Error(`the generated ${rules}-rule contract does not check: ${built?.diagnostics.find((d) => d.severity === "error")?.message}`);
  }
  const model: ContractModel = built.model;
  const output = built.output;
  const strategy = built.plan.strategy;
  const generateMs = await timeMedian(buildRuns, () => generateWithPlan(model));

  const dir = mkdtempSync(join(tmpdir(), "handoff-scale-"));
  try {
    const sources = { compiled: output, inline: (await generateWithPlan(model, { strategy: "inline" })).text, chunked: (await generateWithPlan(model, { strategy: "chunked" })).text };
    const inputs = randomInputs(model, 1024);
    // Checked on one copy of each module and timed on another, imported fresh: the checking keeps some
    // decisions alive for a while, which can teach V8 to allocate that module's objects in the old
    // generation (pretenuring) and slow it alone. Only `matched` and `rule` are kept.
    const checking = { compiled: await importModule(dir, "compiled-check", sources.compiled), inline: await importModule(dir, "inline-check", sources.inline), chunked: await importModule(dir, "chunked-check", sources.chunked) };
    const expected = inputs.map((input) => {
      const decision = checking.compiled(input, CONTEXT);
      expectSame("the naive inline module", input, checking.inline(input, CONTEXT), decision);
      expectSame("the naive chunked module", input, checking.chunked(input, CONTEXT), decision);
      return { matched: [...decision.matched], winner: decision.rule };
    });
    const averageMatched = expected.reduce((sum, e) => sum + e.matched.length, 0) / expected.length;

    // The engines take milliseconds per decision at the largest sizes: check and run them on fewer inputs.
    const engineInputs = inputs.slice(0, rules >= 10_000 ? 48 : rules >= 2_500 ? 192 : inputs.length);
    const engines: [string, Engine][] = [
      ["json-rules-engine", jsonRulesMatcher(model)],
      ["Zen", zenMatcher(model)],
    ];
    for (const [name, engine] of engines) {
      for (const [i, input] of engineInputs.entries()) {
        expectSame(name, input, await engine(input), expected[i]);
      }
    }

    const compiled = await importModule(dir, "compiled", sources.compiled);
    const inline = await importModule(dir, "inline", sources.inline);
    const chunked = await importModule(dir, "chunked", sources.chunked);
    const n = inputs.length;
    // One loop literal per candidate: closures of one literal share their type feedback, and a shared,
    // polymorphic call site would slow all three alike.
    const sync = [
      { name: "compiled", run: (k: number) => { let x; for (let i = 0; i < k; i++) x = compiled(inputs[i % n], CONTEXT); return x; } },
      { name: "naive inline", run: (k: number) => { let x; for (let i = 0; i < k; i++) x = inline(inputs[i % n], CONTEXT); return x; } },
      { name: "naive chunked", run: (k: number) => { let x; for (let i = 0; i < k; i++) x = chunked(inputs[i % n], CONTEXT); return x; } },
    ];
    (globalThis as { gc?: () => void }).gc?.();
    for (const c of sync) c.run(n);
    const calibrated = sync.map((c) => ({ ...c, iterations: calibrate(c.run, BATCH_MS) }));
    if (process.env.SCALE_DEBUG) console.error(calibrated.map((c) => `${c.name} ${c.iterations}`).join(", "));
    const batches = await Promise.all(engines.map(([, engine]) => calibrateAsync(engine, engineInputs, largest ? ENGINE_BATCH_MS * 2 : ENGINE_BATCH_MS)));

    // Rounds interleave every candidate; measureInterleaved times one batch of each generated module.
    const rounds = quick ? 5 : largest ? 7 : 15;
    const warmup = 2;
    const samples: Record<string, number[]> = Object.fromEntries(CANDIDATES.map((c) => [c, []]));
    let offset = 0;
    const gc = (globalThis as { gc?: () => void }).gc;
    for (let round = 0; round < warmup + rounds; round++) {
      // The generated modules go first in turn, after a collection (with --expose-gc), so none of them
      // pays for the garbage the engines leave.
      gc?.();
      const measured = measureInterleaved([...calibrated.slice(round % sync.length), ...calibrated.slice(0, round % sync.length)], 1, 0);
      for (const [e, [name, engine]] of engines.entries()) {
        const start = process.hrtime.bigint();
        for (let i = 0; i < batches[e]!; i++) await engine(engineInputs[(offset + i) % engineInputs.length]!);
        const ns = Number(process.hrtime.bigint() - start) / batches[e]!;
        if (round >= warmup) samples[name]!.push(ns);
      }
      offset += Math.max(...batches);
      if (round >= warmup) for (const m of measured) samples[m.name]!.push(m.nsPerOp);
    }
    const ns = Object.fromEntries(CANDIDATES.map((c) => [c, median(samples[c]!)]));
    const zenInsideNs = await zenReportedMedianNs(model, engineInputs);
    const coldStartMs = coldStart(dir, output, inputs[0]!, quick ? 3 : 7);
    return { rules, strategy, averageMatched, buildMs, buildRuns, generateMs, moduleBytes: Buffer.byteLength(output), coldStartMs, ns, zenInsideNs, engineInputs: engineInputs.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmtNs = (ns: number) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
const fmtRatio = (x: number) => (x >= 100 ? `${Math.round(x).toLocaleString("en-US")}×` : `${x.toFixed(x >= 10 ? 0 : 2)}×`);
const fmtBytes = (b: number) => (b >= 2 ** 20 ? `${(b / 2 ** 20).toFixed(2)} MiB` : `${(b / 1024).toFixed(0)} KiB`);
const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms >= 10 ? 0 : 1)} ms`);

const howToRead = `Each contract comes from bench/scale-contracts.ts: 20 signals of mixed types, most rules routing rules keyed
by product (and often region or tier) with one to three more comparisons, a few dozen global escalations and
stops, every action used. Seeded random valid inputs carry every signal; "matched per input" is the average
length of \`matched\`. **Compiled** is the module \`handoff build\` writes (the strategy it chose is shown);
**naive inline** is the same contract forced to one \`if\` per rule in a single \`decide\`, **naive chunked** the
same tests split into functions of 64 rules; both build the same full decision with its brief, and all three
were checked to return deep-equal decisions on every input. json-rules-engine and Zen only match and pick
the winner (no brief, which flatters them); they were checked to report the same matched rules and winner.
Times are medians of rounds that interleave all five in one process; a ratio is X's time divided by the
compiled module's (above 1: compiled is faster); where the chosen strategy is \`inline\`, compiled and naive
inline are the same code, so the gap between them is the noise of the run. Build is \`compile()\` (parse, check, static analyses,
generate, format) in process; cold start is a fresh \`node\` (no tsx: the module transpiled to JavaScript by
esbuild beforehand) timing \`import()\` of the module up to the end of its first decision.`;

/** The Markdown section for docs/performance.md. */
export async function scaleSection(options: { quick: boolean; sizes?: readonly number[] }): Promise<string> {
  const sizes = options.sizes ?? (options.quick ? [25, 250, 2_500] : [25, 250, 2_500, 10_000]);
  const results: SizeResult[] = [];
  for (const rules of sizes) {
    results.push(await measureSize(rules, options.quick));
  }
  return [
    "## Decisions at scale",
    "",
    howToRead,
    "",
    "| rules | strategy chosen | matched per input | build | of which generate | module size | cold start |",
    "|------:|-----------------|------------------:|------:|------------------:|------------:|-----------:|",
    ...results.map((r) => `| ${r.rules.toLocaleString("en-US")} | ${r.strategy} | ${r.averageMatched.toFixed(1)} | ${fmtMs(r.buildMs)}${r.buildRuns > 1 ? "" : " (1 run)"} | ${fmtMs(r.generateMs)} | ${fmtBytes(r.moduleBytes)} | ${fmtMs(r.coldStartMs)} |`),
    "",
    "Per decision (ratio: compiled vs X, X's time over the compiled module's):",
    "",
    `| rules | ${CANDIDATES.join(" | ")} |`,
    `|------:|${CANDIDATES.map(() => "-----:").join("|")}|`,
    ...results.map((r) => `| ${r.rules.toLocaleString("en-US")} | ${CANDIDATES.map((c) => (c === "compiled" ? fmtNs(r.ns[c]!) : `${fmtNs(r.ns[c]!)} (${fmtRatio(r.ns[c]! / r.ns.compiled!)})`)).join(" | ")} |`),
    "",
    `Zen's own figure for an evaluation (its \`performance\` field, the time inside the engine without the asynchronous call from JavaScript), median: ${results.map((r) => `${fmtNs(r.zenInsideNs)} at ${r.rules.toLocaleString("en-US")} rules (${fmtRatio(r.zenInsideNs / r.ns.compiled!)} the compiled module's time)`).join(", ")}.`,
    "",
    `${options.quick ? "Quick run: fewer rounds, no 10,000-rule contract. " : ""}The engines run batches of about ${ENGINE_BATCH_MS} ms per round` +
      ` and were checked and timed on ${results.map((r) => `${r.engineInputs.toLocaleString("en-US")}`).join(" / ")} inputs (by size, fewest at the largest` +
      ` sizes, where one decision takes milliseconds), so the whole benchmark stays within minutes; the generated modules ran all 1,024.` +
      ` "Of which generate" is code generation alone (no formatter runs); the rest of the build is parsing, checking and the static analyses.`,
    "",
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // `--sizes 25,250` measures only those sizes.
  const at = process.argv.indexOf("--sizes");
  const sizes = at < 0 ? undefined : (process.argv[at + 1] ?? "").split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
  console.log(await scaleSection({ quick: process.argv.includes("--quick"), ...(sizes ? { sizes } : {}) }));
}
