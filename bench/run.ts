/**
 * `npm run bench`: decisions of the compiled support contract beside a hand-written if-chain and
 * json-rules-engine; decisions at 25 to 10,000 rules beside naive modules, json-rules-engine and Zen,
 * with build time, module size and cold start; decisions when an input matches many rules; the Python
 * target beside hand-written Python and the TypeScript module; business-time deadlines; check/build
 * time; analysis growth; the language server; review, replay and log generation. Interleaved, medians, ratios. Prints a report and writes it to
 * docs/performance.md (`--quick`: fewer rounds and sizes, prints only).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { check, compile } from "../compiler/compile.ts";
import type { Decision } from "../runtime/prelude/index.ts";
import { decideByHand } from "./handwritten-support.ts";
import { randomInputs } from "./inputs.ts";
import { jsonRulesEngineFor } from "./json-rules.ts";
import { measureInterleaved, median, timeMedian, type Measured } from "./measure.ts";
import { syntheticContract } from "./synthetic.ts";
import { analysisSection, timeAnalysis } from "./analysis.ts";
import { benchLsp, lspSection } from "./lsp.ts";
import { reviewSection } from "./review.ts";
import { manyMatchesSection } from "./many-matches.ts";
import { pythonSection } from "./python.ts";
import { businessTimeSection } from "./business-time.ts";
import { scaleSection } from "./scale.ts";
import { benchStartup, startupSection } from "./startup.ts";

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
    `| build (check + generate) | ${buildMs.toFixed(0)} ms |`,
  ].join("\n");
}

/** What the figures mean; kept with the script so every report carries it. The aims are the project's. */
const readingTheFigures = `### Reading the figures

- **Against hand-written code** (25 rules, aim: within 1.2×) the compiled module is faster, not slower: it
  validates with specialised inline checks, evaluates conditions as straight-line code over locals and keeps
  every outcome as a module-level constant. The hand-written baseline shares the decision assembly with it,
  so the ratio measures validation and matching.
- **Where the time goes.** The decision itself is cheap: validating 24 signals takes about 80 ns and
  evaluating 25 conditions a few tens of ns. What remains is the output the contract promises: parsing
  \`context.now\` (an ISO string), formatting the deadline, and allocating the decision and its brief
  (about ten objects and arrays for a handoff). That is why a handoff costs about twice an answer, and why
  neither is near the ~30 ns of an if-chain that returns only an action.
- **At scale** the \`indexed\` strategy keeps the cost of a decision nearly flat from 250 to 10,000 rules: a
  typical input leaves a handful of candidates, found in a few words of bit sets, while one \`if\` per rule
  (inline or chunked) grows with the contract. The aim at 2,500 rules — at least 10× faster than the naive
  chunked function, about 1.5 µs a decision — is met on the ratio; the time is about 1.4 µs for the module
  timed alone as plain JavaScript and somewhat more in the interleaved table, whose process holds every
  module and engine. Build stays within seconds at 10,000 rules (aim: under 10 s), and cold start at 2,500
  rules (aim: under 15 ms) stays low because rule rows are parsed, and outcomes built, only when a rule
  first matches.
- **Against json-rules-engine and Zen** the aim was 1,000× at every size. From 2,500 rules on it is met
  against both, by far; against json-rules-engine it is met at every size of the generated contracts. It is
  missed against Zen at 25 and 250 rules (several hundred times, see the table), and against
  json-rules-engine on the support desk above, whose 25 rules it evaluates faster: the engines take
  0.15–1 ms there, while a decision with its full brief costs 0.2–1.6 µs, so 1,000× would need a decision
  cheaper than building the brief the contract promises (the engines only report which rules matched).
  Zen's own figure for its time inside the engine, without the call from JavaScript, is shown for fairness.
- **Analysis** stays well under a second at 1,000 rules on every shape, and the time per rule grows
  slowly (the *Growth* column; 1.00 is linear): rules are settled in priority order against an index of
  the rules already found to win, so a rule is only ever compared with rules whose cells can overlap it,
  covers are searched on cells rather than example records, and a condition that is a plain conjunction has
  its redundant comparisons found by set algebra per signal. Shapes where each rule overlaps a band of its
  neighbours (ladders, interleaved ladders, the examples' global escalations) grow faster than linear, about
  as n^1.5 over the sizes measured, because the band widens with the contract; they stay under a second at
  4,000–5,000 rules.
- **Review** parses large logs on two worker threads (parsing JSON is most of its work) and takes the results
  in file order; replay decides every line again with the interpreter and stays on one thread.
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
  await manyMatchesSection({ quick }),
  "",
  await pythonSection({ quick }),
  "",
  await businessTimeSection({ quick }),
  "",
  await toolTimes(),
  "",
  analysisSection([
    ...timeAnalysis(quick ? [100, 1000] : [100, 1000, 5000]),
    ...timeAnalysis(quick ? [100, 1000] : [100, 1000, 5000], ["most-severe"], "routing"),
    ...timeAnalysis(quick ? [100, 1000] : [100, 1000, 5000], ["most-severe"], "examples"),
    ...(["ladder", "mixed", "interleaved"] as const).flatMap((shape) => timeAnalysis(quick ? [250, 1000] : [250, 1000, 4000], ["most-severe"], shape)),
  ]),
  "",
  lspSection(await benchLsp(quick ? { rounds: 5 } : {})),
  "",
  startupSection(await benchStartup(quick ? { rounds: 5 } : {})),
  "",
  await reviewSection(quick),
  "",
  readingTheFigures,
].join("\n");
console.log(report);
if (!quick) writeFileSync(join(root, "docs/performance.md"), report);
