import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SemanticTokensRequest,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type MarkupContent,
} from "vscode-languageserver-protocol";
import { actions, clauses, policies, primitiveTypes } from "../../grammar/vocabulary.ts";
import { startClient, type Client } from "../support/lsp-client.ts";
import { desk, freshUri, positionOf } from "./fixtures.ts";

let client: Client;
beforeAll(async () => {
  client = await startClient();
});
afterAll(async () => {
  await client.close();
});

/** Opens `text` with `¦` marking the cursor and returns the labels offered there. */
async function completeAt(marked: string): Promise<string[]> {
  const uri = freshUri();
  const text = marked.replace("¦", "");
  client.open(uri, text);
  const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(marked, "¦") });
  const items: CompletionItem[] = Array.isArray(result) ? result : ((result as CompletionList | null)?.items ?? []);
  return items.map((i) => i.label);
}

/** `desk` with `line` added before `otherwise`. */
const withLine = (line: string): string => desk.replace("otherwise answer", `${line}\notherwise answer`);

describe("completion", () => {
  it("offers the enum's members after `topic is `", async () => {
    expect(await completeAt(withLine("when topic is ¦"))).toEqual(["billing", "pricing", "technical", "medical"]);
  });

  it("offers members inside `in [`, after `is not`, and true/false for a bool", async () => {
    expect(await completeAt(withLine("when tier in [¦"))).toEqual(["free", "pro"]);
    expect(await completeAt(withLine("when topic not in [billing, ¦"))).toEqual(["billing", "pricing", "technical", "medical"]);
    expect(await completeAt(withLine("when tier is not ¦"))).toEqual(["free", "pro"]);
    expect(await completeAt(withLine("when repeatContact == ¦"))).toEqual(["true", "false"]);
  });

  it("offers signals where a condition or a `given` expects one, and operators after a signal", async () => {
    const signals = ["sentiment", "repeatContact", "topic", "tier"];
    expect(await completeAt(withLine("when ¦"))).toEqual(expect.arrayContaining(signals));
    expect(await completeAt(withLine("when tier is pro and ¦"))).toEqual(expect.arrayContaining(signals));
    expect(await completeAt(withLine('test "x" given tier = pro, ¦'))).toEqual(signals);
    expect(await completeAt(withLine('test "x" given tier = ¦'))).toEqual(["free", "pro"]);
    expect(await completeAt(withLine("when sentiment ¦"))).toEqual(expect.arrayContaining(["<", ">=", "is", "in"]));
  });

  it("offers owners after `to`, fields in `collect [`, units after a number in `within`, rules after `expect rule`", async () => {
    expect(await completeAt(withLine("when tier is pro then route to ¦"))).toEqual(["senior", "billing"]);
    expect(await completeAt(withLine("when tier is pro then route to senior collect [accountNumber, ¦"))).toEqual(["accountNumber", "preferredTime"]);
    expect(await completeAt(withLine("when tier is pro then route to senior within 2¦"))).toEqual(["2s", "2m", "2h", "2d", "2w"]);
    expect(await completeAt(withLine('test "x" expect rule ¦'))).toEqual(["angry", "medical", "rule_25", "never", "otherwise"]);
  });

  it("offers the calendars after `hours` in `owners`", async () => {
    const text = 'calendars {\n  office: "Europe/Berlin" mon-fri 09:00-17:30\n  clinic: "America/New_York" mon-sun 00:00-24:00\n}\nowners {\n  billing: "Billing" hours ¦\n}\n';
    expect(await completeAt(text)).toEqual(["office", "clinic"]);
  });

  it("offers the top level after `expect rule otherwise`, not the actions of an `otherwise`", async () => {
    const after = await completeAt(withLine('test "x" expect rule otherwise ¦'));
    expect(after).toEqual(expect.arrayContaining(["rule", "when", "test", "otherwise"]));
    expect(after).not.toContain("answer");
  });

  it("offers the keywords that may come next", async () => {
    expect(await completeAt(withLine("when tier is pro then ¦"))).toEqual(["answer", "route to", "escalate to", "stop"]);
    expect(await completeAt(withLine("when tier is pro then route to senior ¦"))).toEqual(expect.arrayContaining(["within", "collect", "say", "rule"]));
    expect(await completeAt(withLine("when tier is pro then answer urgency ¦"))).toEqual(["low", "normal", "high", "critical"]);
    expect(await completeAt(withLine('test "x" ¦'))).toEqual(["given", "expect"]);
    expect(await completeAt(withLine('test "x" expect rule angry ¦'))).toEqual(expect.arrayContaining(["rule", "when", "test", "otherwise"]));
    expect(await completeAt("¦")).toEqual(expect.arrayContaining(["signals", "owners", "rule", "when", "otherwise", "test"]));
    expect(await completeAt(desk.replace("  tier: free | pro", "  tier: ¦"))).toEqual(["bool", "number", "int", "text", "duration"]);
  });

  it("offers nothing inside a comment or a string", async () => {
    expect(await completeAt(withLine("# when topic is ¦"))).toEqual([]);
    expect(await completeAt(withLine('when tier is pro then answer say "topic is ¦"'))).toEqual([]);
  });
});

