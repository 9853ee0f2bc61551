import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver-protocol";
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

const severity = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

/** What `handoff check` reports, in the editor's terms. */
function expected(text: string) {
  const doc = TextDocument.create("file:///x", "handoff", 1, text);
  const shift = text.startsWith("\ufeff") ? 1 : 0;
  return check(text).diagnostics.map((d) => ({
    code: d.code,
    severity: severity[d.severity],
    message: d.message,
    range: { start: doc.positionAt(d.span.startOffset + shift), end: doc.positionAt(d.span.endOffset + shift) },
  }));
}

function received(diagnostics: Diagnostic[]) {
  return diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: typeof d.message === "string" ? d.message.split("\n")[0] : d.message,
    range: d.range,
  }));
}

/** Opens `text` and waits until the server has published as many diagnostics as `check` finds. */
async function settle(text: string, name?: string): Promise<Diagnostic[]> {
  const uri = freshUri(name);
  const want = check(text).diagnostics.length;
  client.open(uri, text);
  return client.diagnostics(uri, (d) => d.length === want);
}

describe("diagnostics", () => {
  it("reports every error of a broken contract, not just the first, exactly as `handoff check` does", async () => {
    const text = desk
      .replace("when topic is medical", "when topic is medicl")
      .replace("route to billing", "route to biling")
      .replace("collect [accountNumber]", "collect [acountNumber]");
    const diagnostics = await settle(text);
    expect(received(diagnostics)).toEqual(expected(text));
    expect(diagnostics.map((d) => d.code)).toEqual(["unknown-field", "unknown-value", "unknown-owner"]);
    expect(diagnostics[1]!.message).toBe("`medicl` is not a member of `topic` (billing | pricing | technical | medical)\nhint: did you mean `medical`?");
  });

  it("keeps checking after a syntax error", async () => {
    const text = desk.replace("then escalate to senior within 2h", "then escalate to senior within").replace("route to billing", "route to biling");
    const diagnostics = await settle(text);
    expect(received(diagnostics)).toEqual(expected(text));
    expect(diagnostics.map((d) => d.code)).toContain("syntax");
    expect(diagnostics.map((d) => d.code)).toContain("unknown-owner");
  });

  it("publishes the static analyses' findings, with their example, once they have run", async () => {
    const text = desk.replace("otherwise answer\n", "");
    const diagnostics = await settle(text);
    expect(received(diagnostics)).toEqual(expected(text));
    const codes = diagnostics.map((d) => d.code);
    expect(codes).toContain("incomplete");
    expect(codes).toContain("unreachable-rule");
    const incomplete = diagnostics.find((d) => d.code === "incomplete")!;
    expect(incomplete.message).toMatch(/\nexample: sentiment = /);
    // They ran on the analysis worker, not on the thread that answers requests.
    expect(client.logs().filter((m) => m.includes("main thread"))).toEqual([]);
  });

  it("sends info notes as Information, and matches `check` on a real example", async () => {
    const text = readFileSync(new URL("../../examples/support.handoff", import.meta.url), "utf8");
    const diagnostics = await settle(text, "support");
    expect(received(diagnostics)).toEqual(expected(text));
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.severity === DiagnosticSeverity.Information)).toBe(true);
  });

  it("places ranges in the editor's UTF-16 columns, past a byte-order mark, CRLF line ends and astral characters", async () => {
    const text = "\ufeff" + desk.replace('say "A clinician', 'say "🙂 A clinician').replace("route to billing", "route to biling").replace(/\n/g, "\r\n");
    const diagnostics = await settle(text);
    expect(received(diagnostics)).toEqual(expected(text));
    const doc = TextDocument.create("file:///x", "handoff", 1, text);
    expect(doc.getText(diagnostics[0]!.range)).toBe("biling");
  });

  it("updates on every change and clears what was fixed", async () => {
    const uri = freshUri();
    const broken = desk.replace("route to billing", "route to biling");
    client.open(uri, broken);
    expect((await client.diagnostics(uri, (d) => d.length === 1))[0]!.code).toBe("unknown-owner");
    const doc = TextDocument.create(uri, "handoff", 1, broken);
    const start = doc.positionAt(broken.indexOf("biling"));
    client.change(uri, [{ range: { start, end: { line: start.line, character: start.character + 6 } }, text: "billing" }]);
    expect(await client.diagnostics(uri, (d) => d.length === 0)).toEqual([]);
  });

  it("keeps the analyses' findings on screen while a clean contract is edited, instead of clearing them on each keystroke", async () => {
    const uri = freshUri();
    client.open(uri, desk);
    await client.diagnostics(uri, (d) => d.some((x) => x.code === "unreachable-rule"));
    const end = TextDocument.create(uri, "handoff", 1, desk).positionAt(desk.length);
    const version = client.change(uri, [{ range: { start: end, end }, text: "\n# a comment\n" }]);
    await client.diagnostics(uri, (d) => d.some((x) => x.code === "unreachable-rule"));
    const afterEdit = client.published(uri).filter((p) => p.version === version);
    expect(afterEdit.length).toBeGreaterThan(0);
    for (const p of afterEdit) expect(p.diagnostics.map((d) => d.code)).toContain("unreachable-rule");
  });

  it("checks a burst of changes once, at its last version", async () => {
    const uri = freshUri();
    client.open(uri, desk);
    await client.diagnostics(uri);
    // Thirty edits sent at once, each breaking the owner anew; the last one fixes it.
    const doc = TextDocument.create(uri, "handoff", 1, desk);
    const at = doc.positionAt(desk.indexOf("route to billing") + "route to ".length);
    const edit = (text: string) => [{ range: { start: at, end: { line: at.line, character: at.character + 7 } }, text }];
    let last = 0;
    for (let k = 0; k < 29; k++) last = client.change(uri, edit(k % 2 === 0 ? "bil_ing" : "billing"));
    last = client.change(uri, edit("billing"));
    const final = await client.diagnostics(uri, (d) => !d.some((x) => x.code === "unknown-owner"));
    expect(final.map((d) => d.code)).not.toContain("unknown-owner");
    const during = client.published(uri).filter((p) => (p.version ?? 0) > 1 && (p.version ?? 0) < last);
    expect(during.length).toBeLessThan(10);
  });
});
