/**
 * Start-up of the built package as a user runs it: `node bin/handoff.js …` beside a bare `node -e 0`,
 * interleaved rounds, medians, each as a ratio to the bare start measured in the same run; and the
 * language server's first answers — `initialize`, then the first full diagnostics (analyses included)
 * of the support example — over stdio. bench/run.ts prints the returned Markdown section.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startClient } from "../test/support/lsp-client.ts";
import { median } from "./measure.ts";

const root = join(import.meta.dirname, "..");
const bin = join(root, "bin", "handoff.js");
const example = join(root, "examples", "support.handoff");

interface Row {
  readonly name: string;
  readonly args: readonly string[];
  /** The aim, as a ratio to `node -e 0`, or null. */
  readonly aim: number | null;
}

export interface StartupBench {
  readonly bareMs: number;
  readonly rows: readonly { name: string; ms: number; ratio: number; aim: number | null }[];
  readonly initializeMs: number;
  readonly fullDiagnosticsMs: number;
  readonly rounds: number;
}

export async function benchStartup(options: { rounds?: number } = {}): Promise<StartupBench> {
  const rounds = options.rounds ?? 11;
  const out = mkdtempSync(join(tmpdir(), "handoff-startup-"));
  const rows: Row[] = [
    { name: "`handoff --version`", args: [bin, "--version"], aim: 2 },
    { name: "`handoff check` of the support example", args: [bin, "check", example], aim: 3 },
    { name: "`handoff build` of the support example", args: [bin, "build", example, "--out", out], aim: 6 },
  ];
  const time = (args: readonly string[]): number => {
    const start = performance.now();
    execFileSync(process.execPath, args, { stdio: "ignore" });
    return performance.now() - start;
  };
  const bare: number[] = [];
  const samples = rows.map(() => [] as number[]);
  for (let round = 0; round < rounds + 1; round++) {
    const b = time(["-e", "0"]);
    const each = rows.map((row) => time(row.args));
    if (round === 0) continue;
    bare.push(b);
    each.forEach((ms, i) => samples[i]!.push(ms));
  }
  const bareMs = median(bare);

  const initialize: number[] = [];
  const full: number[] = [];
  const text = readFileSync(example, "utf8");
  for (let round = 0; round < Math.max(3, Math.floor(rounds / 2)); round++) {
    const start = performance.now();
    const client = await startClient();
    initialize.push(performance.now() - start);
    const uri = "file:///bench/support.handoff";
    client.open(uri, text);
    await client.diagnostics(uri, (d) => d.some((x) => x.code === "ambiguous-owner"));
    full.push(performance.now() - start);
    await client.close();
  }
  return {
    bareMs,
    rows: rows.map((row, i) => ({ name: row.name, ms: median(samples[i]!), ratio: median(samples[i]!) / bareMs, aim: row.aim })),
    initializeMs: median(initialize),
    fullDiagnosticsMs: median(full),
    rounds,
  };
}

export function startupSection(b: StartupBench): string {
  const rows = b.rows.map((r) => `| ${r.name} | ${r.ms.toFixed(0)} ms | ${r.ratio.toFixed(2)}× | ${r.aim === null ? "—" : `≤ ${r.aim}× ${r.ratio <= r.aim ? "(met)" : "(not met)"}`} |`);
  return `## Start-up

The built package as a user runs it (\`node bin/handoff.js …\`, which runs \`dist/\`), beside a bare \`node -e 0\`
(${b.bareMs.toFixed(0)} ms here), interleaved, medians of ${b.rounds} runs:

| command | time | ratio to \`node -e 0\` | aim |
|---|---|---|---|
${rows.join("\n")}

\`handoff lsp\` over stdio, from starting the process, median of ${Math.max(3, Math.floor(b.rounds / 2))} starts: \`initialize\` answered in
${b.initializeMs.toFixed(0)} ms (aim: 500 ms), the first full diagnostics of the support example, analyses included,
published after ${b.fullDiagnosticsMs.toFixed(0)} ms (aim: 1 s).
`;
}
