/**
 * Business time: a decision whose deadline counts the owner's open time against the same decision with a
 * wall-clock deadline, and `check` of the support example with calendars against without. Three
 * versions of examples/support-hours.handoff: as written (`within 2 business hours`), wall-clock
 * (`within 2h`, the calendars kept, so decisions still carry ownerOpen and deadlineLocal), and plain (no
 * calendars, no hours). Interleaved, medians of rounds.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { check, compile } from "../compiler/compile.ts";
import type { Decision } from "../runtime/prelude/index.ts";
import { measureInterleaved } from "./measure.ts";

type Decide = (signals: unknown, context?: unknown) => Decision;

const written = readFileSync(join(import.meta.dirname, "../examples/support-hours.handoff"), "utf8");
const wallClock = written.replace(/(\d+) business hours/g, "$1h").replace(/(\d+) business minutes/g, "$1m");
const plain = wallClock.replace(/^calendars \{[\s\S]*?^\}\n/m, "").replace(/ hours (office|clinic)\b/g, "");

/** The two business-time rules' inputs, each at 64 instants over four weeks (opening hours and closed). */
const signals = [
  { sentiment: -0.9, repeatContact: true, topic: "technical", tier: "pro", asksForHuman: false },
  { sentiment: 0, repeatContact: false, topic: "billing", tier: "pro", asksForHuman: false },
];
const base = Date.parse("2026-11-30T00:00:00Z");
const contexts = Array.from({ length: 64 }, (_, i) => ({ now: new Date(base + ((i * 7919 * 60000) % (28 * 86400000))).toISOString() }));

async function load(name: string, source: string): Promise<Decide> {
  const { output, diagnostics } = await compile(source, { fileName: `${name}.handoff` });
  if (output === null) throw new Error(`${name}: ${diagnostics.map((d) => d.message).join("; ")}`);
  const file = join(mkdtempSync(join(tmpdir(), "handoff-bench-")), `${name}.ts`);
  writeFileSync(file, output);
  return ((await import(pathToFileURL(file).href)) as { decide: Decide }).decide;
}

const fmt = (ns: number) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);

export async function businessTimeSection(options: { quick: boolean }): Promise<string> {
  const versions = { "business time": written, "wall clock, calendars kept": wallClock, "no calendars": plain };
  const decides = await Promise.all(Object.entries(versions).map(async ([name, source]) => [name, await load(name.replace(/\W+/g, "-"), source)] as const));
  const [business] = decides;
  const check1 = business[1](signals[0], contexts[0]);
  if (check1.businessTime !== true) throw new Error("the business-time module did not give a business-time deadline");
  const n = signals.length * contexts.length;
  const decisions = measureInterleaved(
    decides.map(([name, decide]) => ({
      name,
      iterations: 20_000,
      run: (k: number) => {
        let x;
        for (let i = 0; i < k; i++) x = decide(signals[i % signals.length], contexts[(i >> 1) % contexts.length]);
        return x;
      },
    })),
    options.quick ? 5 : 21,
  );
  const checks = measureInterleaved(
    [
      { name: "with calendars", iterations: 5, run: (k: number) => { let x; for (let i = 0; i < k; i++) x = check(written, { now: "2026-12-01T00:00:00Z" }); return x; } },
      { name: "without", iterations: 5, run: (k: number) => { let x; for (let i = 0; i < k; i++) x = check(plain); return x; } },
    ],
    options.quick ? 5 : 11,
  );
  const [b, w, p] = decisions.map((m) => m.nsPerOp) as [number, number, number];
  const [withCal, without] = checks.map((m) => m.nsPerOp) as [number, number];
  return [
    "### Business time: examples/support-hours.handoff",
    "",
    `The two business-time rules' inputs (escalate to senior within 2 business hours, route to billing within 8 business hours), ` +
      `each at 64 instants over four weeks (${n} calls, cycled). The aim is a business-time decision under 2× the same decision with a wall-clock deadline; ` +
      "a contract with calendars also tells, on every handoff, whether the owner is open and the deadline in the owner's time (`ownerOpen`, `deadlineLocal`), which the last row leaves out.",
    "",
    "| deadline | per decision | ratio |",
    "|---|---:|---:|",
    `| business time (\`within 2 business hours\`) | ${fmt(b)} | ${(b / w).toFixed(2)}× the wall-clock one |`,
    `| wall clock (\`within 2h\`), calendars kept | ${fmt(w)} | 1.00× |`,
    `| wall clock, no calendars (no \`ownerOpen\`, \`deadlineLocal\`) | ${fmt(p)} | ${(p / w).toFixed(2)}× |`,
    "",
    `\`check\` (parse, type-check, every analysis including the year ahead of each calendar's closures): ${fmt(withCal)} with calendars, ` +
      `${fmt(without)} without (${(withCal / without).toFixed(2)}×).`,
  ].join("\n");
}
