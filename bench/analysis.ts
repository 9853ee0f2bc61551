/**
 * Analysis time for synthetic contracts (bench/synthetic.ts: 20+ signals of mixed types, rules shaped
 * like the examples) of 100, 1,000 and 5,000 rules: every analysis of compiler/analysis/ plus the
 * witnesses, on an already checked model (parsing and checking are measured elsewhere). Median of a
 * few runs per size, both policies.
 *
 * Run alone: node --import tsx bench/analysis.ts
 */
import { analyse } from "../compiler/analysis/index.ts";
import { checkContract } from "../compiler/check/index.ts";
import { parse } from "../grammar/parse.ts";
import { shapeContract, type AnalysisShape } from "./analysis-shapes.ts";
import { median } from "./measure.ts";
import { routingContract } from "./routing.ts";
import { scaleContract } from "./scale-contracts.ts";
import { syntheticContract } from "./synthetic.ts";

/**
 * `random`: bench/synthetic.ts (most rules can never win); `routing`: bench/routing.ts (almost all can);
 * `examples`: bench/scale-contracts.ts (20 signals, product-keyed routing plus global escalations and stops);
 * `ladder`, `mixed`, `interleaved`: bench/analysis-shapes.ts (thresholds on one signal, random overlapping
 * conjunctions, two crossed ladders).
 */
export type Shape = "random" | "routing" | "examples" | AnalysisShape;

export interface AnalysisTiming {
  readonly shape: Shape;
  readonly rules: number;
  readonly policy: "most-severe" | "first-match";
  readonly medianMs: number;
  readonly runs: number;
  readonly diagnostics: number;
  readonly witnesses: number;
}

export function timeAnalysis(
  sizes: readonly number[] = [100, 1000, 5000],
  policies: readonly ("most-severe" | "first-match")[] = ["most-severe", "first-match"],
  shape: Shape = "random",
): AnalysisTiming[] {
  const out: AnalysisTiming[] = [];
  for (const policy of shape === "random" ? policies : (["most-severe"] as const)) {
    for (const rules of sizes) {
      const source =
        shape === "routing" ? routingContract(rules) : shape === "examples" ? scaleContract(rules) : shape === "random" ? syntheticContract({ rules, policy }) : shapeContract(shape, rules);
      const ast = parse(source).ast;
      const { model } = checkContract(ast, { source, fileName: `synthetic-${rules}.handoff` });
      if (!model) throw new Error(`synthetic contract of ${rules} rules does not check`);
      const runs = rules >= 4000 ? 3 : 5;
      const times: number[] = [];
      let last = analyse(model, ast, source);
      for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        last = analyse(model, ast, source);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      out.push({ shape, rules: model.rules.length, policy: model.policy, medianMs: median(times), runs, diagnostics: last.diagnostics.length, witnesses: last.witnesses.length });
    }
  }
  return out;
}

/** A markdown section with the figures, for docs/performance.md. */
export function analysisSection(timings: readonly AnalysisTiming[] = timeAnalysis()): string {
  // Growth: time per rule relative to the smallest contract of the same shape and policy (1.00: linear).
  const perRule = (t: AnalysisTiming) => t.medianMs / t.rules;
  const base = (t: AnalysisTiming) => timings.find((u) => u.shape === t.shape && u.policy === t.policy)!;
  const rows = timings.map(
    (t) => `| ${t.shape} | ${t.rules.toLocaleString("en")} | ${t.policy} | ${t.medianMs.toFixed(1)} ms | ${(perRule(t) / perRule(base(t))).toFixed(2)} | ${t.diagnostics} | ${t.witnesses} |`,
  );
  return [
    "## Static analysis",
    "",
    "Every analysis (`incomplete`, `unsatisfiable-condition`, `unreachable-rule`, `hidden-severity`, `ambiguous-owner`,",
    "`redundant-comparison`) plus one witness per reachable rule, after parsing and checking, on three shapes of",
    "generated contract: `random` (bench/synthetic.ts: 24 signals of mixed types, random overlapping conditions, so",
    "most rules can never win), `routing` (bench/routing.ts: rules keyed by product and region, almost all",
    "reachable), `examples` (bench/scale-contracts.ts, the contracts of the decision benchmark above: 20 signals,",
    "routing keyed by product plus global escalations and stops that overlap every product), and three shapes that",
    "were slow (bench/analysis-shapes.ts): `ladder` (`rule rI when n > I and a`: tiers on one number), `mixed` (20",
    "signals, each rule 2–5 random comparisons: enum lists, text `!=`, int `==`) and `interleaved` (two crossed",
    "ladders and overlapping enum windows under `first-match`). Median of 5 runs (3 from 4,000 rules). *Growth* is the time per rule over that of the smallest contract of the same shape: 1.00 is",
    "linear, 10 would be quadratic from 100 to 1,000 rules.",
    "",
    "| Shape | Rules | Policy | Analysis time | Growth | Diagnostics | Witnesses |",
    "|-------|------:|--------|--------------:|-------:|------------:|----------:|",
    ...rows,
    "",
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(analysisSection());
