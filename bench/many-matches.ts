/**
 * Decisions when many rules match: contracts of 25, 250 and 2,500 rules from bench/many-matches-contracts.ts,
 * where a typical input matches about one rule in ten, so `matched` and `reasons` grow with the contract.
 * Each module is timed beside the others, interleaved in one process, medians of rounds. To show how much
 * of a decision is its output, the table-strategy modules are also timed with the loops that list the
 * matched names and the other rules' reasons cut out of `decide` (a copy of the module edited as text):
 * what remains is validation, matching, the winner and its brief.
 *
 * Run alone: node --expose-gc --import tsx bench/many-matches.ts [--quick]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { checkContract } from "../compiler/check/index.ts";
import { generateWithPlan, type Strategy } from "../compiler/codegen/index.ts";
import { interpret } from "../compiler/interpret.ts";
import { parse } from "../grammar/parse.ts";
import type { Decision } from "../runtime/prelude/index.ts";
import { randomInputs } from "./inputs.ts";
import { manyMatchesContract } from "./many-matches-contracts.ts";
import { measureInterleaved, type Candidate } from "./measure.ts";

type Decide = (signals: unknown, context?: unknown) => Decision;

const CONTEXT = { now: "2026-11-24T10:00:00Z" };
const BATCH_MS = 20;

/**
 * What is cut out of the table strategies' `decide` to time it without its output lists: the pattern, what
 * stands in for it, and whether the generated code must have it (the cuts fit the tail as it was before
 * issue 13 too, so that a run on an older checkout compares like with like).
 */
const OUTPUT_CUTS: readonly (readonly [RegExp, string, boolean])[] = [
  // Filling the matched names (the winner is still chosen).
  [/^\s*matched(?:\.push\(RULE_NAMES\[j\]!\)|\[k\] = RULE_NAMES\[j\]!);\n/m, "", true],
  // The other matched rules' reasons (the winner's reason stays).
  [/^(\s*)for \(let k = 0; [^)]*\) \{\n\s*const j = MATCHED\[k\]!;\n\s*if \(j [!=]== win[\s\S]*?\n\1\}\n/m, "", true],
  // The lists allocated at their final length.
  [/new Array<string>\(count\)/, "[]", false],
  [/new Array<string>\(withReason\)/, "[]", false],
];

/** The module with the output loops cut out; throws when the generated code no longer has them. */
function withoutOutput(source: string): string {
  return OUTPUT_CUTS.reduce((text, [pattern, replacement, required]) => {
    if (required && !pattern.test(text)) throw new Error(`bench/many-matches.ts: the generated decide no longer matches ${pattern}`);
    return text.replace(pattern, replacement);
  }, source);
}

interface Row {
  readonly rules: number;
  readonly strategy: Strategy;
  readonly matched: number;
  readonly reasons: number;
  readonly ns: number;
  /** Without the matched names and the other reasons (table strategies only). */
  readonly bareNs: number | null;
}

/** Batch size so one batch of `run` takes about `targetMs`, timed on a second trial. */
function calibrate(run: (k: number) => unknown, targetMs: number): number {
  for (let k = 64; ; k *= 2) {
    run(k);
    const start = process.hrtime.bigint();
    run(k);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (ms >= 2) return Math.max(1, Math.round((k * targetMs) / ms));
  }
}

async function importModule(dir: string, name: string, source: string): Promise<Decide> {
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, source);
  return ((await import(pathToFileURL(file).href)) as { decide: Decide }).decide;
}

