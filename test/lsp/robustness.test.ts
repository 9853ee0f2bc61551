/**
 * The server never crashes: random edits, garbage text and requests on any position, over the real
 * stdio connection, always get answers, and the diagnostics of the last version are `check`'s.
 */
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  LSPErrorCodes,
  ReferencesRequest,
  RenameRequest,
  ErrorCodes,
  ResponseError,
  SemanticTokensRequest,
  type Position,
} from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";
import { check } from "../../compiler/compile.ts";
import { startClient, type Client } from "../support/lsp-client.ts";
import { desk, freshUri } from "./fixtures.ts";

let client: Client;
beforeAll(async () => {
  client = await startClient();
});
afterAll(async () => {
  await client.close();
});

const pieces = ["when ", "then ", "rule ", " is ", " in [", "]", "{", "}", '"', "\\", "#", "\n", "\r\n", "\r", "to ", "within 2", "collect [", "(", ")", "not ", "and ", "otherwise ", "\ufeff", "🙂", "\ud800", "\u0000", "signals {", "expect rule "];
const insertion = fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 6 }));
const edit = fc.record({ start: fc.nat(), length: fc.nat({ max: 40 }), text: insertion });
const anyPosition = fc.oneof(
  fc.record({ line: fc.nat({ max: 40 }), character: fc.nat({ max: 60 }) }),
  fc.record({ line: fc.integer({ min: 0, max: 1_000_000 }), character: fc.integer({ min: 0, max: 1_000_000 }) }),
);

/** Sends every kind of request at `position`; each must be answered (a rename may be refused). */
async function askEverything(uri: string, position: Position): Promise<void> {
  const textDocument = { uri };
  const c = client.connection;
  const range = { start: position, end: position };
  const answers = await Promise.all([
    c.sendRequest(CompletionRequest.type, { textDocument, position }),
    c.sendRequest(HoverRequest.type, { textDocument, position }),
    c.sendRequest(DefinitionRequest.type, { textDocument, position }),
    c.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }),
    c.sendRequest(RenameRequest.type, { textDocument, position, newName: "renamed" }).catch((e: unknown) => {
      if (e instanceof ResponseError && e.code === ErrorCodes.InvalidParams) return null;
      throw e;
    }),
    c.sendRequest(DocumentSymbolRequest.type, { textDocument }),
    c.sendRequest(FoldingRangeRequest.type, { textDocument }),
    c.sendRequest(SemanticTokensRequest.type, { textDocument }),
    c.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [{ range, message: "x", code: "unknown-owner", data: { hint: "did you mean `x`?" } }] } }),
    c.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } }),
  ]);
  expect(answers).toHaveLength(10);
}

it("answers every request after any sequence of edits, and its final diagnostics are check's", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.array(anyPosition, { minLength: 1, maxLength: 3 }), async (edits, positions) => {
      const uri = freshUri("fuzz");
      client.open(uri, desk);
      let doc = TextDocument.create(uri, "handoff", 1, desk);
      for (const e of edits) {
        const text = doc.getText();
        const start = doc.positionAt(e.start % (text.length + 1));
        const end = doc.positionAt(Math.min(text.length, (e.start % (text.length + 1)) + e.length));
        const version = client.change(uri, [{ range: { start, end }, text: e.text }]);
        doc = TextDocument.update(doc, [{ range: { start, end }, text: e.text }], version);
      }
      for (const position of positions) await askEverything(uri, position);
      const want = check(doc.getText()).diagnostics.map((d) => `${d.code}: ${d.message}`);
      const got = await client.diagnostics(uri, (d) => d.length === want.length);
      expect(got.map((d) => `${d.code}: ${String(d.message).split("\n")[0]}`)).toEqual(want);
      expect(client.process.exitCode).toBeNull();
    }),
    { numRuns: 60 },
  );
});

it("answers requests about documents it does not know, and survives garbage parameters", async () => {
  const c = client.connection;
  const unknown = { uri: "file:///nowhere.handoff" };
  expect(await c.sendRequest(CompletionRequest.type, { textDocument: unknown, position: { line: 0, character: 0 } })).toEqual([]);
  expect(await c.sendRequest(HoverRequest.type, { textDocument: unknown, position: { line: 0, character: 0 } })).toBeNull();
  const uri = freshUri();
  client.open(uri, desk);
  // Parameters no client should send: the server logs the failure and answers with an empty result.
  expect(await c.sendRequest(HoverRequest.type, { textDocument: { uri }, position: null as unknown as Position })).toBeNull();
  expect(await c.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: { line: 16, character: 8 } } as never)).toEqual([]);
  await expect(c.sendRequest("handoff/noSuchMethod", {})).rejects.toThrow();
  expect(await c.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })).not.toEqual([]);
  expect(client.logs().some((m) => m.includes("references failed"))).toBe(true);
  expect(client.process.exitCode).toBeNull();
});

it("answers a cancelled request with RequestCancelled or its result, and keeps answering", async () => {
  const uri = freshUri();
  client.open(uri, desk);
  const source = new CancellationTokenSource();
  const pending = client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, source.token);
  source.cancel();
  const outcome = await pending.then(
    () => "answered",
    (e: unknown) => (e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled ? "cancelled" : `failed: ${String(e)}`),
  );
  expect(["answered", "cancelled"]).toContain(outcome);
  expect(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })).not.toEqual([]);
});
