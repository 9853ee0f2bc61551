// A document just opened gets its analyses at once; edits wait for typing to pause (the delay).
import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic } from "../../diagnostics/index.ts";
import { ContractStore } from "../../lsp/documents.ts";
import { desk } from "./fixtures.ts";

describe("opening a document", () => {
  it("runs the analyses at once; an edit waits for the delay", async () => {
    const published: { version: number; codes: string[] }[] = [];
    const store = new ContractStore((_, version, diagnostics: readonly Diagnostic[]) => published.push({ version, codes: diagnostics.map((d) => d.code) }), () => {}, {
      delayMs: 60_000,
      useWorker: false,
    });
    const text = desk.replace("otherwise answer\n", "");
    store.update(TextDocument.create("file:///open.handoff", "handoff", 1, text));
    await expect.poll(() => published.some((p) => p.version === 1 && p.codes.includes("incomplete")), { timeout: 10_000 }).toBe(true);

    store.update(TextDocument.create("file:///open.handoff", "handoff", 2, `${text}\n`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(published.some((p) => p.version === 2 && p.codes.includes("incomplete"))).toBe(false);
    store.dispose();
  });
});
