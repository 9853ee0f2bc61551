/**
 * Review and replay throughput on a generated log (`handoff gen-log`'s generator on the support
 * contract): lines per second, medians of repetitions, and the peak live heap while reviewing the whole
 * log beside its first half, to show that memory stays flat as the log grows. bench/run.ts prints the
 * returned Markdown section.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { check } from "../compiler/compile.ts";
import { generateLog } from "../review/generate.ts";
import { replay } from "../review/replay.ts";
import { review } from "../review/review.ts";
import { median } from "./measure.ts";

export interface ReviewBench {
  readonly lines: number;
  readonly bytes: number;
  readonly generateLinesPerSecond: number;
  readonly reviewLinesPerSecond: number;
  readonly replayLinesPerSecond: number;
  /** Peak growth of the live heap (MiB) over its size before the review, for the first half of the log and the whole log. */
  readonly peakHeapMiB: { readonly half: number; readonly whole: number };
  /** The most conversations the near-miss detector held at once (whole log). */
  readonly peakOpenConversations: number;
  readonly rounds: number;
}

/** Generates the log, then times `rounds` reviews and replays of it. */
export async function measureReview(options: { lines?: number; rounds?: number } = {}): Promise<ReviewBench> {
  const lines = options.lines ?? 1_000_000;
  const rounds = options.rounds ?? 3;
  const root = join(import.meta.dirname, "..");
  const model = check(readFileSync(join(root, "examples/support.handoff"), "utf8"), { fileName: "support.handoff" }).model!;
  const dir = mkdtempSync(join(tmpdir(), "handoff-review-bench-"));
  try {
    const whole = openSync(join(dir, "whole.jsonl"), "w");
    const half = openSync(join(dir, "half.jsonl"), "w");
    let bytes = 0;
    let written = 0;
    let batch: string[] = [];
    const flush = () => {
      const text = batch.join("\n") + "\n";
      writeSync(whole, text);
      if (written <= lines / 2) writeSync(half, text);
      bytes += Buffer.byteLength(text);
      batch = [];
    };
    const start = process.hrtime.bigint();
    for (const line of generateLog(model, { lines, seed: "bench" })) {
      batch.push(line);
      if (++written % 10_000 === 0) flush();
    }
    if (batch.length > 0) flush();
    const generateNs = Number(process.hrtime.bigint() - start);
    closeSync(whole);
    closeSync(half);

    const files = ["whole.jsonl"];
    const reviewNs: number[] = [];
    const replayNs: number[] = [];
    let peakOpenConversations = 0;
    for (let r = 0; r < rounds; r++) {
      let t = process.hrtime.bigint();
      peakOpenConversations = (await review(files, { cwd: dir })).peakOpenConversations;
      reviewNs.push(Number(process.hrtime.bigint() - t));
      t = process.hrtime.bigint();
      await replay(model, files, { cwd: dir });
      replayNs.push(Number(process.hrtime.bigint() - t));
    }
    const peakHeapMiB = {
      half: await peakHeap(() => review(["half.jsonl"], { cwd: dir })),
      whole: await peakHeap(() => review(files, { cwd: dir })),
    };
    const perSecond = (ns: number) => Math.round(lines / (ns / 1e9));
    return {
      lines,
      bytes,
      generateLinesPerSecond: perSecond(generateNs),
      reviewLinesPerSecond: perSecond(median(reviewNs)),
      replayLinesPerSecond: perSecond(median(replayNs)),
      peakHeapMiB,
      peakOpenConversations,
      rounds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * How far the heap grew (MiB) over its size before `task`, sampled every 100 ms while it runs (the
 * process already holds what earlier benchmarks left). With `node --expose-gc` each sample follows a full
 * GC, so it is the live heap; without, it includes garbage not yet collected.
 */
async function peakHeap(task: () => Promise<unknown>): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 100);
  try {
    await task();
  } finally {
    clearInterval(timer);
  }
  return Math.round(((Math.max(peak, process.memoryUsage().heapUsed) - before) / 2 ** 20) * 10) / 10;
}

/** The benchmark as a Markdown section for docs/performance.md. */
export async function reviewSection(quick = false): Promise<string> {
  const m = await measureReview(quick ? { lines: 200_000, rounds: 3 } : {});
  const n = (x: number) => x.toLocaleString("en-US");
  return [
    `### Review and replay: a generated ${n(m.lines)}-line log (examples/support.handoff)`,
    "",
    `${(m.bytes / 2 ** 20).toFixed(0)} MiB of JSONL written by \`handoff gen-log\`'s generator; medians of ${m.rounds} runs, in process.`,
    "",
    "| step | lines/s |",
    "|---|---|",
    `| generate (decide every turn with the interpreter, log with pii redacted) | ${n(m.generateLinesPerSecond)} |`,
    `| \`handoff review\` (parse, check, figures, near misses, sample) | ${n(m.reviewLinesPerSecond)} |`,
    `| \`handoff replay\` (parse, check, decide again with the interpreter) | ${n(m.replayLinesPerSecond)} |`,
    "",
    `Heap growth while reviewing${(globalThis as { gc?: unknown }).gc ? " (live, sampled after a full GC every 100 ms)" : " (sampled every 100 ms; run node with --expose-gc for the live heap)"}, over the heap before the review:`,
    `${m.peakHeapMiB.half} MiB for the first ${n(Math.round(m.lines / 2))} lines, ${m.peakHeapMiB.whole} MiB for all ${n(m.lines)}. The log is streamed;`,
    `the near-miss state holds only conversations active in the last 14 days of log time (at most ${n(m.peakOpenConversations)} at once here).`,
    `At this size the lines are parsed on two worker threads (docs/review.md), each holding a few 1 MiB batches at a time; their heaps are not counted here.`,
  ].join("\n");
}

// `node --import tsx bench/review.ts [--quick]` prints the section on its own.
if (import.meta.url === `file://${process.argv[1]}`) console.log(await reviewSection(process.argv.includes("--quick")));
