/**
 * Streaming JSONL: every line of every file, in order, with its 1-based line number, read in chunks so
 * memory does not grow with the log. Bad lines are counted by `BadLines`, which keeps the first few.
 */
import { open, stat } from "node:fs/promises";
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
    let line = 0;
    for await (const batch of lineBatches(resolve(cwd, file), file)) {
      line += linesOf(batch, (text, index) => visit(text, file, line + index + 1));
    }
  }
}

const BATCH_BYTES = 1 << 20;

/**
 * The file's bytes in batches of whole lines, about 1 MiB each (the last may lack its newline). Each
 * batch has a buffer of its own, so a caller may keep it. Throws LogReadError when the file cannot be read.
 */
export async function* lineBatches(path: string, name: string): AsyncGenerator<Buffer> {
  const unreadable = (error: unknown) => new LogReadError(`cannot read \`${name}\`: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}`);
  let handle;
  try {
    handle = await open(path);
  } catch (error) {
    throw unreadable(error);
  }
  try {
    let carry = Buffer.alloc(0);
    for (;;) {
      const bytes = Buffer.allocUnsafeSlow(carry.length + BATCH_BYTES);
      carry.copy(bytes);
      let read: number;
      try {
        ({ bytesRead: read } = await handle.read(bytes, carry.length, BATCH_BYTES, null));
      } catch (error) {
        throw unreadable(error);
      }
      const filled = carry.length + read;
      if (read === 0) {
        if (filled > 0) yield bytes.subarray(0, filled);
        break;
      }
      // A newline byte never occurs inside a multi-byte UTF-8 sequence, so cutting after one splits no character.
      const cut = bytes.lastIndexOf(0x0a, filled - 1) + 1;
      carry = Buffer.from(bytes.subarray(cut, filled));
      if (cut > 0) yield bytes.subarray(0, cut);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Calls `visit` for each non-blank line of `batch` (UTF-8 bytes holding whole lines) with its text (a
 * trailing `\r` dropped), its index among the batch's lines (blank ones counted) and its byte offsets.
 * Returns the number of lines, blank ones included.
 */
export function linesOf(batch: Buffer, visit: (text: string, index: number, start: number, end: number) => void): number {
  let index = 0;
  for (let start = 0; start < batch.length; index++) {
    const newline = batch.indexOf(0x0a, start);
    const lineEnd = newline === -1 ? batch.length : newline;
    const end = lineEnd > start && batch[lineEnd - 1] === 0x0d ? lineEnd - 1 : lineEnd;
    const text = batch.toString("utf8", start, end);
    if (text.trim() !== "") visit(text, index, start, end);
    start = lineEnd + 1;
  }
  return index;
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
