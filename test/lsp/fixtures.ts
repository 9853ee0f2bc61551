/** Contracts and helpers shared by the language-server tests. */
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Position, TextEdit, WorkspaceEdit } from "vscode-languageserver-protocol";

export const desk = `contract "desk"
signals {
  sentiment: number in -1..1 = 0
  repeatContact: bool = false
  topic: billing | pricing | technical | medical
  tier: free | pro
}
fields {
  accountNumber: text
  preferredTime: text
}
owners {
  senior: "Senior support"
  billing: "Billing team"
}
rule angry
  when sentiment < -0.5 and repeatContact
  then escalate to senior within 2h
  collect [accountNumber]
  reason "Upset, sentiment {sentiment}"
rule medical
  when topic is medical
  then stop to senior within 1h
  say "A clinician will call you back."
when topic is billing then route to billing within 1d
rule never
  when topic is medical and tier is pro
  then escalate to senior within 1d
otherwise answer
test "angry" given sentiment = -0.9, repeatContact = true expect rule angry
`;

/** The position of the `nth` occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`\`${needle}\` is not in the text`);
  }
  return TextDocument.create("file:///x", "handoff", 1, text).positionAt(index + delta);
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("file:///x", "handoff", 1, text), [...edits]);
}

export function editsFor(edit: WorkspaceEdit | null | undefined, uri: string): TextEdit[] {
  return [...(edit?.changes?.[uri] ?? [])];
}

let counter = 0;
export function freshUri(name = "contract"): string {
  return `file:///tmp/handoff-lsp-test/${name}-${++counter}.handoff`;
}
