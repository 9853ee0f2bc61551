/**
 * The language server's re-check time after an edit of a generated 5,000-line contract: the time from
 * a change to the diagnostics the editor shows at once (parse, checker, conversion to LSP), median of
 * repetitions, measured in-process and end-to-end over stdio against `handoff lsp`; and, for
 * comparison, the full `check()` with the static analyses that the server runs once edits pause.
 * bench/run.ts prints the returned Markdown section.
 */
import { TextDocument } from "vscode-languageserver-textdocument";
import { check } from "../compiler/compile.ts";
import { ContractStore } from "../lsp/documents.ts";
import { toLspDiagnostics } from "../lsp/diagnostics.ts";
import { startClient } from "../test/support/lsp-client.ts";
import { median } from "./measure.ts";
import { syntheticContract } from "./synthetic.ts";

export interface LspBench {
  readonly lines: number;
  readonly rules: number;
  /** Median milliseconds from an edit to its published quick diagnostics, in-process. */
  readonly quickMs: number;
  /** Median milliseconds from sending `didChange` to receiving its diagnostics over stdio. */
  readonly roundTripMs: number;
  /** Median milliseconds of the complete `check()` (with analyses) of the edited contract. */
  readonly fullCheckMs: number;
  readonly rounds: number;
}

/** The smallest synthetic contract of at least `lines` lines. */
function contractOf(lines: number): { text: string; rules: number } {
  let rules = Math.ceil(lines / 5);
  let text = syntheticContract({ rules });
  while (text.split("\n").length < lines) text = syntheticContract({ rules: (rules += 20) });
  return { text, rules };
}

/** Edit `round`: a different digit in the middle of the file each time, so every version is new text. */
function editAt(text: string, round: number): { offset: number; length: number; insert: string } {
  const middle = text.indexOf("within ", Math.floor(text.length / 2));
  return { offset: middle + "within ".length, length: 1, insert: String((round % 9) + 1) };
}

export async function benchLsp(options: { lines?: number; rounds?: number } = {}): Promise<LspBench> {
  const { text, rules } = contractOf(options.lines ?? 5_000);
  const rounds = options.rounds ?? 15;
  const warmup = 3;
  const uri = "file:///bench/large.handoff";

  // In-process: what a didChange costs before the editor shows diagnostics.
  let doc = TextDocument.create(uri, "handoff", 1, text);
  let published = 0;
  const store = new ContractStore((_uri, _version, diagnostics) => void (published += toLspDiagnostics(doc, diagnostics).length), () => {}, { delayMs: 3_600_000, useWorker: false });
  const quick: number[] = [];
  for (let round = 0; round < warmup + rounds; round++) {
    const e = editAt(doc.getText(), round);
    const start = performance.now();
    doc = TextDocument.update(doc, [{ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, text: e.insert }], doc.version + 1);
    store.update(doc);
    if (round >= warmup) quick.push(performance.now() - start);
  }
  store.dispose();
  if (published < 0) console.log(published);

  // End to end: didChange out, publishDiagnostics back, over the real stdio connection.
  const client = await startClient();
  const roundTrip: number[] = [];
  try {
    let mirror = TextDocument.create(uri, "handoff", 1, text);
    client.open(uri, text);
    await client.diagnostics(uri);
    for (let round = 0; round < warmup + rounds; round++) {
      const e = editAt(mirror.getText(), round);
      const range = { start: mirror.positionAt(e.offset), end: mirror.positionAt(e.offset + e.length) };
      const start = performance.now();
      const version = client.change(uri, [{ range, text: e.insert }]);
      await client.diagnostics(uri);
      if (round >= warmup) roundTrip.push(performance.now() - start);
      mirror = TextDocument.update(mirror, [{ range, text: e.insert }], version);
    }
  } finally {
    await client.close();
  }

  const full: number[] = [];
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    check(doc.getText(), { fileName: "large.handoff" });
    full.push(performance.now() - start);
  }
  return { lines: text.split("\n").length, rules, quickMs: median(quick), roundTripMs: median(roundTrip), fullCheckMs: median(full), rounds };
}

export function lspSection(b: LspBench): string {
  return `## Language server

Re-checking a generated contract of ${b.lines.toLocaleString("en")} lines (${b.rules.toLocaleString("en")} rules) after a one-character edit, median of ${b.rounds} edits:

| step | time |
|------|------|
| edit → diagnostics published (parser + checker, in-process) | ${b.quickMs.toFixed(1)} ms |
| \`didChange\` → \`publishDiagnostics\` over stdio (\`handoff lsp\`) | ${b.roundTripMs.toFixed(1)} ms |
| complete \`check()\` with the static analyses (run once edits pause 300 ms) | ${b.fullCheckMs.toFixed(0)} ms |
`;
}
