/**
 * Side-by-side measurement: every candidate runs one batch per round, rounds interleave the
 * candidates so drift (JIT, GC, a noisy neighbour) hits all of them alike, and the figure reported
 * is the median over rounds.
 */
export interface Candidate {
  readonly name: string;
  /** Runs `iterations` operations; returns something so the work cannot be optimised away. */
  run(iterations: number): unknown;
  /** Operations per batch, chosen so one batch takes a few milliseconds. */
  readonly iterations: number;
}

export interface Measured {
  readonly name: string;
  /** Median nanoseconds per operation over the rounds. */
  readonly nsPerOp: number;
  readonly rounds: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

let sink: unknown;

export function measureInterleaved(candidates: readonly Candidate[], rounds: number, warmupRounds = 3): Measured[] {
  const samples = candidates.map(() => [] as number[]);
  for (let round = 0; round < warmupRounds + rounds; round++) {
    candidates.forEach((candidate, i) => {
      const start = process.hrtime.bigint();
      sink = candidate.run(candidate.iterations);
      const elapsed = Number(process.hrtime.bigint() - start);
      if (round >= warmupRounds) samples[i]!.push(elapsed / candidate.iterations);
    });
  }
  if (sink === Symbol.for("never")) console.log(sink);
  return candidates.map((candidate, i) => ({ name: candidate.name, nsPerOp: median(samples[i]!), rounds }));
}

/** Median wall time in milliseconds of `rounds` runs of an async task. */
export async function timeMedian(rounds: number, task: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    await task();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}
