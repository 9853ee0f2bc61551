/** The review as Markdown, and the short summary printed on standard output. */
import type { Comparison, Move } from "./compare.ts";
import { count, inTime, OWNERS_NOTE, percent, period, pointsText, sideText } from "./report-figures.ts";
import type { ReviewResult } from "./review.ts";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function reviewMarkdown(r: ReviewResult): string {
  const out: string[] = [];
  out.push(`# Handoff review`, "");
  out.push(`Period: ${period(r.since, r.until, r.firstTs, r.lastTs)}. Logs: ${r.files.map((f) => `\`${f}\``).join(", ")}.`, "");
  out.push(
    `${count(r.lines)} lines read: ${count(r.decisions)} decisions, ${count(r.events)} events, ${count(r.outsidePeriod)} outside the period, ${count(r.bad.count)} bad.`,
    "",
  );
  if (r.contracts.length > 0) {
    out.push(`Contracts: ${r.contracts.map((c) => `${c.name} ${c.version ?? "(no version)"} (\`${c.hash.slice(0, 12)}\`, ${count(c.decisions)} decisions)`).join("; ")}.`, "");
  }
  out.push(`## Actions`, "", `| action | decisions | share | near misses | near-miss rate |`, `|---|---:|---:|---:|---:|`);
  for (const a of r.actions) out.push(`| ${a.action} | ${count(a.decisions)} | ${percent(a.share)} | ${count(a.nearMisses)} | ${percent(a.nearMissRate)} |`);
  out.push("", `## Near misses`, "", `${count(r.nearMissDecisions)} decisions flagged (${percent(r.decisions === 0 ? 0 : r.nearMissDecisions / r.decisions)}); ${count(r.openHandoffs)} handoffs were still within their deadline when the log ended.`, "");
  for (const k of r.nearMisses) {
    out.push(`### ${k.title}: ${count(k.count)}`, "", k.definition, "");
    for (const e of k.examples) out.push(`- \`${e.file}:${e.line}\` conversation \`${e.conversationId}\` turn ${e.turn}, rule \`${e.rule}\`: ${e.detail}`);
    if (k.examples.length > 0) out.push("");
  }
  out.push(`## Rules`, "", `| rule | action | decisions | share | near misses | near-miss rate |`, `|---|---|---:|---:|---:|---:|`);
  for (const x of r.rules) {
    out.push(`| ${cell(x.rule)} | ${x.actions.join(", ")} | ${count(x.decisions)} | ${percent(x.share)} | ${count(x.nearMisses)} | ${percent(x.nearMissRate)} |`);
  }
  out.push("", `### Rules that never fired`, "");
  out.push(r.neverFired.length === 0 ? "Every known rule fired in the period." : r.neverFired.map((x) => `- \`${x}\``).join("\n"), "");
  out.push(`## Owners`, "", OWNERS_NOTE, "");
  if (r.owners.length === 0) out.push("No case was handed to an owner in the period.", "");
  else {
    out.push(`| owner | handoffs | while closed | business-time deadlines | accepted in time | late | never accepted | in time |`, `|---|---:|---:|---:|---:|---:|---:|---:|`);
    for (const o of r.owners) {
      const name = o.ownerName === null ? `\`${o.owner}\`` : `${cell(o.ownerName)} (\`${o.owner}\`)`;
      out.push(`| ${name} | ${count(o.handoffs)} | ${count(o.whileClosed)} | ${count(o.businessTime)} | ${count(o.acceptedInTime)} | ${count(o.acceptedLate)} | ${count(o.neverAccepted)} | ${inTime(o)} |`);
    }
    out.push("");
  }
  out.push(`## Sample`, "", `Up to ${r.samplePerAction} decisions per action, drawn uniformly with seed \`${r.seed}\` (the same seed and log give the same sample).`, "");
  for (const a of r.actions) {
    const items = r.sample[a.action];
    out.push(`### ${a.action} (${items.length} of ${count(a.decisions)})`, "");
    for (const s of items) {
      const owner = s.owner === null ? "" : ` to \`${s.owner}\``;
      const deadline = s.deadline === null ? "" : ` by ${s.deadline}`;
      out.push(`- \`${s.file}:${s.line}\` ${s.ts} conversation \`${s.conversationId}\` turn ${s.turn}: rule \`${s.rule}\`${owner}${deadline}`);
      if (s.reasons.length > 0) out.push(`  - reason: ${s.reasons[0]}`);
      if (s.say !== null) out.push(`  - say: ${s.say}`);
    }
    out.push("");
  }
  out.push(`## Bad lines: ${count(r.bad.count)}`, "");
  for (const b of r.bad.first) out.push(`- \`${b.file}:${b.line}\`: ${b.reason}`);
  if (r.bad.count > r.bad.first.length) out.push(`- … and ${count(r.bad.count - r.bad.first.length)} more`);
  return out.join("\n").replace(/\n{3,}/g, "\n\n") + "\n";
}

