/**
 * Runs the complete `check()` — with the static analyses, which can take a second on a large
 * contract — on a worker thread, so the server keeps answering while it runs.
 *
 * INVARIANT: at most one job runs at a time, and at most one waits per document: submitting a newer
 * version of a document settles the older waiting job with `undefined` (stale work is dropped before it
 * starts). If the worker cannot start or dies, jobs run on the main thread instead.
 */
import { Worker } from "node:worker_threads";
import { check } from "../compiler/compile.ts";
import { workerScript } from "../compiler/package-root.ts";
import type { Diagnostic } from "../diagnostics/index.ts";
import type { Witness } from "../compiler/analysis/index.ts";


export interface AnalysisJob {
  readonly id: number;
  readonly uri: string;
  readonly text: string;
  readonly fileName: string;
}

/** What the editor needs of a complete check: its diagnostics and the witnesses of rules that can win. */
export interface FullResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly witnesses?: readonly Witness[];
}

export function fullCheck(job: Pick<AnalysisJob, "text" | "fileName">): FullResult {
  const result = check(job.text, { fileName: job.fileName });
  return result.witnesses ? { diagnostics: result.diagnostics, witnesses: result.witnesses } : { diagnostics: result.diagnostics };
}

interface Pending {
  readonly job: AnalysisJob;
  readonly resolve: (result: FullResult | undefined) => void;
}

/** A contract small enough to check in a few milliseconds that still runs every analysis. */
const WARM_UP = `contract "warm-up"
signals {
  waiting: duration
  tier: free | pro
}
owners { team: "Team" }
rule slow when waiting > 1h and tier is pro then route to team within 1h
rule slower when waiting > 2h then route to team within 1h
otherwise answer
`;

type Reply = { id: number; result: FullResult } | { id: number; error: string };

export class Analyser {
  private worker: Worker | undefined;
  private workerFailed: boolean;
  private running: Pending | undefined;
  private readonly waiting = new Map<string, Pending>();
  private nextId = 1;

  constructor(
    private readonly log: (message: string) => void,
    options: { readonly useWorker?: boolean } = {},
  ) {
    this.workerFailed = options.useWorker === false;
  }

  /** The complete check of `text`, or undefined when a newer version of the document replaced it first. */
  submit(uri: string, text: string, fileName: string): Promise<FullResult | undefined> {
    this.waiting.get(uri)?.resolve(undefined);
    return new Promise((resolve) => {
      this.waiting.set(uri, { job: { id: this.nextId++, uri, text, fileName }, resolve });
      this.pump();
    });
  }

  /**
   * Starts the worker now and has it check a small contract, so the worker thread, the compiler's
   * modules and their compiled code are ready when the first document arrives (the server calls this
   * at start-up). The warm-up's reply carries no job id and is ignored.
   */
  warm(): void {
    this.ensureWorker()?.postMessage({ id: 0, uri: "warm-up", text: WARM_UP, fileName: "warm-up.handoff" } satisfies AnalysisJob);
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running) return;
    const next = this.waiting.values().next();
    if (next.done) return;
    this.waiting.delete(next.value.job.uri);
    this.running = next.value;
    const worker = this.ensureWorker();
    if (worker) worker.postMessage(next.value.job);
    else setImmediate(() => this.runHere(next.value));
  }

  private finish(pending: Pending, result: FullResult | undefined): void {
    if (this.running !== pending) return;
    this.running = undefined;
    pending.resolve(result);
    this.pump();
  }

  private runHere(pending: Pending): void {
    let result: FullResult | undefined;
    try {
      result = fullCheck(pending.job);
    } catch (error) {
      this.log(`handoff lsp: the analyses failed on ${pending.job.uri}: ${error instanceof Error ? error.stack : String(error)}`);
    }
    this.finish(pending, result);
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.workerFailed) return this.worker;
    try {
      const worker = new Worker(workerScript(import.meta.url, "./worker-entry.js", "lsp/analysis-worker.js"));
      worker.unref();
      worker.on("message", (reply: Reply) => {
        const pending = this.running;
        if (!pending || pending.job.id !== reply.id) return;
        if ("error" in reply) this.log(`handoff lsp: the analyses failed on ${pending.job.uri}: ${reply.error}`);
        this.finish(pending, "result" in reply ? reply.result : undefined);
      });
      const fail = (why: string): void => {
        if (this.worker !== worker) return;
        this.log(`handoff lsp: the analysis worker stopped (${why}); analysing on the main thread`);
        this.worker = undefined;
        this.workerFailed = true;
        const pending = this.running;
        if (pending) setImmediate(() => this.runHere(pending));
      };
      worker.on("error", (error) => fail(error.message));
      worker.on("exit", (code) => fail(`exit code ${code}`));
      this.worker = worker;
    } catch (error) {
      this.log(`handoff lsp: no analysis worker (${error instanceof Error ? error.message : String(error)}); analysing on the main thread`);
      this.workerFailed = true;
    }
    return this.worker;
  }
}
