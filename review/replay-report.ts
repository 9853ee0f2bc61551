/** `handoff replay`'s human-readable report. */
import { formatDuration } from "../grammar/tokens.ts";
import { actionNames } from "../grammar/vocabulary.ts";
import { count, percent } from "./report-figures.ts";
import type { DecisionSummary, ReplayResult } from "./replay.ts";

const within = (s: number | null) => (s === null ? "no deadline" : formatDuration(s));

function decision(d: DecisionSummary): string {
  const owner = d.owner === null ? "" : ` to ${d.owner}`;
  const w = d.withinSeconds === null ? "" : ` within ${formatDuration(d.withinSeconds)}`;
  return `${d.action}${owner}${w} (${d.rule === "otherwise" || d.rule === "invalid-input" ? d.rule : `rule ${d.rule}`})`;
}

export function replayText(r: ReplayResult): string {
  const c = r.contract;
  const replayed = r.decisions - r.unreplayable.count;
  const out = [
    `replayed ${count(replayed)} decisions against ${c.name} ${c.version ?? "(no version)"} (${c.hash.slice(0, 12)}): ` +
      (r.changed === 0 ? "no decision changes" : `${count(r.changed)} would change (${percent(replayed === 0 ? 0 : r.changed / replayed)})`),
  ];
  if (r.unreplayable.count > 0) {
    const names = r.unreplayable.signals.map((s) => `\`${s}\``).join(", ");
    out.push(`${count(r.unreplayable.count)} decision${r.unreplayable.count === 1 ? "" : "s"} could not be replayed: their inputs are redacted (pii ${names}, which the contract cannot read as \`[redacted]\`)`);
  }
  if (r.otherContracts > 0) out.push(`note: ${count(r.otherContracts)} decisions were logged by a contract not named ${c.name}`);
  if (r.changed > 0) {
    const width = 10;
    out.push("", "old action -> new action (decisions that change; on the diagonal, owner or within changed):", "");
    out.push("".padEnd(width) + actionNames.map((a) => a.padStart(width)).join(""));
    for (const from of actionNames) out.push(from.padEnd(width) + actionNames.map((to) => String(r.matrix[from][to] || ".").padStart(width)).join(""));
    if (r.owners.length > 0) {
      out.push("", "owners that change:");
      for (const o of r.owners.slice(0, 10)) out.push(`  ${o.from ?? "(none)"} -> ${o.to ?? "(none)"}: ${count(o.count)}`);
      if (r.owners.length > 10) out.push(`  … and ${r.owners.length - 10} more`);
    }
    if (r.withins.length > 0) {
      out.push("", "deadlines (within) that change:");
      for (const w of r.withins.slice(0, 10)) out.push(`  ${within(w.from)} -> ${within(w.to)}: ${count(w.count)}`);
      if (r.withins.length > 10) out.push(`  … and ${r.withins.length - 10} more`);
    }
    for (const cell of r.cells) {
      out.push("", `${cell.from} -> ${cell.to}${cell.from === cell.to ? " (owner or within changed)" : ""}: ${count(cell.count)}`);
      for (const e of cell.examples) {
        out.push(`  ${e.file}:${e.line} conversation ${e.conversationId} turn ${e.turn}`, `    ${decision(e.from)} -> ${decision(e.to)}`);
      }
    }
  }
  if (r.newlyInvalid > 0) out.push("", `${count(r.newlyInvalid)} logged inputs are invalid for the new contract (it requires or rejects signals the log has).`);
  if (r.redactedInputs > 0) out.push("", `${count(r.redactedInputs)} decisions had a redacted (pii) signal that the new contract's rules read: their replay is approximate.`);
  if (r.bad.count > 0) {
    out.push("", `${count(r.bad.count)} bad line${r.bad.count === 1 ? "" : "s"} skipped:`);
    for (const b of r.bad.first) out.push(`  ${b.file}:${b.line}: ${b.reason}`);
    if (r.bad.count > r.bad.first.length) out.push(`  … and ${count(r.bad.count - r.bad.first.length)} more`);
  }
  return out.join("\n") + "\n";
}