export async function measureManyMatches(options: { quick: boolean; sizes?: readonly number[] }): Promise<Row[]> {
  const sizes = options.sizes ?? [25, 250, 2_500];
  const dir = mkdtempSync(join(tmpdir(), "handoff-many-"));
  try {
    const built = [];
    for (const rules of sizes) {
      const source = manyMatchesContract(rules);
      // The checker alone: the static analyses (over ten seconds at 2,500 such rules) add no error here.
      const checked = checkContract(parse(source).ast, { source, fileName: `many-${rules}.handoff` });
      if (!checked.model) throw new Error(`the generated ${rules}-rule contract does not check`);
      const model = checked.model;
      const { text, plan } = await generateWithPlan(model);
      const inputs = randomInputs(model, 512);
      // Checked on one copy and timed on another, imported fresh (see bench/scale.ts: decisions kept alive
      // while checking can teach V8 to pretenure that module's objects, which slows it alone).
      const checking = await importModule(dir, `many-${rules}-check`, text);
      let matched = 0;
      let reasons = 0;
      for (const input of inputs) {
        const got = checking(input, CONTEXT);
        const want = interpret(model, input, CONTEXT);
        if (!isDeepStrictEqual(got, want)) throw new Error(`the ${rules}-rule module disagrees with the interpreter on ${JSON.stringify(input)}`);
        matched += got.matched.length;
        reasons += got.reasons.length;
      }
      const decide = await importModule(dir, `many-${rules}`, text);
      const bare = plan.strategy === "inline" ? null : await importModule(dir, `many-${rules}-bare`, withoutOutput(text));
      built.push({ rules, strategy: plan.strategy, inputs, decide, bare, matched: matched / inputs.length, reasons: reasons / inputs.length });
    }
    // One loop literal per module (closures of one literal would share their type feedback).
    const candidates: Candidate[] = [];
    for (const b of built) {
      const n = b.inputs.length;
      const { inputs, decide, bare } = b;
      const full = (k: number) => { let x; for (let i = 0; i < k; i++) x = decide(inputs[i % n], CONTEXT); return x; };
      candidates.push({ name: `${b.rules}`, run: full, iterations: calibrate(full, BATCH_MS) });
      if (bare) {
        const cut = (k: number) => { let x; for (let i = 0; i < k; i++) x = bare(inputs[i % n], CONTEXT); return x; };
        candidates.push({ name: `${b.rules} bare`, run: cut, iterations: calibrate(cut, BATCH_MS) });
      }
    }
    const rounds = options.quick ? 9 : 31;
    const samples = new Map<string, number[]>(candidates.map((c) => [c.name, []]));
    for (let round = 0; round < rounds + 2; round++) {
      (globalThis as { gc?: () => void }).gc?.();
      const turn = round % candidates.length;
      const measured = measureInterleaved([...candidates.slice(turn), ...candidates.slice(0, turn)], 1, 0);
      if (round >= 2) for (const m of measured) samples.get(m.name)!.push(m.nsPerOp);
    }
    const med = (name: string) => {
      const s = [...samples.get(name)!].sort((a, b) => a - b);
      return s[s.length >> 1]!;
    };
    return built.map((b) => ({ rules: b.rules, strategy: b.strategy, matched: b.matched, reasons: b.reasons, ns: med(`${b.rules}`), bareNs: b.bare ? med(`${b.rules} bare`) : null }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmtNs = (ns: number) => (ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);

/** The Markdown section for docs/performance.md. */
export async function manyMatchesSection(options: { quick: boolean }): Promise<string> {
  const rows = await measureManyMatches(options);
  const base = rows[0]!;
  return [
    "### Decisions when many rules match",
    "",
    "Contracts from bench/many-matches-contracts.ts: 20 signals (enums, texts, small ints), each rule an `and` of",
    "2–5 random comparisons (enum `in` lists, text `!=`, int `==`), every action, reasons on about half of the",
    "rules. Nothing keys the rules apart, so an input matches about one rule in ten and the decision lists every",
    "one of them and every reason. 512 seeded inputs, each checked to give the interpreter's decision; the modules",
    "interleaved in one process, medians of rounds. *Without the lists* is the same module with the loops that",
    "push the matched names and the other matched rules' reasons cut out: validation, matching, the winner and",
    "its brief. The aim is at most 20× the 25-rule time for 100× the rules.",
    "",
    `| rules | strategy | matched per input | reasons per input | per decision | ratio to ${base.rules} rules | without the lists | the lists' share |`,
    "|------:|----------|------------------:|------------------:|-------------:|------:|------------------:|------:|",
    ...rows.map(
      (r) =>
        `| ${r.rules.toLocaleString("en-US")} | ${r.strategy} | ${r.matched.toFixed(1)} | ${r.reasons.toFixed(1)} | ${fmtNs(r.ns)} | ${(r.ns / base.ns).toFixed(1)}× | ${r.bareNs === null ? "—" : fmtNs(r.bareNs)} | ${r.bareNs === null ? "—" : `${Math.round((100 * (r.ns - r.bareNs)) / r.ns)}%`} |`,
    ),
    "",
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(await manyMatchesSection({ quick: process.argv.includes("--quick") }));
}
