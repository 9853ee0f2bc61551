import { check } from "../../compiler/compile.ts";
import { hasErrors, type Diagnostic, type Example } from "../../diagnostics/index.ts";
import { parse, UsageError } from "../args.ts";
import { readSource } from "../io.ts";
import { summary, toJson } from "../../diagnostics/render.ts";
import { renderDiagnostics } from "../summarise.ts";
import { printExample } from "../../diagnostics/values.ts";
import type { Io } from "../io-types.ts";
import { tooLargeDiagnostic } from "../../grammar/parse.ts";

/** A date, or a date and time with `Z` or an offset, that Date can read. */
function isInstant(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(text) && Number.isFinite(Date.parse(text));
}

export const checkCommand = {
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, { format: { type: "string" }, info: { type: "boolean" }, witnesses: { type: "boolean" }, all: { type: "boolean" }, now: { type: "string" } }, "check");
    const format = values.format ?? "human";
    const withWitnesses = values.witnesses === true;
    if (format !== "human" && format !== "json") throw new UsageError(`check: --format must be \`human\` or \`json\`, not \`${format}\``);
    if (positionals.length === 0) throw new UsageError("check: no contract given (usage: handoff check FILE...)");
    const now = values.now;
    if (now !== undefined && !isInstant(now)) {
      throw new UsageError(`check: --now must be an ISO 8601 instant such as 2026-12-04T09:00:00Z, not \`${now}\``);
    }
    const all: ReturnType<typeof toJson>[] = [];
    const witnesses: { file: string; rule: string; example: Example }[] = [];
    let failed = false;
    for (const file of positionals) {
      const { text, tooLarge } = await readSource(io.cwd, file);
      const result = tooLarge ? null : check(text, { fileName: file, ...(now === undefined ? {} : { now }) });
      const diagnostics: readonly Diagnostic[] = result ? result.diagnostics : [tooLargeDiagnostic()];
      failed ||= hasErrors(diagnostics);
      const found = result?.witnesses ?? [];
      if (format === "json") {
        all.push(...diagnostics.map((d) => toJson(file, d)));
        witnesses.push(...found.map((w) => ({ file, rule: w.rule, example: w.example })));
      } else {
        const shown = values.info === true ? diagnostics : diagnostics.filter((d) => d.severity !== "info");
        for (const rendered of renderDiagnostics(file, text, shown, values.all === true)) io.stdout(rendered + "\n");
        if (withWitnesses) for (const w of found) io.stdout(`rule ${w.rule}: ${printExample(w.example)}\n`);
        const hidden = diagnostics.length - shown.length;
        io.stdout(`${file}: ${summary(diagnostics)}${hidden > 0 ? ` (not shown; \`--info\` shows them)` : ""}\n`);
      }
    }
    if (format === "json") io.stdout(JSON.stringify(withWitnesses ? { diagnostics: all, witnesses } : all, null, 2) + "\n");
    return failed ? 1 : 0;
  },
};
