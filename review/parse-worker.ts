/** The body of a parse worker: parses each batch of log lines it is sent into columns (heads.ts). */
import { parentPort } from "node:worker_threads";
import { parseBatch } from "./heads.ts";

parentPort?.on("message", ({ id, bytes }: { id: number; bytes: Uint8Array }) => {
  const cols = parseBatch(bytes);
  const buffers = [cols.kind, cols.lineIndex, cols.start, cols.end, cols.ms, cols.turn, cols.withinSeconds, cols.deadlineMs, cols.staffing, cols.code, cols.contract].map((a) => a.buffer as ArrayBuffer);
  parentPort!.postMessage({ id, cols }, buffers);
});
