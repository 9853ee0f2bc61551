/**
 * A real LSP client for tests: spawns `node bin/handoff.js lsp`, speaks JSON-RPC over its standard
 * input and output, and collects the diagnostics it publishes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  LogMessageNotification,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol/node";

const bin = fileURLToPath(new URL("../../bin/handoff.js", import.meta.url));

export interface Client {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  /** Everything the server wrote to standard error. */
  stderr(): string;
  /** The messages the server logged to the client (window/logMessage). */
  logs(): readonly string[];
  open(uri: string, text: string): void;
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number;
  /** Every publication for `uri` so far, oldest first. */
  published(uri: string): readonly PublishDiagnosticsParams[];
  /** The next diagnostics published for `uri` (and its current version) that satisfy `accept`. */
  diagnostics(uri: string, accept?: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  close(): Promise<void>;
}

/** Starts `handoff lsp` from this repository, or from `command` (an installed package's bin/handoff.js). */
export async function startClient(command = bin, cwd?: string): Promise<Client> {
  const child = spawn(process.execPath, [command, "lsp"], { stdio: ["pipe", "pipe", "pipe"], ...(cwd === undefined ? {} : { cwd }) });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const versions = new Map<string, number>();
  const latest = new Map<string, PublishDiagnosticsParams>();
  const history: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  const settle = (uri: string): void => {
    const published = latest.get(uri);
    if (!published || published.version !== versions.get(uri)) return;
    for (const w of [...waiters]) {
      if (w.uri === uri && w.accept(published.diagnostics)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(published.diagnostics);
      }
    }
  };
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    history.push(params);
    latest.set(params.uri, params);
    settle(params.uri);
  });
  const logs: string[] = [];
  connection.onNotification(LogMessageNotification.type, (params) => void logs.push(params.message));
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    process: child,
    stderr: () => stderr,
    logs: () => logs,
    published: (uri) => history.filter((p) => p.uri === uri),
    open(uri, text) {
      versions.set(uri, 1);
      latest.delete(uri);
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "handoff", version: 1, text } });
    },
    change(uri, changes) {
      const version = (versions.get(uri) ?? 0) + 1;
      versions.set(uri, version);
      void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
      return version;
    },
    diagnostics(uri, accept = () => true) {
      return new Promise((resolve) => {
        waiters.push({ uri, accept, resolve });
        settle(uri);
      });
    },
    async close() {
      try {
        await connection.sendRequest("shutdown");
        await connection.sendNotification("exit");
      } catch {
        // The process may already be gone.
      }
      connection.dispose();
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            child.kill();
            resolve();
          }, 2000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}
