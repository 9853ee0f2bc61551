/**
 * The open contracts and what is known about each version of them.
 *
 * Every change is checked at once as far as the parser and the checker go (fast: tens of
 * milliseconds for thousands of lines), and those diagnostics are published immediately — unless they
 * hold no error and what the editor shows already came from the analyses: then the editor keeps showing
 * those (it moves them with the edits) until the new analysis replaces them, instead of the analysis
 * warnings vanishing and coming back on every keystroke. The static
 * analyses, which can take much longer, run in a full `check()` after the edits pause; a newer version
 * cancels the pending one, and a result for a version that is no longer current is never published.
 * When the checker already found an error, `check()` would run no analysis, so the quick diagnostics
 * are already final.
 *
 * A burst of changes (an editor replaying edits, a paste split in many, a script) is checked once, at
 * its last version: a change is checked after the messages already received have been handled, and
 * only if no newer version arrived meanwhile. A request about the document checks its current version
 * at once, so no answer waits for this.
 */
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { ContractFile } from "../grammar/ast.ts";
import { parse } from "../grammar/parse.ts";
import { checkContract } from "../compiler/check/index.ts";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/index.ts";
import { Analyser, type FullResult } from "./analyser.ts";
import { buildIndex, type SymbolIndex } from "./symbol-index.ts";

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  /** The text as the editor holds it. */
  readonly text: string;
  /** The source with a leading byte-order mark removed, as spans count it. */
  readonly source: string;
  readonly ast: ContractFile;
  /** Parser and checker diagnostics. */
  readonly quick: readonly Diagnostic[];
  /** The complete `check()` result for this version, once it has run. */
  full: FullResult | undefined;
  /** Built on first use. */
  index(): SymbolIndex;
}

export type Publish = (uri: string, version: number, diagnostics: readonly Diagnostic[]) => void;

/** Parse and checker only, with the same diagnostics `check()` gives before its analyses. */
export function quickCheck(text: string, fileName: string): { ast: ContractFile; source: string; diagnostics: Diagnostic[]; final: boolean } {
  const parsed = parse(text);
  // As in check(): after these the parser built nothing, and checking would only add noise.
  if (parsed.diagnostics.some((d) => d.code === "too-large" || d.code === "too-deep")) {
    return { ast: parsed.ast, source: parsed.source, diagnostics: sortDiagnostics(parsed.diagnostics), final: true };
  }
  const checked = checkContract(parsed.ast, { source: text, text: parsed.source, fileName });
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...checked.diagnostics]);
  return { ast: parsed.ast, source: parsed.source, diagnostics, final: hasErrors(diagnostics) || !checked.model };
}

export function fileNameOf(uri: string): string {
  try {
    const base = decodeURIComponent(new URL(uri).pathname.split("/").pop() ?? "");
    return base === "" ? "contract.handoff" : base;
  } catch {
    return "contract.handoff";
  }
}

export class ContractStore {
  private readonly analyses = new Map<string, Analysis>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per document, the version a change asked to check, until it is checked. */
  private readonly pending = new Map<string, number>();
  /** Per document, whether the diagnostics last published came from the analyses. */
  private readonly showingAnalysis = new Map<string, boolean>();
  private readonly analyser: Analyser;
  private readonly delayMs: number;

  constructor(
    private readonly publish: Publish,
    log: (message: string) => void,
    options: {
      /** How long edits must pause before the analyses run (default 300 ms). */
      readonly delayMs?: number;
      /** Run the analyses on a worker thread (default true). */
      readonly useWorker?: boolean;
    } = {},
  ) {
    this.delayMs = options.delayMs ?? 300;
    this.analyser = new Analyser(log, options.useWorker === undefined ? {} : { useWorker: options.useWorker });
    if (options.useWorker !== false) this.analyser.warm();
  }

  /**
   * A new version arrived: checks it once the messages received before it have been handled (two turns of
   * the event loop: the JSON-RPC connection handles one message per turn), unless a newer version came,
   * the document closed, or a request already checked it.
   */
  changed(doc: TextDocument, onError: (error: unknown) => void): void {
    const { uri, version } = doc;
    this.pending.set(uri, version);
    setImmediate(() =>
      setImmediate(() => {
        if (this.pending.get(uri) !== version) return;
        this.pending.delete(uri);
        if (this.analyses.get(uri)?.version === version) return;
        try {
          this.update(doc);
        } catch (error) {
          onError(error);
        }
      }),
    );
  }

  /** Checks a new version, publishes its quick diagnostics and schedules the analyses. */
  update(doc: TextDocument): Analysis {
    // A document just opened has no typing to wait for: its analyses start at once.
    const opened = !this.analyses.has(doc.uri);
    const analysis = this.analyse(doc);
    if (analysis.full !== undefined || hasErrors(analysis.quick) || this.showingAnalysis.get(doc.uri) !== true) {
      this.publish(doc.uri, doc.version, analysis.quick);
      this.showingAnalysis.set(doc.uri, false);
    }
    this.schedule(analysis, opened ? 0 : this.delayMs);
    return analysis;
  }

  /** What is known about the document's current version (checked now if it never was). */
  get(doc: TextDocument): Analysis {
    const known = this.analyses.get(doc.uri);
    return known && known.version === doc.version ? known : this.update(doc);
  }

  close(uri: string): void {
    this.pending.delete(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.analyses.delete(uri);
    this.showingAnalysis.delete(uri);
    this.publish(uri, -1, []);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.analyser.dispose();
  }

  private analyse(doc: TextDocument): Analysis {
    const text = doc.getText();
    const fileName = fileNameOf(doc.uri);
    const quick = quickCheck(text, fileName);
    const source = quick.source;
    let index: SymbolIndex | undefined;
    const analysis: Analysis = {
      uri: doc.uri,
      version: doc.version,
      text,
      source,
      ast: quick.ast,
      quick: quick.diagnostics,
      full: quick.final ? { diagnostics: quick.diagnostics } : undefined,
      index: () => (index ??= buildIndex(quick.ast, source)),
    };
    this.analyses.set(doc.uri, analysis);
    return analysis;
  }

  private schedule(analysis: Analysis, delayMs: number): void {
    clearTimeout(this.timers.get(analysis.uri));
    this.timers.delete(analysis.uri);
    if (analysis.full) return;
    const timer = setTimeout(() => {
      this.timers.delete(analysis.uri);
      // A newer version replaced this one: its own timer will run.
      if (this.analyses.get(analysis.uri) !== analysis) return;
      // The text as the editor holds it, as `handoff check` reads it from disk.
      void this.analyser.submit(analysis.uri, analysis.text, fileNameOf(analysis.uri)).then((full) => {
        if (!full || this.analyses.get(analysis.uri) !== analysis) return;
        analysis.full = full;
        this.publish(analysis.uri, analysis.version, full.diagnostics);
        this.showingAnalysis.set(analysis.uri, true);
      });
    }, delayMs);
    this.timers.set(analysis.uri, timer);
  }
}
