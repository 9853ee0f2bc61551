import { semanticDiff, incompatibility, type DecisionSummary, type SemanticDiff } from "../../compiler/analysis/diff.ts";
import { check } from "../../compiler/compile.ts";
import { showBusiness } from "../../compiler/explain.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { formatDuration } from "../../grammar/tokens.ts";
import { actionNames } from "../../grammar/vocabulary.ts";
import { tooLargeDiagnostic } from "../../grammar/parse.ts";
import { parse, UsageError } from "../args.ts";
import { readSource } from "../io.ts";
import type { Io } from "../io-types.ts";
import { printExample } from "../../diagnostics/values.ts";
import { reportToStderr } from "../report.ts";

export const diffCommand = {
  async run(args: readonly string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, { format: { type: "string" } }, "diff");
    const format = values.format ?? "human";
    if (format !== "human" && format !== "json") throw new UsageError(`diff: --format must be \`human\` or \`json\`, not \`${format}\``);
    if (positionals.length !== 2) throw new UsageError("diff: expected two contracts (usage: handoff diff OLD.handoff NEW.handoff)");
    const models: ContractModel[] = [];
    for (const file of positionals) {
      const { text, tooLarge } = await readSource(io.cwd, file);
      const diagnostics = tooLarge ? [tooLargeDiagnostic()] : check(text, { fileName: file }).diagnostics;
      const errors = diagnostics.filter((d) => d.severity === "error");
      if (errors.length > 0) {
        reportToStderr(io, file, text, errors);
        return 2;
      }
      models.push(check(text, { fileName: file }).model!);
    }
    const [before, after] = models as [ContractModel, ContractModel];
    const problem = incompatibility(before, after);
    if (problem) {
      io.stderr(`handoff: diff: the contracts can't be compared: ${problem}\n`);
      return 2;
    }
    const result = semanticDiff(before, after);
    io.stdout(format === "json" ? JSON.stringify(result, null, 2) + "\n" : renderDiff(positionals[0]!, positionals[1]!, result));
    return result.equivalent ? 0 : 1;
  },
};

function decision(d: DecisionSummary): string {
  const owner = d.owner === null ? "" : ` to ${d.owner}`;
  const within = d.withinSeconds === null ? "" : ` within ${d.businessTime ? showBusiness(d.withinSeconds) : formatDuration(d.withinSeconds)}`;
  return `${d.action}${owner}${within} (${d.rule === "otherwise" ? "otherwise" : `rule ${d.rule}`})`;
}

export function renderDiff(oldFile: string, newFile: string, diff: SemanticDiff): string {
  const lines: string[] = [];
  if (diff.equivalent) lines.push(`${oldFile} and ${newFile} decide every valid input the same way`);
  else {
    lines.push(`old action -> new action (regions of inputs whose decision changed; on the diagonal, owner or within changed):`, "");
    const width = 10;
    lines.push(`${"".padEnd(width)}${actionNames.map((a) => a.padStart(width)).join("")}`);
    for (const from of actionNames) {
      lines.push(`${from.padEnd(width)}${actionNames.map((to) => String(diff.matrix[from][to] || ".").padStart(width)).join("")}`);
    }
    for (const change of diff.changes) {
      const kind = change.from === change.to ? " (owner or within changed)" : "";
      lines.push("", `${change.from} -> ${change.to}${kind}:`);
      const several = change.regions.length + change.moreRegions > 1;
      if (several && change.common.length > 0) lines.push(`  every such input has ${change.common.join(", ")}`);
      for (const r of change.regions) {
        lines.push(`  where ${r.where.length === 0 ? "any input" : r.where.join(", ")}`);
        lines.push(`    ${decision(r.from)} -> ${decision(r.to)}`);
      }
      if (change.moreRegions > 0) lines.push(`  … and ${change.moreRegions} more region${change.moreRegions === 1 ? "" : "s"}`);
      lines.push(`  example: ${printExample(change.example.input)}`);
      lines.push(`    ${decision(change.example.from)} -> ${decision(change.example.to)}`);
    }
  }
  if (diff.becameUnreachable.length > 0) lines.push("", `rules that can no longer win: ${diff.becameUnreachable.join(", ")}`);
  if (diff.becameReachable.length > 0) lines.push("", `rules that can now win: ${diff.becameReachable.join(", ")}`);
  return lines.join("\n") + "\n";
}
