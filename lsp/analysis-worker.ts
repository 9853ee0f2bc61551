/** The body of the analysis worker: runs the complete `check()` on each contract it is sent. */
import { parentPort } from "node:worker_threads";
import { fullCheck, type AnalysisJob } from "./analyser.ts";

parentPort?.on("message", (job: AnalysisJob) => {
  try {
    parentPort!.postMessage({ id: job.id, result: fullCheck(job) });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
