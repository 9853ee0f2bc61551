// The injection corpus on the Python target: each payload (the TypeScript corpus and Python-specific
// ones: triple quotes, f-string braces, `\N{…}`, statements that import, print, raise or exit) sits in
// every string position of a contract (the model of test/support/injection.ts, and a source contract
// carrying it in comments, the contract name and version, the owner name, a text literal, reason, say
// and a test name). Every module compiles (py_compile), its syntax tree is that of a harmless contract
// with the strings blanked, loading it prints, raises and sets nothing, its CONTRACT is the TypeScript
// module's, and it decides JSON-equal to the TypeScript module of every strategy.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { generate } from "../../compiler/codegen/index.ts";
import { strategyNames } from "../../compiler/codegen/strategies/names.ts";
import { check } from "../../compiler/compile.ts";
import type { ContractModel } from "../../compiler/model.ts";
import { generatePython } from "../../compiler/python/index.ts";
import { contextFor, inputFor } from "../support/arbitraries.ts";
import { injectedModel, injectedSignalName, payloads } from "../support/injection.ts";
import { loadQuickly, transfer, viaJson, writeModule } from "./python.ts";

const pythonPayloads = [
  '"""',
  "'''",
  '""""',
  "{__import__('builtins').__setattr__('PWNED', 1)}",
  "{{}}",
  "\\N{LATIN SMALL LETTER A}",
  "\\x41\\101\\u0041",
  "\\",
  '\\"',
  "\\\n__import__('builtins').__setattr__('PWNED', 1)\n#",
  '"; __import__("builtins").__setattr__("PWNED", 1); "',
  "'; __import__('builtins').__setattr__('PWNED', 1); '",
  '") or __import__("builtins").__setattr__("PWNED", 1) or ("',
  '"),); __import__("builtins").__setattr__("PWNED", 1); ((("',
  "\nraise SystemExit(3)\n",
  "\r\nprint('PWNED')\r\n",
  "\fprint('PWNED')",
  "\x0bprint('PWNED')",
  "\x1cprint('PWNED')",
  "\x85print('PWNED')",
  "\u2028print('PWNED')",
  "print('PWNED')",
  "__import__('os')._exit(3)",
  "# -*- coding: latin-1 -*-",
  "# type: ignore",
  "\x00",
  "\x7f",
  "b'\\x00'",
  "r'\\'",
  "None",
  "True",
  "__all__",
  "__name__",
  "_MODEL",
  "decide",
  "lambda: 1",
  "\t    ",
];

const corpus = [...new Set([...payloads, ...pythonPayloads])];

/** The payload inside a contract's double-quoted string. */
const quoted = (p: string): string => `"${p.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t").replace(/\{/g, "\\{")}"`;

/** A source contract carrying `p` in comments, names, owner, literal, reason, say and a test name. */
function sourceWith(p: string): string {
  const comment = p.replace(/[\r\n\u2028\u2029\u0085\f\v]/g, " ");
  const q = quoted(p);
  return [
    `# ${comment}`,
    `contract ${q}`,
    `version ${q}`,
    `signals {`,
    `  s: text   # ${comment}`,
    `}`,
    `owners {`,
    `  team: ${q}`,
    `}`,
    `rule r1   # ${comment}`,
    `  when s is ${q}`,
    `  then escalate to team within 1h`,
    `  reason ${q.slice(0, -1)} {s}"`,
    `  say ${q}`,
    `otherwise answer`,
    `test ${q}`,
    `  given s = ${q}`,
    `  expect escalate to team within 1h`,
    "",
  ].join("\n");
}

interface Case {
  readonly label: string;
  readonly model: ContractModel;
  readonly lines: { text: string; input: unknown; context: unknown }[];
}

function casesFor(label: string, model: ContractModel, fixed: unknown[]): Case {
  const random = fc.sample(fc.tuple(inputFor(model), contextFor(model)), { numRuns: 30, seed: 5 });
  const lines = [...fixed.map((i) => [i, { now: 0 }] as const), ...random].map(([input, context]) => {
    const i = transfer(input);
    const c = transfer(context);
    return { text: `{"i": ${i.text}, "c": ${c.text}}`, input: i.value, context: c.value };
  });
  return { label, model, lines };
}

describe("the injection corpus on the Python target", () => {
  it("compiles, runs nothing and decides as the TypeScript module, for every payload in every position", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(0) });
    try {
      expect(corpus.length).toBeGreaterThanOrEqual(100);
      const cases: Case[] = [];
      const harmless = [casesFor("harmless", injectedModel("harmless"), [null])];
      let fromSource = 0;
      for (const p of corpus) {
        const named = injectedSignalName(p);
        cases.push(casesFor(JSON.stringify(p), injectedModel(p), [{ s: p, e: p, [named]: p }, { s: p, e: "other", [named]: "?" }, { s: "\u0000none", e: "other" }, null]));
        const model = check(sourceWith(p), { fileName: "injected.handoff" }).model;
        if (model !== null) {
          fromSource++;
          cases.push(casesFor(`source ${JSON.stringify(p)}`, model, [{ s: p }, { s: `${p}x` }, {}]));
        }
      }
      // Only payloads with a raw line end that a string cannot hold are left out of the source contract.
      expect(fromSource).toBeGreaterThanOrEqual(corpus.length - 15);
      const all = [...harmless, ...cases];
      const files = all.map((c) => writeModule(generatePython(c.model)));
      const compiled = spawnSync("python3", ["-m", "py_compile", ...files], { encoding: "utf8" });
      expect(compiled.stderr).toBe("");
      expect(compiled.status).toBe(0);

      const spec = writeModule(JSON.stringify(all.map((c, n) => ({ file: files[n], lines: c.lines.map((l) => JSON.parse(l.text.replace(/\bNaN\b|-?Infinity\b/g, "null")) as unknown) }))));
      // NaN/±Infinity cannot go through the JSON spec file: those lines are compared as null.
      const r = spawnSync("python3", [join(import.meta.dirname, "injection.py"), spec], { encoding: "utf8", maxBuffer: 1 << 28 });
      expect(r.stderr).toBe("");
      const reports = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { shape: string; loaded: boolean; printed: string; pwned: boolean; error?: string; contract: unknown; results: unknown[] });
      expect(reports.length).toBe(all.length);
      const harmlessShape = reports[0]!.shape;
      for (let n = 1; n < all.length; n++) {
        const c = all[n]!;
        const report = reports[n]!;
        const label = c.label;
        expect({ label, loaded: report.loaded, printed: report.printed, pwned: report.pwned, error: report.error }).toEqual({ label, loaded: true, printed: "", pwned: false, error: undefined });
        if (!label.startsWith("source")) expect({ label, same: report.shape === harmlessShape }).toEqual({ label, same: true });
        for (const strategy of strategyNames) {
          const module = loadQuickly(await generate(c.model, { strategy }));
          expect({ label, strategy, contract: report.contract }).toEqual({ label, strategy, contract: viaJson(module.contract) });
          c.lines.forEach((line, i) => {
            const parsed = JSON.parse(line.text.replace(/\bNaN\b|-?Infinity\b/g, "null")) as { i: unknown; c: unknown };
            const expected = viaJson([module.decide(parsed.i, parsed.c), module.validate(parsed.i)]);
            const actual = viaJson(report.results[i]);
            if (!isDeepStrictEqual(actual, expected)) expect({ label, strategy, input: line.text, actual }).toStrictEqual({ label, strategy, input: line.text, actual: expected });
          });
        }
      }
    } finally {
      vi.useRealTimers();
    }
  }, 300_000);
});
