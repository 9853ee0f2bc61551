// The library API used as a host or tool uses it: everything from api/index.ts, nothing from the layers
// below. The generated module is loaded to compare with `decide`, and the CLI run to compare output.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { check, compile, contractOf, decide, format, renderDiagnostic, renderSummary, validate, catalog, type ContractModel } from "../../api/index.ts";
import { createDecisionLogger } from "../../runtime/log.ts";
import { cli, tempDir } from "../support/cli.ts";
import { loadGenerated } from "../support/load-module.ts";

const root = join(import.meta.dirname, "..", "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");
const support = read("examples/support.handoff");
const input = JSON.parse(read("examples/support.input.json")) as { signals: Record<string, unknown>; context: unknown };

const misspelt = "signals { vip: bool }\nwhen vpi then route to senior within 1h\notherwise answer\n";

function modelOf(source: string): ContractModel {
  const { model, diagnostics } = check(source);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return model!;
}

describe("check", () => {
  it("reports an error with its code and what it underlines, and gives no model", () => {
    const { model, diagnostics } = check(misspelt, { fileName: "desk.handoff" });
    expect(model).toBeNull();
    const d = diagnostics.find((x) => x.code === "unknown-signal")!;
    expect(d.severity).toBe(catalog["unknown-signal"].severity);
    expect(misspelt.slice(d.span.startOffset, d.span.endOffset)).toBe("vpi");
    expect([d.span.startLine, d.span.startColumn]).toEqual([2, 6]);
  });

  it("gives only the published fields", () => {
    expect(Object.keys(check(misspelt)).sort()).toEqual(["diagnostics", "model"]);
    expect(Object.keys(check(support)).sort()).toEqual(["diagnostics", "model"]);
  });

  it("refuses what is not a string with a TypeError", () => {
    expect(() => check(undefined as unknown as string)).toThrow(TypeError);
  });
});

describe("compile and decide", async () => {
  const compiled = await compile(support, { fileName: "examples/support.handoff" });
  const module = await loadGenerated(compiled.output!);
  const model = compiled.model!;

  it("compiles the support example into a module", () => {
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(compiled.output).toContain("export function decide(");
    expect(Object.keys(compiled).sort()).toEqual(["diagnostics", "model", "output"]);
  });

  it("gives no output for a contract with an error", async () => {
    const broken = await compile(misspelt);
    expect([broken.model, broken.output]).toEqual([null, null]);
    expect(broken.diagnostics).toEqual(check(misspelt).diagnostics);
  });

  it("decides examples/support.input.json as the generated module does", () => {
    const decision = decide(model, input.signals, input.context);
    expect(decision).toEqual(module.decide(input.signals, input.context));
    expect(decision.brief).not.toBeNull();
  });

  it("decides invalid signals, and validates, as the generated module does", () => {
    const bad = { ...input.signals, tier: "platinum", sentiment: 7 };
    expect(decide(model, bad, input.context)).toEqual(module.decide(bad, input.context));
    expect(decide(model, bad).rule).toBe("invalid-input");
    expect(validate(model, bad)).toEqual(module.validate(bad));
    expect(validate(model, input.signals)).toEqual(module.validate(input.signals));
    expect(decide(model, null).rule).toBe("invalid-input");
  });

  it("says what the module's `contract` constant says", () => {
    expect(contractOf(model)).toEqual(module.contract);
    expect(Object.isFrozen(contractOf(model))).toBe(true);
  });

  it("logs a decision with contractOf, pii redacted, as docs/api.md shows", () => {
    const log = createDecisionLogger({ contract: contractOf(model), clock: () => Date.UTC(2026, 11, 3) });
    const context = { collected: { email: "maria@example.com", accountNumber: "AC-1" } };
    const line = JSON.parse(log.decision({ conversationId: "c-1", turn: 1, signals: input.signals, context, decision: decide(model, input.signals, context) }));
    expect(line.contract).toEqual({ name: module.contract.name, version: module.contract.version, hash: module.contract.hash });
    expect(line.context.collected).toEqual({ email: "[redacted]", accountNumber: "AC-1" });
  });

  it("keeps the promise of docs/api.md's first example", () => {
    const signals = { sentiment: -0.8, repeatContact: true, contactCount: 3, tier: "pro", topic: "technical", language: "en", waiting: 600 };
    const decision = decide(model, signals, { now: new Date().toISOString(), collected: { accountNumber: "88-301" } });
    expect([decision.action, decision.owner]).toEqual(["escalate", "senior"]);
  });
});

describe("format", () => {
  it("lays out a messy contract canonically, and that layout is stable", () => {
    const result = format("signals {   vip: bool }\n\n\nwhen   vip then route to senior within 1h\notherwise    answer");
    expect(result).toEqual({ ok: true, text: "signals {\n  vip: bool\n}\n\nwhen vip then route to senior within 1h\notherwise answer\n" });
    expect(format(result.ok ? result.text : "")).toEqual(result);
  });

  it("refuses a contract with a syntax error, with diagnostics", () => {
    const result = format("signals { vip: bool\nwhen vip then");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics.map((d) => d.code)).toContain("syntax");
  });
});

describe("renderDiagnostic and renderSummary", () => {
  it("print exactly what `handoff check` prints", async () => {
    const dir = tempDir({ "desk.handoff": misspelt });
    const run = await cli(dir, ["check", "--info", "desk.handoff"]);
    const { diagnostics } = check(misspelt, { fileName: "desk.handoff" });
    const expected = diagnostics.map((d) => renderDiagnostic("desk.handoff", misspelt, d) + "\n").join("") + `desk.handoff: ${renderSummary(diagnostics)}\n`;
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(expected);
    expect(renderDiagnostic("desk.handoff", misspelt, diagnostics[0]!)).toMatch(/^desk\.handoff:2:6 error unknown-signal: /);
    expect(renderSummary([])).toBe("no problems");
  });
});

describe("the surface", () => {
  // What api/index.ts exports, values and types apart, read from its export declarations.
  const index = ts.createSourceFile("api/index.ts", read("api/index.ts"), ts.ScriptTarget.Latest);
  const exported = { values: [] as string[], types: [] as string[] };
  for (const s of index.statements) {
    if (!ts.isExportDeclaration(s)) continue;
    if (!s.exportClause || !ts.isNamedExports(s.exportClause)) throw new Error("api/index.ts must name what it exports (no export *)");
    for (const e of s.exportClause.elements) (s.isTypeOnly || e.isTypeOnly ? exported.types : exported.values).push(e.name.text);
  }

  // What docs/api.md documents: a `### \`name…\`` heading per value under "Functions", a table row per type under "Types".
  const doc = read("docs/api.md");
  const section = (title: string) => {
    const start = doc.indexOf(`\n## ${title}\n`);
    expect(start, `docs/api.md has a "## ${title}" section`).toBeGreaterThan(0);
    const end = doc.indexOf("\n## ", start + 1);
    return doc.slice(start, end === -1 ? undefined : end);
  };
  const documented = {
    values: [...section("Functions").matchAll(/^### `(\w+)/gm)].map((m) => m[1]!),
    types: [...section("Types").matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]!),
  };

  it("exports exactly the values docs/api.md documents", () => {
    expect([...exported.values].sort()).toEqual([...documented.values].sort());
  });

  it("exports exactly the types docs/api.md documents", () => {
    expect([...exported.types].sort()).toEqual([...documented.types].sort());
  });

  it("names each at most once in the doc", () => {
    for (const names of [documented.values, documented.types]) expect(new Set(names).size).toBe(names.length);
  });
});
