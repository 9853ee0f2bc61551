/**
 * The VS Code client: starts `handoff lsp` over stdio for .handoff files and restarts it when the
 * executable may have changed (setting edited, workspace trusted, Restart command).
 */
import { statSync } from "node:fs";
import * as vscode from "vscode";
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { findServer } from "./server-command.ts";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
// INVARIANT: starts and stops run one at a time, so stop() never meets a client that is still starting
// (vscode-languageclient refuses to stop one).
let queue: Promise<void> = Promise.resolve();

function enqueue(work: () => Promise<void>): Promise<void> {
  queue = queue.then(work, work);
  return queue;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("Handoff", { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("handoff.restartServer", restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("handoff.server.path")) void restart();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
  );
  await enqueue(start);
}

export function deactivate(): Promise<void> {
  return enqueue(stop);
}

async function start(): Promise<void> {
  const folders = vscode.workspace.isTrusted ? (vscode.workspace.workspaceFolders ?? []) : [];
  const found = findServer({
    configured: vscode.workspace.getConfiguration("handoff").get<string>("server.path", ""),
    workspaceFolders: folders.filter((f) => f.uri.scheme === "file").map((f) => f.uri.fsPath),
    pathEnv: process.env["PATH"] ?? process.env["Path"],
    platform: process.platform,
    isFile: (path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false,
  });
  if ("error" in found) {
    output?.error(found.error);
    void showError(found.error);
    return;
  }
  output?.info(`Starting ${found.command} ${found.args.join(" ")} (from the ${found.source}).`);
  // No `transport`: the client then spawns the command as written (no `--stdio` added) and talks
  // JSON-RPC over its stdin and stdout.
  const serverOptions: ServerOptions = {
    command: found.command,
    args: [...found.args],
    options: { shell: found.shell },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "handoff" },
      { scheme: "untitled", language: "handoff" },
    ],
    ...(output ? { outputChannel: output } : {}),
  };
  const next = new LanguageClient("handoff", "Handoff", serverOptions, clientOptions);
  client = next;
  try {
    await next.start();
  } catch (error) {
    client = undefined;
    const message = `The handoff language server (${found.command} lsp) did not start: ${error instanceof Error ? error.message : String(error)}`;
    output?.error(message);
    void showError(message);
  }
}

async function stop(): Promise<void> {
  const current = client;
  client = undefined;
  if (!current?.isRunning()) return;
  try {
    await current.stop();
  } catch (error) {
    output?.error(`The handoff language server did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function restart(): Promise<void> {
  return enqueue(async () => {
    await stop();
    await start();
  });
}

async function showError(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, "Open Settings");
  if (choice === "Open Settings") {
    await vscode.commands.executeCommand("workbench.action.openSettings", "handoff.server.path");
  }
}