async function hoverAt(text: string, needle: string, delta = 1, nth = 0): Promise<string> {
  const uri = freshUri();
  client.open(uri, text);
  const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta, nth) });
  return (result?.contents as MarkupContent | undefined)?.value ?? "";
}

describe("hover", () => {
  it("shows a signal's type, range and default wherever it is used", async () => {
    const value = await hoverAt(desk, "sentiment < -0.5");
    expect(value).toContain("signal sentiment: number in -1..1 = 0");
    expect(value).toContain("Optional: `0`");
    expect(await hoverAt(desk, "{sentiment}", 2)).toContain("signal sentiment: number in -1..1 = 0");
  });

  it("explains the words of the language from the vocabulary, but a name wins over a keyword", async () => {
    expect(await hoverAt(desk, "escalate to senior", 2)).toBe(`**escalate** (action): ${actions.escalate.summary}`);
    expect(await hoverAt(desk, "collect [", 2)).toBe(`**collect** (clause): ${clauses.collect.summary}`);
    expect(await hoverAt(desk.replace('contract "desk"', 'contract "desk"\npolicy most-severe'), "most-severe", 6)).toBe(`**most-severe** (policy): ${policies["most-severe"].summary}`);
    expect(await hoverAt(desk, ": bool", 3)).toBe(`**bool** (type): ${primitiveTypes.bool.summary}`);
    // Inside a string or a comment the same word is text.
    const quoted = desk.replace("otherwise answer", 'otherwise answer\n  say "we stop here" # route');
    expect(await hoverAt(quoted, "we stop here", 4)).toBe("");
    expect(await hoverAt(quoted, "# route", 3)).toBe("");
  });

  it("shows a calendar's declaration and the owners it staffs, from its declaration or an owner's `hours`", async () => {
    const text = 'calendars {\n  office: "Europe/Berlin" mon-fri 09:00-17:30 closed ["2026-12-24"]\n}\nsignals { a: bool }\nowners {\n  billing: "Billing" hours office\n  desk: "Desk"\n}\notherwise answer\n';
    const value = await hoverAt(text, "hours office", 7);
    expect(value).toContain('calendar office: "Europe/Berlin" mon-fri 09:00-17:30 closed ["2026-12-24"]');
    expect(value).toContain("Hours of `billing`.");
    expect(await hoverAt(text, "office:", 1)).toContain("Local time in `Europe/Berlin`");
    expect(await hoverAt(text, "billing:", 1)).toContain('owner billing: "Billing" hours office');
    expect(await hoverAt(text, "desk:", 1)).toContain("No `hours`: always staffed.");
  });

  it("shows an owner's display name and an enum member's enum", async () => {
    expect(await hoverAt(desk, "to senior", 4)).toContain('owner senior: "Senior support"');
    expect(await hoverAt(desk, "is medical", 4)).toContain("A member of `topic: billing | pricing | technical | medical`");
  });

  it("summarises a rule and says whether it can ever win, once the analyses have run", async () => {
    const uri = freshUri();
    client.open(uri, desk);
    await client.diagnostics(uri, (d) => d.length > 0);
    const ask = async (needle: string) => {
      const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(desk, needle, 6) });
      return (result?.contents as MarkupContent).value;
    };
    const angry = await ask("rule angry");
    expect(angry).toContain("rule angry: escalate to senior within 2h when sentiment < -0.5 and repeatContact");
    expect(angry).toMatch(/Can win, for example on: sentiment = -?[0-9.]+, repeatContact = true/);
    const never = await ask("rule never");
    expect(never).toContain("Can never win: rule `never` can never win");
  });
});

describe("outline, folding and semantic tokens", () => {
  it("lists blocks with their names, rules by name, otherwise and tests", async () => {
    const uri = freshUri();
    client.open(uri, desk);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    expect(symbols.map((s) => s.name)).toEqual(['contract desk', "signals", "fields", "owners", "angry", "medical", "rule_25", "never", "otherwise", 'test angry']);
    expect(symbols[1]!.children!.map((s) => s.name)).toEqual(["sentiment", "repeatContact", "topic", "tier"]);
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    expect(folds).toContainEqual({ startLine: 1, endLine: 6 });
    expect(folds).toContainEqual({ startLine: 15, endLine: 19 });
  });

  it("marks signals, owners, fields, rules and members, declarations flagged", async () => {
    const uri = freshUri();
    client.open(uri, desk);
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    const data = tokens!.data;
    // The first token: `sentiment` declared on line 2, column 2, 9 long, a variable, a declaration.
    expect(data.slice(0, 5)).toEqual([2, 2, 9, 0, 1]);
    expect(data.length % 5).toBe(0);
    expect(data.length / 5).toBeGreaterThan(20);
  });
});
