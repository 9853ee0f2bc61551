/**
 * `npm run bench`: decisions of the compiled support contract beside a hand-written if-chain and
 * json-rules-engine; decisions at 25 to 10,000 rules beside naive modules, json-rules-engine and Zen,
 * with build time, module size and cold start; check/build time; analysis growth; the language server;
 * review, replay and log generation. Interleaved, medians, ratios. Prints a report and writes it to
 * docs/performance.md (`--quick`: fewer rounds and sizes, prints only).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { check, compile } from "../compiler/compile.ts";
import type { Decision } from "../runtime/prelude.ts";
import { decideByHand } from "./handwritten-support.ts";
import { randomInputs } from "./inputs.ts";
import { jsonRulesEngineFor } from "./json-rules.ts";
import { measureInterleaved, median, timeMedian, type Measured } from "./measure.ts";
import { syntheticContract } from "./synthetic.ts";
import { analysisSection, timeAnalysis } from "./analysis.ts";
import { benchLsp, lspSection } from "./lsp.ts";
import { reviewSection } from "./review.ts";
import { scaleSection } from "./scale.ts";

const root = join(import.meta.dirname, "..");
const quick = process.argv.includes("--quick");
const rounds = quick ? 5 : 21;

async function importGenerated(name: string, source: string): Promise<{ decide(s: unknown, c?: unknown): Decision }> {
  const file = join(mkdtempSync(join(tmpdir(), "handoff-bench-")), `${name}.ts`);
  writeFileSync(file, source);
  return import(pathToFileURL(file).href);
}

const fmtNs = (ns: number) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(1)} ns`);
const fmtRate = (ns: number) => `${Math.round(1e9 / ns).toLocaleString("en-US")}/s`;

type Decide = (signals: unknown, context?: unknown) => Decision;

/** One workload: the compiled module, the hand-written baseline and json-rules-engine, interleaved. */
async function workload(title: string, inputs: readonly Record<string, unknown>[], generated: Decide, engine: (s: Record<string, unknown>) => Promise<string>): Promise<string> {
  const context = { now: "2026-11-24T10:00:00Z" };
  const mix: Record<string, number> = {};
  for (const input of inputs) {
    const decision = generated(input, context);
    if (!isDeepStrictEqual(decision, decideByHand(input, context))) {
      throw new Error(`the hand-written baseline disagrees with the compiled module on ${JSON.stringify(input)}`);
    }
    mix[decision.action] = (mix[decision.action] ?? 0) + 1;
  }
  const n = inputs.length;
  const [mine, hand] = measureInterleaved(
    [
      { name: "compiled module", iterations: 200_000, run: (k) => { let x; for (let i = 0; i < k; i++) x = generated(inputs[i % n], context); return x; } },
      { name: "hand-written if-chain", iterations: 200_000, run: (k) => { let x; for (let i = 0; i < k; i++) x = decideByHand(inputs[i % n], context); return x; } },
    ],
    rounds,
  ) as [Measured, Measured];
  // json-rules-engine is asynchronous; each batch awaits its runs in turn.
  const jreSamples: number[] = [];
  const jreBatch = quick ? 50 : 200;
  for (let r = 0; r < rounds + 2; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < jreBatch; i++) await engine(inputs[i % n]!);
    if (r >= 2) jreSamples.push(Number(process.hrtime.bigint() - start) / jreBatch);
  }
  const jre = median(jreSamples);
  const rows = [
    ["compiled module", mine.nsPerOp, "1.00×"],
    ["hand-written if-chain", hand.nsPerOp, `compiled takes ${(mine.nsPerOp / hand.nsPerOp).toFixed(2)}× its time`],
    ["json-rules-engine", jre, `${Math.round(jre / mine.nsPerOp).toLocaleString("en-US")}× slower than compiled`],
  ] as const;
  return [
    `#### ${title}`,
    "",
    `${n.toLocaleString("en-US")} inputs, cycled; decisions: ${Object.entries(mix).map(([action, k]) => `${action} ${k}`).join(", ")}.`,
    "",
    "| implementation | per decision | decisions/s | ratio |",
    "|---|---|---|---|",
    ...rows.map(([name, ns, ratio]) => `| ${name} | ${fmtNs(ns)} | ${fmtRate(ns)} | ${ratio} |`),
  ].join("\n");
}

