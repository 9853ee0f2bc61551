/**
 * Every line of the logs, parsed into heads (heads.ts), in file and line order: the input of `handoff
 * review`. The files are read in batches of whole lines; on a large log the batches are parsed by worker
 * threads, two or three at a time per worker, while this thread takes the results in order — parsing
 * JSON is most of the work of a review, and it is the same work in any thread. Small logs, or a machine
 * where a worker cannot start, are parsed here. Either way the same function parses every batch, so the
 * result is the same.
 */
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { workerScript } from "../compiler/package-root.ts";
import { headAt, parseBatch, type HeadColumns, type LogHead } from "./heads.ts";
import { lineBatches } from "./jsonl.ts";

export interface HeadStreamOptions {
  /** Directory the file names are relative to (default: the process's). */
  readonly cwd?: string;
  /** Worker threads to parse with; default: up to 2 when the logs hold more than 8 MiB, else none. */
  readonly workers?: number;
}

/** One line: its head (or why it is bad), where it is, and its text on demand. */
export type HeadVisitor = (head: LogHead | { readonly error: string }, file: string, line: number, text: () => string) => void;

export async function forEachHead(files: readonly string[], visit: HeadVisitor, options: HeadStreamOptions = {}): Promise<void> {
  const cwd = options.cwd ?? ".";
  const workers = options.workers ?? ((await totalBytes(files, cwd)) > 8 * 2 ** 20 ? Math.min(2, availableParallelism()) : 0);
  const pool = workers > 0 ? await ParsePool.start(workers) : null;
  try {
    for (const file of files) {
      let line = 0;
      const pending: { bytes: Buffer; cols: Promise<HeadColumns> }[] = [];
      const take = async (): Promise<void> => {
        const { bytes, cols: promised } = pending.shift()!;
        const cols = await promised;
        for (let r = 0; r < cols.kind.length; r++) {
          visit(headAt(cols, r), file, line + cols.lineIndex[r]! + 1, () => bytes.toString("utf8", cols.start[r]!, cols.end[r]!));
        }
        line += cols.lines;
      };
      for await (const bytes of lineBatches(resolve(cwd, file), file)) {
        pending.push({ bytes, cols: pool ? pool.parse(bytes) : Promise.resolve(parseBatch(bytes)) });
        if (pending.length > (pool ? 3 * workers : 0)) await take();
      }
      while (pending.length > 0) await take();
    }
  } finally {
    await pool?.close();
  }
}

async function totalBytes(files: readonly string[], cwd: string): Promise<number> {
  let total = 0;
  for (const file of files) {
    try {
      total += (await stat(resolve(cwd, file))).size;
    } catch {
      // Reported when the file is read.
    }
  }
  return total;
}

/** Worker threads that parse batches; falls back to this thread if one fails. */
class ParsePool {
  private next = 0;
  private id = 0;
  private dead = false;
  private readonly waiting = new Map<number, { resolve: (cols: HeadColumns) => void; bytes: Uint8Array }>();

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on("message", ({ id, cols }: { id: number; cols: HeadColumns }) => {
        const w = this.waiting.get(id);
        this.waiting.delete(id);
        w?.resolve(cols);
      });
      worker.on("error", () => this.failAll());
    }
  }

  static async start(n: number): Promise<ParsePool | null> {
    try {
      const workers = Array.from({ length: n }, () => new Worker(workerScript(import.meta.url, "./parse-worker-entry.js", "review/parse-worker.js")));
      return new ParsePool(workers);
    } catch {
      return null;
    }
  }

  /** Parses a copy of `bytes` in a worker (the caller keeps the batch to decode sampled lines from). */
  parse(bytes: Uint8Array): Promise<HeadColumns> {
    if (this.dead) return Promise.resolve(parseBatch(bytes));
    const id = this.id++;
    const worker = this.workers[this.next++ % this.workers.length]!;
    return new Promise((resolve) => {
      this.waiting.set(id, { resolve, bytes });
      worker.postMessage({ id, bytes });
    });
  }

  /** A worker died: parse what it was given here, so nothing is lost. */
  private failAll(): void {
    this.dead = true;
    for (const [id, w] of this.waiting) {
      this.waiting.delete(id);
      w.resolve(parseBatch(w.bytes));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
