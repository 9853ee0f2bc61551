import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodeActionRequest, DocumentFormattingRequest, type CodeAction, type Diagnostic } from "vscode-languageserver-protocol";
import { check } from "../../compiler/compile.ts";
import { formatSource } from "../../format/index.ts";
import { startClient, type Client } from "../support/lsp-client.ts";
import { applyEdits, desk, editsFor, freshUri } from "./fixtures.ts";

let client: Client;
beforeAll(async () => {
  client = await startClient();
});
afterAll(async () => {
  await client.close();
});

/** Opens `text`, waits for its diagnostics with `code`, and returns the quick fixes offered for them. */
async function fixesFor(text: string, code: string): Promise<{ uri: string; actions: CodeAction[]; diagnostics: Diagnostic[] }> {
  const uri = freshUri();
  client.open(uri, text);
  const diagnostics = (await client.diagnostics(uri, (d) => d.some((x) => x.code === code))).filter((d) => d.code === code);
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostics[0]!.range,
    context: { diagnostics },
  })) as CodeAction[];
  return { uri, actions, diagnostics };
}

const errors = (text: string) => check(text).diagnostics.filter((d) => d.severity === "error").map((d) => d.code);

describe("quick fixes", () => {
  it.each([
    ["unknown-signal", "when sentiment < -0.5", "when sentimnt < -0.5", "sentiment"],
    ["unknown-value", "topic is medical", "topic is medicl", "medical"],
    ["unknown-owner", "route to billing", "route to biling", "billing"],
    ["unknown-owner", "route to billing", 'route to "biling"', '"billing"'],
    ["unknown-field", "collect [accountNumber]", "collect [acountNumber]", "accountNumber"],
    ["unknown-rule", "expect rule angry", "expect rule angyr", "angry"],
    ["unknown-type", "repeatContact: bool ", "repeatContact: boolean ", "bool"],
    ["unknown-urgency", "then answer", "then answer urgency hihg", "high"],
  ])("%s: applies the checker's own did-you-mean suggestion (%s)", async (code, from, to, replacement) => {
    const text = code === "unknown-urgency" ? desk.replace("otherwise answer", "otherwise answer urgency hihg") : desk.replace(from, to);
    const { uri, actions } = await fixesFor(text, code);
    expect(actions.map((a) => a.title)).toEqual([`Change to \`${replacement.replace(/"/g, "")}\``]);
    expect(actions[0]!.isPreferred).toBe(true);
    const fixed = applyEdits(text, editsFor(actions[0]!.edit, uri));
    expect(fixed).toContain(code === "unknown-urgency" ? "urgency high" : replacement);
    expect(errors(fixed)).toEqual([]);
  });

  it("offers nothing when the checker has no suggestion", async () => {
    const { actions } = await fixesFor(desk.replace("route to billing", "route to zzzzzz"), "unknown-owner");
    expect(actions).toEqual([]);
  });

  it("adds a `say` to a stop that has none", async () => {
    const text = desk.replace('  say "A clinician will call you back."\n', "");
    const { uri, actions } = await fixesFor(text, "stop-without-say");
    expect(actions.map((a) => a.title)).toEqual(['Add `say "…"` to this stop']);
    const fixed = applyEdits(text, editsFor(actions[0]!.edit, uri));
    expect(fixed).toContain('then stop to senior within 1h\n  say "A colleague will follow up with you."\n');
    expect(errors(fixed)).toEqual([]);
  });

  it("adds an `otherwise` to an incomplete contract", async () => {
    const text = desk.replace("otherwise answer\n", "");
    const { uri, actions } = await fixesFor(text, "incomplete");
    expect(actions.map((a) => a.title)).toEqual(["Add `otherwise answer`", "Add `otherwise route to senior`"]);
    // Which fallback is right is the author's call: an editor must not apply either on its own.
    expect(actions.map((a) => a.isPreferred)).toEqual([false, false]);
    for (const action of actions) {
      const fixed = applyEdits(text, editsFor(action.edit, uri));
      expect(errors(fixed)).toEqual([]);
    }
    expect(applyEdits(text, editsFor(actions[1]!.edit, uri)).endsWith("expect rule angry\n\notherwise route to senior\n")).toBe(true);
  });
});

describe("formatting", () => {
  it("replaces the document with the formatter's layout", async () => {
    const text = desk.replace("rule angry\n  when", "rule   angry when").replace("  tier: free | pro", "tier:free|pro");
    const uri = freshUri();
    client.open(uri, text);
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = formatSource(text);
    expect(formatted.ok).toBe(true);
    expect(applyEdits(text, edits ?? [])).toBe(formatted.ok ? formatted.text : "");
  });

  it("changes nothing when the contract has syntax errors", async () => {
    const uri = freshUri();
    client.open(uri, desk.replace("within 2h", "within"));
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toEqual([]);
  });
});