async function decisions(): Promise<string> {
  const source = readFileSync(join(root, "examples/support.handoff"), "utf8");
  const compiled = await compile(source, { fileName: "support.handoff" });
  if (!compiled.output || !compiled.model) throw new Error("examples/support.handoff does not compile");
  const generated = (await importGenerated("support", compiled.output)).decide;
  const engine = jsonRulesEngineFor(compiled.model);
  const inputs = randomInputs(compiled.model, 1024);
  const answers = randomInputs(compiled.model, 20_000, 11).filter((input) => generated(input).action === "answer");
  return [
    `### Decisions: examples/support.handoff (${compiled.model.rules.length} rules, ${compiled.model.signals.length} signals)`,
    "",
    `Seeded random valid inputs carrying every signal (one object shape, as a host sends them), \`context.now\` set;`,
    `the hand-written baseline (bench/handwritten-support.ts) was checked to return identical decisions on every input.`,
    `${rounds} interleaved rounds, medians. Every handoff builds a full brief (deadline, evidence, collected facts); an answer builds none.`,
    "",
    await workload("A mix dominated by handoffs", inputs, generated, engine),
    "",
    await workload("Answered turns only", answers, generated, engine),
  ].join("\n");
}

async function toolTimes(): Promise<string> {
  const source = syntheticContract({ rules: 1000 });
  const n = quick ? 3 : 7;
  const checkMs = await timeMedian(n, () => check(source, { fileName: "synthetic.handoff" }));
  const buildMs = await timeMedian(n, () => compile(source, { fileName: "synthetic.handoff" }));
  const errors = check(source).diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`the synthetic contract has errors: ${errors[0]!.message}`);
  return [
    "### Tooling: a generated 1,000-rule contract (20+ signals), in process, medians of " + n,
    "",
    "| step | wall time |",
    "|---|---|",
    `| check (parse + type-check + static analyses) | ${checkMs.toFixed(0)} ms |`,
    `| build (check + generate + format) | ${buildMs.toFixed(0)} ms |`,
  ].join("\n");
}

/** What the figures mean; kept with the script so every report carries it. */
const readingTheFigures = `### Reading the figures

- **Against hand-written code** the compiled module is faster, not slower: it validates with specialised
  inline checks, evaluates conditions as straight-line code over locals and keeps every outcome as a
  module-level constant. The hand-written baseline shares the decision assembly with it, so the ratio
  measures validation and matching.
- **Where the time goes.** The decision itself is cheap: validating 24 signals takes about 80 ns and
  evaluating 25 conditions a few tens of ns. What remains is the output the contract promises: parsing
  \`context.now\` (an ISO string), formatting the deadline, and allocating the decision and its brief
  (about ten objects and arrays for a handoff). That is why a handoff costs about twice an answer, and why
  neither is near the ~30 ns of an if-chain that returns only an action.
- **Against json-rules-engine** the compiled module is two to three orders of magnitude faster (see the
  ratios above), short of 1,000× on handoff-heavy traffic: json-rules-engine takes 150–250 µs per decision
  here, and a full decision with its brief costs about 0.4–1 µs. The generated \`decide\` is a single function: for contracts of thousands of rules it
  grows past the size V8 optimises, and decisions get markedly slower.
- **Analysis** of 1,000 rules finishes within a second for both shapes, but grows faster than linearly
  (roughly quadratically past 1,000 rules): deciding whether a rule can win asks the solver about the rule
  against every rule that would beat it, and that list grows with the contract, even when almost all of those
  rules are trivially disjoint from it (the routing shape). Indexing rules by the cells they can match, so a
  rule is only ever compared with rules that can overlap it, is the known remedy.
`;

const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const report = [
  "# Performance",
  "",
  `Measured by \`npm run bench\` on ${date}: ${machine}.`,
  "Figures are medians of repetitions measured side by side in one process; compare ratios, not absolute numbers, across machines.",
  "",
  await decisions(),
  "",
  await scaleSection({ quick }),
  "",
  await toolTimes(),
  "",
  analysisSection([
    ...timeAnalysis(quick ? [100, 1000] : [100, 1000, 5000]),
    ...timeAnalysis(quick ? [100, 1000] : [100, 1000, 5000], ["most-severe"], "routing"),
    ...timeAnalysis(quick ? [100, 1000] : [100, 1000, 5000], ["most-severe"], "examples"),
  ]),
  "",
  lspSection(await benchLsp(quick ? { rounds: 5 } : {})),
  "",
  await reviewSection(quick),
  "",
  readingTheFigures,
].join("\n");
console.log(report);
if (!quick) writeFileSync(join(root, "docs/performance.md"), report);
