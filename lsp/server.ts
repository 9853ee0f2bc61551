/**
 * The language server: wires the LSP connection to the document store and the features, one file each.
 *
 * INVARIANT: no handler can take the server down. Each runs inside `guard`: an exception is logged
 * and answered with the handler's empty result; a request cancelled before it runs is answered with
 * `RequestCancelled`. Stray exceptions and rejections are logged, never fatal.
 */
import {
  CodeActionKind,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CancellationToken,
  type Connection,
  type InitializeResult,
  type CodeActionParams,
  type ReferenceParams,
  type RenameParams,
  type TextDocumentIdentifier,
  type TextDocumentPositionParams,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { codeActions } from "./code-actions.ts";
import { complete } from "./completion.ts";
import { ContractStore, type Analysis } from "./documents.ts";
import { toLspDiagnostics } from "./diagnostics.ts";
import { foldingRanges } from "./folding.ts";
import { formatDocument } from "./formatting.ts";
import { hover } from "./hover.ts";
import { definition, prepareRename, references, rename } from "./navigation.ts";
import { legend, semanticTokens } from "./semantic-tokens.ts";
import { documentSymbols } from "./symbols.ts";

export interface ServerOptions {
  /** How long edits must pause before the static analyses run (default 300 ms). */
  readonly analysisDelayMs?: number;
}

/** Serves LSP on the given streams until the client sends `exit` (which ends the process). */
export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: ServerOptions = {}): Connection {
  const connection = createConnection(ProposedFeatures.all, input, output);
  const log = (message: string): void => connection.console.error(message);
  process.on("uncaughtException", (error) => log(`handoff lsp: uncaught ${error.stack ?? String(error)}`));
  process.on("unhandledRejection", (reason) => log(`handoff lsp: unhandled rejection ${String(reason)}`));

  const documents = new TextDocuments(TextDocument);
  const store = new ContractStore(
    (uri, version, diagnostics) => {
      const doc = documents.get(uri);
      const converted = doc ? toLspDiagnostics(doc, diagnostics) : [];
      void connection.sendDiagnostics(version >= 0 ? { uri, version, diagnostics: converted } : { uri, diagnostics: converted });
    },
    log,
    options.analysisDelayMs === undefined ? {} : { delayMs: options.analysisDelayMs },
  );

  /** Runs a handler on the document's current analysis; errors and unknown documents give `fallback`. */
  function guard<P extends { textDocument: TextDocumentIdentifier }, R>(
    name: string,
    fallback: R,
    run: (doc: TextDocument, analysis: Analysis, params: P, token: CancellationToken) => R | ResponseError | Promise<R | ResponseError>,
  ): (params: P, token: CancellationToken) => Promise<R | ResponseError> {
    return async (params, token) => {
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
      try {
        const doc = documents.get(params.textDocument.uri);
        if (!doc) return fallback;
        const result = await run(doc, store.get(doc), params, token);
        if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
        return result;
      } catch (error) {
        log(`handoff lsp: ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
        return fallback;
      }
    };
  }

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [" ", "[", ",", "("] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend, full: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentFormattingProvider: true,
      },
      serverInfo: { name: "handoff" },
    }),
  );

  connection.onCompletion(guard("completion", [], (doc, a, p: TextDocumentPositionParams) => complete(doc, a, p.position)));
  connection.onHover(guard("hover", null, (doc, a, p: TextDocumentPositionParams) => hover(doc, a, p.position)));
  connection.onDefinition(guard("definition", [], (doc, a, p: TextDocumentPositionParams) => definition(doc, a, p.position)));
  connection.onReferences(guard("references", [], (doc, a, p: ReferenceParams) => references(doc, a, p.position, p.context.includeDeclaration)));
  connection.onPrepareRename(guard("prepareRename", null, (doc, a, p: TextDocumentPositionParams) => prepareRename(doc, a, p.position)));
  connection.onRenameRequest(guard("rename", null, (doc, a, p: RenameParams) => rename(doc, a, p.position, p.newName)));
  connection.onDocumentSymbol(guard("documentSymbol", [], (doc, a) => documentSymbols(doc, a)));
  connection.onFoldingRanges(guard("foldingRange", [], (doc, a) => foldingRanges(doc, a)));
  connection.languages.semanticTokens.on(guard("semanticTokens", { data: [] }, (doc, a) => semanticTokens(doc, a)));
  connection.onCodeAction(guard("codeAction", [], (doc, a, p: CodeActionParams) => codeActions(doc, p)));
  connection.onDocumentFormatting(guard("formatting", [], (doc) => formatDocument(doc)));

  documents.onDidChangeContent((event) => {
    store.changed(event.document, (error) => {
      log(`handoff lsp: checking ${event.document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    });
  });
  documents.onDidClose((event) => store.close(event.document.uri));
  connection.onShutdown(() => store.dispose());

  documents.listen(connection);
  connection.listen();
  return connection;
}
