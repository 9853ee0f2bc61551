/**
 * Streaming JSONL: every line of every file, in order, with its 1-based line number, read in chunks so
 * memory does not grow with the log. Bad lines are counted by `BadLines`, which keeps the first few.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";

/** A log file that cannot be read; the CLI reports it as a usage error. */
export class LogReadError extends Error {}

/** Fails with LogReadError unless every file (relative to `cwd`) exists and is a regular file. */
export async function assertReadable(files: readonly string[], cwd = "."): Promise<void> {
  for (const file of files) {
    let info;
    try {
      info = await stat(resolve(cwd, file));
    } catch {
      throw new LogReadError(`cannot read \`${file}\`: no such file`);
    }
    if (!info.isFile()) throw new LogReadError(`cannot read \`${file}\`: not a file`);
  }
}

/**
 * Calls `visit` for each non-blank line of each file (relative to `cwd`) in turn, with the file's name as
 * given; a trailing `\r` is dropped.
 */
export async function forEachLine(files: readonly string[], visit: (text: string, file: string, line: number) => void, cwd = "."): Promise<void> {
  for (const file of files) {
    let carry = "";
    let line = 0;
    const emit = (text: string) => {
      line++;
      const t = text.endsWith("\r") ? text.slice(0, -1) : text;
      if (t.trim() !== "") visit(t, file, line);
    };
    try {
      for await (const chunk of createReadStream(resolve(cwd, file), { encoding: "utf8", highWaterMark: 1 << 20 })) {
        const text = carry + (chunk as string);
        let start = 0;
        for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
          emit(text.slice(start, nl));
          start = nl + 1;
        }
        carry = text.slice(start);
      }
    } catch (error) {
      if (error instanceof LogReadError || !(error as NodeJS.ErrnoException).code) throw error;
      throw new LogReadError(`cannot read \`${file}\`: ${(error as NodeJS.ErrnoException).code}`);
    }
    if (carry !== "") emit(carry);
  }
}

export interface BadLine {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** Counts bad lines and keeps the first `keep` of them for the report. */
export class BadLines {
  readonly first: BadLine[] = [];
  count = 0;
  constructor(readonly keep = 20) {}
  add(file: string, line: number, reason: string): void {
    this.count++;
    if (this.first.length < this.keep) this.first.push({ file, line, reason });
  }
}
