// Injection corpus: each payload sits in every string position of a contract. The emitted module
// parses to exactly the declarations of a harmless contract (strings aside), and every string comes
// back from decide and contract unchanged.
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../compiler/codegen/index.ts";
import { injectedModel, injectedSignalName, payloads } from "../support/injection.ts";
import { loadGenerated } from "../support/load-module.ts";

/**
 * The syntax tree as a list of node kinds, with every string literal as `string` and every property
 * name as `key` (prettier may unquote a key), other identifiers by name: what the code *is*, not what
 * its strings say.
 */
function shape(source: string): string[] {
  const file = ts.createSourceFile("m.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    const parent = node.parent;
    const isKey = parent !== undefined && (ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node;
    if (isKey) out.push("key");
    else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push("string");
    else if (ts.isIdentifier(node)) out.push(`id:${node.text}`);
    else {
      out.push(ts.SyntaxKind[node.kind]);
      ts.forEachChild(node, visit);
    }
  };
  ts.forEachChild(file, visit);
  return out;
}

function topLevel(source: string): string[] {
  const file = ts.createSourceFile("m.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  return file.statements.map((s) => `${ts.SyntaxKind[s.kind]} ${(s as { name?: ts.Identifier }).name?.text ?? ""}`);
}

/** Each comment's kind and first two characters after the opener, in order. */
function comments(source: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, source);
  const out: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) {
      out.push(`${ts.SyntaxKind[kind]} ${scanner.getTokenText().slice(0, 4)}`);
    }
  }
  return out;
}

const BANNER = "// Runtime prelude";

/** The per-contract part and the prelude part of a module. */
function split(source: string): { head: string; tail: string } {
  const at = source.indexOf(BANNER);
  return { head: source.slice(0, at), tail: source.slice(at) };
}

// Every strategy: the indexed one also carries strings in JSON tables (literals.ts `jsonTable`).
describe.each(["inline", "indexed"] as const)("injection corpus, %s strategy", (strategy) => {
  let reference: { shape: string[]; topLevel: string[]; comments: string[]; tail: string };

  beforeAll(async () => {
    const { head, tail } = split(await generate(injectedModel("harmless"), { strategy }));
    reference = { shape: shape(head), topLevel: topLevel(head), comments: comments(head), tail };
  });

  it("has at least 50 payloads", () => {
    expect(payloads.length).toBeGreaterThanOrEqual(50);
    expect(new Set(payloads).size).toBe(payloads.length);
  });

  it.each(payloads.map((p) => [JSON.stringify(p).slice(0, 60), p] as const))("%s", async (_, p) => {
    const text = await generate(injectedModel(p), { strategy });
    // Parses cleanly, to the same declarations and the same code as a harmless contract.
    // (The prelude part holds no contract text: it is byte-identical.)
    const { head, tail } = split(text);
    expect(tail).toBe(reference.tail);
    expect(topLevel(head)).toEqual(reference.topLevel);
    expect(shape(head)).toEqual(reference.shape);
    // Comments cannot be closed or ended early: the same comments as the harmless contract.
    expect(comments(head)).toEqual(reference.comments);

    const module = await loadGenerated(text); // transpiles: a syntax error would throw
    const g = globalThis as { pwned?: unknown };
    expect(g.pwned).toBeUndefined();
    expect(module.contract).toEqual({ name: p, version: p, policy: "most-severe", rules: [p, `${p}2`], hash: p, pii: { signals: [], fields: [] } });

    const named = injectedSignalName(p);
    const input: Record<string, unknown> = {};
    for (const [k, v] of [
      ["s", p],
      ["e", p],
      [named, p],
    ] as const)
      Object.defineProperty(input, k, { value: v, enumerable: true });
    const decision = module.decide(input, { now: 0 });
    expect(decision).toMatchObject({
      action: "escalate",
      rule: p,
      owner: p,
      ownerName: p,
      matched: [p, `${p}2`],
      withinSeconds: 60,
      reasons: [p + p + p, p],
      say: p + p,
      collect: [p],
      confirm: [p],
    });
    expect(decision.brief).toMatchObject({ contract: p, version: p, rule: p, riskReason: p + p + p, promisedNextStep: p + p });
    expect(Object.entries(decision.brief!.evidence.signals)).toEqual([
      ["s", p],
      [named, p],
    ]);
    expect(module.decide({ s: p, e: "other", [named]: "?" }, { now: 0 }).matched).toEqual([`${p}2`]);

    const fallback = module.decide({ s: "\u0000none", e: "other" }, { now: 0 });
    expect(fallback).toMatchObject({ rule: "otherwise", reasons: [p] });
    const invalid = module.decide(null, { now: 0 });
    expect(invalid).toMatchObject({ rule: "invalid-input", say: p, reasons: [p], owner: p, ownerName: p });
    expect(module.validate(input)).toEqual({ ok: true, signals: { s: p, e: p, [named]: p } });
  });
});