/** A few lines for standard output. */
export function reviewSummary(r: ReviewResult): string {
  const lines = [
    `${count(r.decisions)} decisions, ${count(r.events)} events (${period(r.since, r.until, r.firstTs, r.lastTs)})`,
    r.actions.map((a) => `${a.action} ${count(a.decisions)} (${percent(a.share)})`).join(", "),
    `near misses: ${count(r.nearMissDecisions)} decisions — ${r.nearMisses.map((k) => `${k.kind} ${count(k.count)}`).join(", ")}`,
  ];
  if (r.neverFired.length > 0) lines.push(`rules that never fired: ${r.neverFired.join(", ")}`);
  if (r.owners.length > 0) {
    const shown = r.owners.slice(0, 5).map((o) => `${o.owner} ${count(o.handoffs)} (in time ${inTime(o)}${o.whileClosed > 0 ? `, ${count(o.whileClosed)} while closed` : ""})`);
    lines.push(`owners: ${shown.join(", ")}${r.owners.length > 5 ? `, … and ${r.owners.length - 5} more` : ""}`);
  }
  if (r.bad.count > 0) {
    lines.push(`${count(r.bad.count)} bad line${r.bad.count === 1 ? "" : "s"}:`);
    for (const b of r.bad.first) lines.push(`  ${b.file}:${b.line}: ${b.reason}`);
    if (r.bad.count > r.bad.first.length) lines.push(`  … and ${count(r.bad.count - r.bad.first.length)} more`);
  }
  return lines.join("\n") + "\n";
}

/** The lines `handoff review --compare` adds to the summary: what moved most, per action, rule and kind. */
export function comparisonSummary(c: Comparison, most = 5): string {
  const line = (m: Move) => `  ${m.name} ${sideText(m.before)} → ${sideText(m.after)} (${pointsText(m.points)})`;
  const lines = [`compared with ${c.earlier} (${count(c.before.decisions)} decisions), share of decisions:`];
  lines.push(...c.actions.map(line));
  const rules = c.rules.filter((m) => Math.abs(m.points) >= 0.05);
  if (rules.length > 0) lines.push("rules that moved most:", ...rules.slice(0, most).map(line));
  if (rules.length > most) lines.push(`  … and ${count(rules.length - most)} more (all of them with --out FILE.md or FILE.json)`);
  lines.push("near misses, share of decisions flagged:", ...c.nearMisses.map(line));
  return lines.join("\n") + "\n";
}

/** The "Compared with" section of the Markdown report. */
export function comparisonMarkdown(c: Comparison): string {
  const table = (title: string, label: string, moves: readonly Move[]) => [
    `### ${title}`,
    "",
    `| ${label} | before | now | change |`,
    `|---|---:|---:|---:|`,
    ...moves.map((m) => `| ${cell(m.name)} | ${sideText(m.before)} | ${sideText(m.after)} | ${pointsText(m.points)} |`),
    "",
  ];
  return [
    `## Compared with \`${c.earlier}\``,
    "",
    `${count(c.before.decisions)} decisions then (${period(null, null, c.before.firstTs, c.before.lastTs)}). Shares of all decisions in each period; "none": no decision.`,
    "",
    ...table("Actions", "action", c.actions),
    ...table("Rules", "rule", c.rules),
    ...table("Near misses (share of decisions flagged)", "kind", c.nearMisses),
  ].join("\n");
}
