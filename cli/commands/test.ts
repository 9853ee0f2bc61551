import { check } from "../../compiler/compile.ts";
import { describeDecision } from "../../compiler/explain.ts";
import { runTests, type TestResult } from "../../compiler/contract-tests/index.ts";
import { printExample } from "../../diagnostics/values.ts";
import { tooLargeDiagnostic } from "../../grammar/parse.ts";
import { parse, UsageError } from "../args.ts";
import { readSource } from "../io.ts";
import type { Io } from "../io-types.ts";
import { reportToStderr } from "../report.ts";

export const testCommand = {
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, { format: { type: "string", short: "f", default: "human" } }, "test");
    if (positionals.length === 0) throw new UsageError("test: expected at least one contract (usage: handoff test FILE...)");
    if (values.format !== "human" && values.format !== "json") {
      throw new UsageError(`test: unknown format \`${values.format}\` (expected human or json)`);
    }
    const json = values.format === "json";
    let passed = 0;
    let failed = 0;
    let broken = false;
    const files: { file: string; tests: TestResult[] }[] = [];
    for (const file of positionals) {
      const { text, tooLarge } = await readSource(io.cwd, file);
      if (tooLarge) {
        reportToStderr(io, file, "", [tooLargeDiagnostic()]);
        broken = true;
        continue;
      }
      const result = check(text, { fileName: file });
      // `not-monotone` is a failed property, which the tests report themselves (with both inputs).
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      const model = errors.every((d) => d.code === "not-monotone") ? (result.model ?? result.checked ?? null) : null;
      // Warnings and infos are `check`'s business; only errors, which stop the tests, are shown.
      if (model === null) {
        reportToStderr(io, file, text, result.diagnostics);
        broken = true;
        continue;
      }
      const tests = runTests(model);
      files.push({ file, tests });
      for (const t of tests) t.passed ? passed++ : failed++;
      if (!json) io.stdout(renderFile(file, tests, positionals.length > 1));
    }
    if (json) io.stdout(JSON.stringify({ files, passed, failed }, null, 2) + "\n");
    else io.stdout(`${passed} passed, ${failed} failed\n`);
    return failed > 0 || broken ? 1 : 0;
  },
};

/** The human report of one file; inputs are printed as `check` prints examples (diagnostics/values.ts). */
function renderFile(file: string, tests: readonly TestResult[], header: boolean): string {
  const indent = header ? "  " : "";
  let out = header ? `${file}\n` : "";
  for (const t of tests) {
    out += `${indent}${t.passed ? "✓" : "✗"} ${t.name}\n`;
    if (t.counterexample) {
      const { input, decision, now } = t.counterexample;
      out += `${indent}    expected:       ${t.expected}\n`;
      out += `${indent}    counterexample: ${printExample(input)}${now === undefined ? "" : `, at now = ${now}`}\n`;
      out += `${indent}    decision:       ${describeDecision(decision)}\n`;
    }
    if (t.moved) {
      const { input, decision } = t.moved;
      out += `${indent}    moved:          ${printExample(input)}\n`;
      out += `${indent}    decision:       ${describeDecision(decision)}\n`;
    }
  }
  return out;
}
