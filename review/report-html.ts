/**
 * The review as one self-contained HTML page: inline CSS and SVG, no script, no external resource,
 * readable on screen and printed. Figures carry `data-*` attributes so tests can read them back.
 */
import { basename } from "node:path";
import type { Comparison, Move } from "./compare.ts";
import { count, inTime, OWNERS_NOTE, percent, period, pointsText, sideText } from "./report-figures.ts";
import type { ReviewResult } from "./review.ts";
import { barChart, escapeHtml as h } from "./svg.ts";

const style = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d232b; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccd; } h3 { margin-bottom: .3rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; } th, td { padding: .2rem .6rem; border-bottom: 1px solid #e3e6ea; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
code { font-size: .92em; background: #f3f4f6; padding: 0 .2em; border-radius: 3px; }
svg.chart { display: block; max-width: 100%; height: auto; margin: .6rem 0; } .chart rect { fill: #3a6ea5; } .chart text { font: 12px system-ui, sans-serif; fill: #1d232b; } .chart .chart-title { font-weight: 600; }
.few { color: #9a3412; font-size: .9em; } .definition { color: #4a5563; margin: 0 0 .4rem; } .muted { color: #5b6573; }
ul.examples, ul.sample { margin-top: .2rem; } .move.up { color: #14532d; } .move.down { color: #9a3412; } .sample li { margin-bottom: .3rem; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-after: avoid; } table, svg, li { break-inside: avoid; } .chart rect { fill: #555; } }
`;

const num = (value: string, data: string) => `<td class="n" data-${data}>${value}</td>`;

/** Rules with fewer decisions than this get a warning beside their near-miss rate. */
export const FEW_DECISIONS = 30;

/** An ISO time as a reader writes it: `2026-11-02 14:05 UTC`. */
export function time(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Where a line is: `line 12` when the review read one file (named once at the top), else `file:12`. */
function place(r: ReviewResult, file: string, line: number): string {
  return r.files.length === 1 ? `<span class="muted">line ${line}</span>` : `<code>${h(basename(file))}:${line}</code>`;
}

/** `name = value, …` for signals or evidence. */
function values(v: Record<string, unknown>): string {
  return Object.entries(v).map(([k, x]) => `<code>${h(k)}</code> = ${h(typeof x === "string" ? x : JSON.stringify(x))}`).join(", ");
}

/**
 * The "Compared with" section (`--compare`): per action, rule and near-miss kind, the two shares and the
 * move, largest first, as the Markdown report has them. Rules that did not move are left out of its table.
 */
function comparisonHtml(c: Comparison): string {
  const table = (id: string, title: string, label: string, moves: readonly Move[]) => {
    const rows = moves.map((m) => {
      const dir = Math.abs(m.points) < 0.05 ? "same" : m.points > 0 ? "up" : "down";
      return `<tr data-name="${h(m.name)}" data-points="${m.points.toFixed(2)}"><td><code>${h(m.name)}</code></td><td class="n">${sideText(m.before)}</td><td class="n">${sideText(m.after)}</td><td class="n move ${dir}">${pointsText(m.points)}</td></tr>`;
    });
    return `<h3>${title}</h3><table id="${id}"><thead><tr><th>${label}</th><th class="n">before</th><th class="n">now</th><th class="n">change</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
  };
  const moved = c.rules.filter((m) => Math.abs(m.points) >= 0.05);
  const still = c.rules.length - moved.length;
  return [
    `<section id="compared"><h2>Compared with <code>${h(c.earlier)}</code></h2>`,
    `<p>${count(c.before.decisions)} decisions then (${h(period(null, null, c.before.firstTs === null ? null : time(c.before.firstTs), c.before.lastTs === null ? null : time(c.before.lastTs)))}). Shares of all decisions in each period, and the move in percentage points; "none": no decision.</p>`,
    table("compared-actions", "Actions", "action", c.actions),
    table("compared-rules", "Rules", "rule", moved),
    still > 0 ? `<p class="muted">${count(still)} rule${still === 1 ? "" : "s"} did not move.</p>` : "",
    table("compared-near-misses", "Near misses (share of decisions flagged)", "kind", c.nearMisses),
    `</section>`,
  ].join("\n");
}

/** The page; with `comparison` (`--compare`), a "Compared with" section after the totals. */
export function reviewHtml(r: ReviewResult, comparison?: Comparison): string {
  const body: string[] = [];
  body.push(`<h1>Handoff review</h1>`);
  body.push(`<p class="muted">Period: ${h(period(...([r.since, r.until, r.firstTs, r.lastTs].map((t) => (t === null ? null : time(t))) as [string | null, string | null, string | null, string | null])))}. Logs: ${r.files.map((f) => `<code>${h(f)}</code>`).join(", ")}.</p>`);
  body.push(
    `<p id="totals" data-lines="${r.lines}" data-decisions="${r.decisions}" data-events="${r.events}" data-bad="${r.bad.count}">` +
      `${count(r.lines)} lines read: ${count(r.decisions)} decisions, ${count(r.events)} events, ${count(r.outsidePeriod)} outside the period, ${count(r.bad.count)} bad.</p>`,
  );
  if (r.contracts.length > 0) {
    body.push(`<p>Contracts: ${r.contracts.map((c) => `${h(c.name)} ${h(c.version ?? "(no version)")} (<code>${h(c.hash.slice(0, 12))}</code>, ${count(c.decisions)} decisions)`).join("; ")}.</p>`);
  }

  if (comparison !== undefined) body.push(comparisonHtml(comparison));

  body.push(`<h2>Actions</h2>`);
  body.push(barChart("Decisions per action", r.actions.map((a) => ({ label: a.action, value: a.decisions, text: `${count(a.decisions)} (${percent(a.share)})` })), { id: "chart-actions" }));
  body.push(barChart("Near-miss rate per action (0–100%)", r.actions.map((a) => ({ label: a.action, value: a.nearMissRate, text: percent(a.nearMissRate) })), { id: "chart-action-near-misses", max: 1 }));
  body.push(`<table id="actions"><thead><tr><th>action</th><th class="n">decisions</th><th class="n">share</th><th class="n">near misses</th><th class="n">near-miss rate</th></tr></thead><tbody>`);
  for (const a of r.actions) {
    body.push(`<tr data-action="${a.action}"><td>${a.action}</td>${num(count(a.decisions), `decisions="${a.decisions}"`)}${num(percent(a.share), "share")}${num(count(a.nearMisses), `near-misses="${a.nearMisses}"`)}${num(percent(a.nearMissRate), "rate")}</tr>`);
  }
  body.push(`</tbody></table>`);

  body.push(`<h2>Near misses</h2>`);
  body.push(`<p>${count(r.nearMissDecisions)} decisions flagged (${percent(r.decisions === 0 ? 0 : r.nearMissDecisions / r.decisions)}); ${count(r.openHandoffs)} handoffs were still within their deadline when the log ended.</p>`);
  body.push(barChart("Near misses by kind", r.nearMisses.map((k) => ({ label: k.title, value: k.count, text: count(k.count) })), { id: "chart-near-misses" }));
  for (const k of r.nearMisses) {
    body.push(`<section class="near-miss" data-kind="${k.kind}" data-count="${k.count}"><h3>${h(k.title)}: ${count(k.count)}</h3><p class="definition">${h(k.definition).replace(/`([^`]*)`/g, "<code>$1</code>")}</p>`);
    if (k.examples.length > 0) {
      body.push(`<ul class="examples">${k.examples.map((e) => `<li>${place(r, e.file, e.line)} conversation <code>${h(e.conversationId)}</code> turn ${e.turn}, rule <code>${h(e.rule)}</code>: ${h(e.detail).replace(/`([^`]*)`/g, "<code>$1</code>")}</li>`).join("")}</ul>`);
    }
    body.push(`</section>`);
  }

  body.push(`<h2>Rules</h2>`);
  // `otherwise` and `invalid-input` would dwarf the rules a reader wants to compare: they are left out of the chart.
  const charted = r.rules.filter((x) => x.rule !== "otherwise" && x.rule !== "invalid-input");
  const top = charted.slice(0, 25);
  const left = r.rules.filter((x) => !charted.includes(x)).map((x) => `<code>${h(x.rule)}</code> ${count(x.decisions)} (${percent(x.share)})`);
  body.push(barChart(charted.length > top.length ? `Decisions per rule (top ${top.length} of ${charted.length})` : "Decisions per rule", top.map((x) => ({ label: x.rule, value: x.decisions, text: `${count(x.decisions)} (${percent(x.share)})` })), { id: "chart-rules" }));
  if (left.length > 0) body.push(`<p class="muted" id="not-charted">Not in the chart: ${left.join(", ")}.</p>`);
  body.push(`<table id="rules"><thead><tr><th>rule</th><th>action</th><th class="n">decisions</th><th class="n">share</th><th class="n">near misses</th><th class="n">near-miss rate</th></tr></thead><tbody>`);
  for (const x of r.rules) {
    const few = x.decisions < FEW_DECISIONS ? ` <span class="few" data-few>(only ${count(x.decisions)} decision${x.decisions === 1 ? "" : "s"}: the rate says little)</span>` : "";
    body.push(`<tr data-rule="${h(x.rule)}"><td><code>${h(x.rule)}</code></td><td>${x.actions.join(", ")}</td>${num(count(x.decisions), `decisions="${x.decisions}"`)}${num(percent(x.share), "share")}${num(count(x.nearMisses), `near-misses="${x.nearMisses}"`)}${num(percent(x.nearMissRate) + few, "rate")}</tr>`);
  }
  body.push(`</tbody></table>`);
  body.push(`<p class="muted">A rate over fewer than ${FEW_DECISIONS} decisions is marked: one conversation more or less moves it a lot.</p>`);
  body.push(`<h3>Rules that never fired</h3>`);
  body.push(r.neverFired.length === 0 ? `<p id="never-fired">Every known rule fired in the period.</p>` : `<ul id="never-fired">${r.neverFired.map((x) => `<li data-rule="${h(x)}"><code>${h(x)}</code></li>`).join("")}</ul>`);

  body.push(`<h2>Owners</h2><p class="muted">${h(OWNERS_NOTE).replace(/\*([^*]+)\*/g, "<em>$1</em>").replace(/`([^`]+)`/g, "<code>$1</code>")}</p>`);
  if (r.owners.length === 0) body.push(`<p id="owners">No case was handed to an owner in the period.</p>`);
  else {
    body.push(`<table id="owners"><thead><tr><th>owner</th><th class="n">handoffs</th><th class="n">while closed</th><th class="n">business-time deadlines</th><th class="n">accepted in time</th><th class="n">late</th><th class="n">never accepted</th><th class="n">in time</th></tr></thead><tbody>`);
    for (const o of r.owners) {
      const name = o.ownerName === null ? `<code>${h(o.owner)}</code>` : `${h(o.ownerName)} <code>${h(o.owner)}</code>`;
      body.push(`<tr data-owner="${h(o.owner)}"><td>${name}</td>${num(count(o.handoffs), `handoffs="${o.handoffs}"`)}${num(count(o.whileClosed), `while-closed="${o.whileClosed}"`)}${num(count(o.businessTime), "business-time")}${num(count(o.acceptedInTime), "in-time")}${num(count(o.acceptedLate), "late")}${num(count(o.neverAccepted), "never")}${num(inTime(o), "rate")}</tr>`);
    }
    body.push(`</tbody></table>`);
  }

  body.push(`<h2>Sample</h2><p>Up to ${r.samplePerAction} decisions per action, drawn uniformly with seed <code>${h(r.seed)}</code> (the same seed and log give the same sample).</p>`);
  for (const a of r.actions) {
    const items = r.sample[a.action];
    body.push(`<h3>${a.action} (${items.length} of ${count(a.decisions)})</h3><ul class="sample" data-action="${a.action}">`);
    for (const s of items) {
      const owner = s.owner === null ? "" : ` to ${h(s.ownerName ?? s.owner)}`;
      const deadline = s.deadline === null ? "" : ` by ${h(time(s.deadline))}`;
      const reason = s.reasons.length > 0 ? `<br>reason: ${h(s.reasons[0]!)}` : "";
      const say = s.say === null ? "" : `<br>say: ${h(s.say)}`;
      const evidence = Object.keys(s.evidence).length > 0 ? `<br>evidence: ${values(s.evidence)}` : "";
      const signals = `<br><span class="muted">signals: ${values(s.signals)}</span>`;
      body.push(`<li data-line="${s.line}">${place(r, s.file, s.line)} ${h(time(s.ts))} conversation <code>${h(s.conversationId)}</code> turn ${s.turn}: rule <code>${h(s.rule)}</code>${owner}${deadline}${reason}${say}${evidence}${signals}</li>`);
    }
    body.push(`</ul>`);
  }

  body.push(`<h2>Bad lines: <span id="bad-count">${count(r.bad.count)}</span></h2>`);
  if (r.bad.count > 0) {
    body.push(`<ul id="bad-lines">${r.bad.first.map((b) => `<li data-line="${b.line}"><code>${h(b.file)}:${b.line}</code>: ${h(b.reason).replace(/`([^`]*)`/g, "<code>$1</code>")}</li>`).join("")}`);
    if (r.bad.count > r.bad.first.length) body.push(`<li>… and ${count(r.bad.count - r.bad.first.length)} more</li>`);
    body.push(`</ul>`);
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Handoff review</title>
<style>${style}</style>
</head>
<body>
${body.join("\n")}
</body>
</html>
`;
}
