import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DefinitionRequest, PrepareRenameRequest, ReferencesRequest, RenameRequest, type Location } from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";
import { check } from "../../compiler/compile.ts";
import { startClient, type Client } from "../support/lsp-client.ts";
import { applyEdits, desk, editsFor, freshUri, positionOf } from "./fixtures.ts";

let client: Client;
beforeAll(async () => {
  client = await startClient();
});
afterAll(async () => {
  await client.close();
});

function open(text: string): string {
  const uri = freshUri();
  client.open(uri, text);
  return uri;
}

const words = (text: string, locations: readonly Location[]) => {
  const doc = TextDocument.create("file:///x", "handoff", 1, text);
  return locations.map((l) => `${l.range.start.line}:${doc.getText(l.range)}`);
};

async function renameAt(text: string, needle: string, newName: string, delta = 1, nth = 0): Promise<string> {
  const uri = open(text);
  const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta, nth), newName });
  return applyEdits(text, editsFor(edit, uri));
}

describe("definition and references", () => {
  it("goes from a use of a signal to its declaration", async () => {
    const uri = open(desk);
    const result = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf(desk, "repeatContact = true", 3) })) as Location[];
    expect(words(desk, result)).toEqual(["3:repeatContact"]);
  });

  it("finds every reference of a signal, an owner and a rule, with or without the declaration", async () => {
    const uri = open(desk);
    const refs = (needle: string, includeDeclaration: boolean, delta = 1) =>
      client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: positionOf(desk, needle, delta), context: { includeDeclaration } });
    expect(words(desk, (await refs("{sentiment}", true, 2))!)).toEqual(["2:sentiment", "16:sentiment", "19:sentiment", "29:sentiment"]);
    expect(words(desk, (await refs("senior:", false))!)).toEqual(["17:senior", "22:senior", "27:senior"]);
    expect(words(desk, (await refs("rule angry", true, 6))!)).toEqual(["15:angry", "29:angry"]);
  });
});

describe("rename", () => {
  it("renames a calendar in its declaration and every owner's `hours`", async () => {
    const text = 'calendars { office: "Europe/Berlin" mon-fri 09:00-17:30 }\nsignals { a: bool }\nowners {\n  billing: "Billing" hours office\n  senior: "Senior" hours office\n}\notherwise answer\n';
    const renamed = await renameAt(text, "hours office", "berlin", 7);
    expect(renamed).toBe(text.replaceAll("office", "berlin"));
    expect(check(renamed).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("renames a signal in its declaration, conditions, interpolations and tests", async () => {
    const renamed = await renameAt(desk, "sentiment < -0.5", "mood");
    expect(renamed).toBe(
      desk.replace("  sentiment: number", "  mood: number").replace("when sentiment <", "when mood <").replace("{sentiment}", "{mood}").replace("given sentiment", "given mood"),
    );
    expect(check(renamed).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("renames a rule and every `expect rule` naming it", async () => {
    const renamed = await renameAt(desk, "expect rule angry", "upset", 13);
    expect(renamed).toContain("rule upset\n");
    expect(renamed).toContain("expect rule upset");
    expect(check(renamed).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("leaves `otherwise` in `expect rule otherwise` alone: it is the built-in outcome, not a rule to rename", async () => {
    const text = desk.replace("expect rule angry", "expect rule otherwise");
    const uri = open(text);
    const position = positionOf(text, "rule otherwise", 7);
    expect(await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position })).toBeNull();
  });

  it("names an unnamed rule when its derived name is renamed", async () => {
    const text = desk.replace("expect rule angry", "expect rule rule_25");
    const renamed = await renameAt(text, "rule_25", "billing_questions", 2);
    expect(renamed).toContain("rule billing_questions when topic is billing");
    expect(renamed).toContain("expect rule billing_questions");
    expect(check(renamed).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("renames an owner written as a quoted target, keeping the quotes", async () => {
    const text = desk.replace("route to billing", 'route to "billing"');
    const renamed = await renameAt(text, "billing:", "accounts");
    expect(renamed).toContain('accounts: "Billing team"');
    expect(renamed).toContain('route to "accounts"');
    expect(renamed).toContain("topic is billing");
  });

  it("renames an enum member and its uses, but not a field or signal of the same name", async () => {
    const renamed = await renameAt(desk, "tier is pro", "premium", 9);
    expect(renamed).toContain("tier: free | premium");
    expect(renamed).toContain("tier is premium");
    expect(check(renamed).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("refuses a new name that is not a name, and says why", async () => {
    const uri = open(desk);
    const position = positionOf(desk, "repeatContact = true", 3);
    await expect(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: "2fa" })).rejects.toThrow(/is not a name/);
    await expect(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: "when" })).rejects.toThrow(/reserved word/);
    await expect(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: "tier" })).rejects.toThrow(/already a signal `tier`/);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position });
    expect(prepared).toMatchObject({ placeholder: "repeatContact" });
    expect(await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: positionOf(desk, "then escalate", 2) })).toBeNull();
  });
});
