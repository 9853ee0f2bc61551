/** Helpers for the checker's tests: parse + check a source, and look at what is underlined. */
import { check } from "../../compiler/compile.ts";
import type { DiagnosticCode } from "../../compiler/diagnostics.ts";

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

export const supportExample = `# Support desk contract
contract "support-desk"
version "2026.11"
policy most-severe

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

rule angry_repeat
  when sentiment < -0.5 and repeatContact
  then escalate to senior within 2h
  collect [accountNumber, preferredTime]
  reason "Upset customer, contact number {contactCount}"
  say "I'm bringing in a senior colleague. They will contact you within 2 hours."

rule medical
  when topic is medical
  then stop to clinician within 1h
  confirm [dateOfBirth]
  say "I can't advise on this. A clinician will call you back within the hour."

when topic in [billing, pricing] and tier is not free then route to "billing" within 1d

otherwise answer

test "angry repeat customers reach a senior"
  given sentiment = -0.9, repeatContact = true, topic = technical
  expect escalate to senior within 2h
`;
