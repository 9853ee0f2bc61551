/**
 * `npm run bench`: decisions per second of the compiled support contract beside a hand-written
 * if-chain and json-rules-engine (interleaved, medians, ratios), and check/build wall time on a
 * generated 1,000-rule contract. Prints a report and writes it to docs/performance.md.
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
import { measureInterleaved, median, timeMedian } from "./measure.ts";
import { syntheticContract } from "./synthetic.ts";

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

async function decisions(): Promise<string> {
  const source = readFileSync(join(root, "examples/support.handoff"), "utf8");
  const compiled = await compile(source, { fileName: "support.handoff" });
  if (!compiled.output || !compiled.model) throw new Error("examples/support.handoff does not compile");
  const generated = await importGenerated("support", compiled.output);
  const inputs = randomInputs(compiled.model, 1024);
  const context = { now: "2026-11-24T10:00:00Z" };
  for (const input of inputs) {
    if (!isDeepStrictEqual(generated.decide(input, context), decideByHand(input, context))) {
      throw new Error(`the hand-written baseline disagrees with the compiled module on ${JSON.stringify(input)}`);
    }
  }
  const mix: Record<string, number> = {};
  for (const input of inputs) {
    const action = generated.decide(input, context).action;
    mix[action] = (mix[action] ?? 0) + 1;
  }
  const engine = jsonRulesEngineFor(compiled.model);
  const mask = inputs.length - 1;
  // json-rules-engine is asynchronous; its batch awaits each run in turn.
  const jreSamples: number[] = [];
  const jreBatch = quick ? 50 : 200;
  const sync = measureInterleaved(
    [
      { name: "compiled module", iterations: 200_000, run: (n) => { let x; for (let i = 0; i < n; i++) x = generated.decide(inputs[i & mask], context); return x; } },
      { name: "hand-written if-chain", iterations: 200_000, run: (n) => { let x; for (let i = 0; i < n; i++) x = decideByHand(inputs[i & mask], context); return x; } },
    ],
    rounds,
  );
  for (let r = 0; r < rounds + 2; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < jreBatch; i++) await engine(inputs[i & mask]!);
    if (r >= 2) jreSamples.push(Number(process.hrtime.bigint() - start) / jreBatch);
  }
  const [mine, hand] = [sync[0]!, sync[1]!];
  const jre = median(jreSamples);
  const rows = [
    ["compiled module", mine.nsPerOp, "1.00×"],
    ["hand-written if-chain", hand.nsPerOp, `${(mine.nsPerOp / hand.nsPerOp).toFixed(2)}× (compiled ÷ hand-written)`],
    ["json-rules-engine", jre, `${Math.round(jre / mine.nsPerOp).toLocaleString("en-US")}× slower than compiled`],
  ] as const;
  return [
    `### Decisions: examples/support.handoff (${compiled.model.rules.length} rules, ${compiled.model.signals.length} signals)`,
    "",
    `1,024 seeded random valid inputs, cycled; the hand-written baseline was checked to return identical decisions. ${rounds} interleaved rounds, medians.`,
    `Decisions in the sample: ${Object.entries(mix).map(([action, n]) => `${action} ${n}`).join(", ")} (every handoff builds a full brief; an answer builds none).`,
    "",
    "| implementation | per decision | decisions/s | ratio |",
    "|---|---|---|---|",
    ...rows.map(([name, ns, ratio]) => `| ${name} | ${fmtNs(ns)} | ${fmtRate(ns)} | ${ratio} |`),
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
    `| check (parse + type-check) | ${checkMs.toFixed(0)} ms |`,
    `| build (check + generate + format) | ${buildMs.toFixed(0)} ms |`,
  ].join("\n");
}

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
  await toolTimes(),
  "",
].join("\n");
console.log(report);
if (!quick) writeFileSync(join(root, "docs/performance.md"), report);
