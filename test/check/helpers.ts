/** Helpers for the checker's tests: parse + check a source, and look at what is underlined. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { check } from "../../compiler/compile.ts";
import type { DiagnosticCode } from "../../diagnostics/index.ts";

export interface Seen {
  readonly code: DiagnosticCode;
  readonly severity: string;
  /** The underlined source text. */
  readonly text: string;
  readonly message: string;
  readonly hint: string | undefined;
  readonly line: number;
}

export function run(source: string, fileName = "test.handoff") {
  const result = check(source, { fileName });
  const seen: Seen[] = result.diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    text: source.slice(d.span.startOffset, d.span.endOffset),
    message: d.message,
    hint: d.hint,
    line: d.span.startLine,
  }));
  return { ...result, seen };
}

/** The diagnostics of `source`, as `code: underlined text` pairs, in order. */
export function underlines(source: string): string[] {
  return run(source).seen.map((d) => `${d.code}: ${d.text}`);
}

export function only(source: string, code: DiagnosticCode): Seen[] {
  return run(source).seen.filter((d) => d.code === code);
}

/** A contract with every kind of declaration; tests append rules, tests or blocks to it. */
export const base = `
signals {
  sentiment: number in -1..1
  repeatContact: bool
  contactCount: int in 0..
  tier: free | pro | enterprise
  topic: billing | pricing | technical | medical | other
  language: text
  waiting: duration
  priorHandoffFailed: bool = false
}
fields {
  accountNumber: text
  preferredTime: text
  dateOfBirth: text
}
owners {
  senior: "Senior support"
  billing: "Billing team"
  clinician: "On-call clinician"
}
otherwise answer
`;

/** The base contract plus `rest`; errors in the base would show up in every test (there are none). */
export function withBase(rest: string): string {
  return `${base}\n${rest}\n`;
}

/** The issue's complete example (the grammar tests' fixture). */
export const supportExample = readFileSync(join(import.meta.dirname, "../grammar/fixtures/issue-example.handoff"), "utf8");
