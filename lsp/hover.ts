/**
 * Hover: a signal's declaration (type, range, default, pii), an owner's display name (and its `hours`),
 * a calendar's declaration (zone, week, closed and dated days) and the owners it staffs, a field's type,
 * an enum member's enum, and for a rule a one-line summary and whether it can ever win — proven by
 * the analyses once they have run on this version: an input on which it wins, or why it cannot; on a
 * word of the language (an action, a clause, a policy, a type), what it means (word-hover.ts).
 */
import { MarkupKind, type Hover, type Position } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { ruleName, type RuleDecl, type Span } from "../grammar/ast.ts";
import { printExample } from "../diagnostics/values.ts";
import type { Analysis } from "./documents.ts";
import { declarations } from "./declarations.ts";
import { offsetsToRange, positionToOffset, spanToRange } from "./positions.ts";
import { wordAt, wordSummary } from "./word-hover.ts";
import { occurrenceAt } from "./symbol-index.ts";

export function hover(doc: TextDocument, analysis: Analysis, position: Position): Hover | null {
  const offset = positionToOffset(doc, position);
  const o = occurrenceAt(analysis.index(), offset);
  if (!o) return languageWord(doc, analysis, offset);
  const decl = declarations(analysis.ast);
  const text = (span: Span): string => oneLine(analysis.source.slice(span.startOffset, span.endOffset));
  let lines: string[];
  switch (o.kind) {
    case "signal": {
      const s = decl.signals.get(o.name);
      lines = s
        ? [code(`signal ${text(s.span)}`), s.defaultValue ? `Optional: \`${text(s.defaultValue.span)}\` when the input leaves it out.` : "Required in every input."]
        : [`\`${o.name}\` is not a declared signal.`];
      break;
    }
    case "owner": {
      const owner = decl.owners.get(o.name);
      lines = owner
        ? [code(`owner ${o.name}: ${text(owner.displayName.span)}${owner.hours ? ` hours ${owner.hours.text}` : ""}`), ...(owner.hours ? [] : ["No `hours`: always staffed."])]
        : [`\`${o.name}\` is not a declared owner.`];
      break;
    }
    case "calendar": {
      const c = decl.calendars.get(o.name);
      const staffed = [...decl.owners.values()].filter((w) => w.hours?.text === o.name).map((w) => `\`${w.name.text}\``);
      lines = c
        ? [
            code(`calendar ${text(c.span)}`),
            `Local time in \`${c.zone.value}\`; intervals are open at their opening and closed at their closing.`,
            staffed.length > 0 ? `Hours of ${staffed.join(", ")}.` : "No owner has these hours.",
          ]
        : [`\`${o.name}\` is not a declared calendar.`];
      break;
    }
    case "field": {
      const f = decl.fields.get(o.name);
      lines = f ? [code(`field ${text(f.span)}`)] : [`\`${o.name}\` is not a declared field.`];
      break;
    }
    case "member": {
      const s = o.scope === undefined ? undefined : decl.signals.get(o.scope);
      lines = s ? [code(`${o.name}`), `A member of \`${text(s.span)}\``] : [];
      break;
    }
    case "rule": {
      const rule = decl.rules.get(o.name);
      lines = rule ? [code(summary(rule, text)), canWin(analysis, rule)] : [`There is no rule \`${o.name}\`.`];
      break;
    }
  }
  if (lines.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: lines.join("\n\n") }, range: spanToRange(doc, o.span) };
}

/** `rule NAME: ACTION [to OWNER] [within D] when CONDITION`, the condition cut at 160 characters. */
function summary(rule: RuleDecl, text: (span: Span) => string): string {
  const condition = text(rule.condition.span);
  return `rule ${ruleName(rule)}: ${text(rule.action.span)} when ${condition.length > 160 ? `${condition.slice(0, 159)}…` : condition}`;
}

function canWin(analysis: Analysis, rule: RuleDecl): string {
  const full = analysis.full;
  if (!full) return "Whether it can win is being analysed.";
  const name = ruleName(rule);
  const witness = full.witnesses?.find((w) => w.rule === name);
  if (witness) return `Can win, for example on: ${printExample(witness.example)}`;
  const blocked = full.diagnostics.find(
    (d) => (d.code === "unreachable-rule" || d.code === "unsatisfiable-condition") && d.span.startOffset >= rule.span.startOffset && d.span.endOffset <= rule.span.endOffset,
  );
  if (blocked) return `Can never win: ${blocked.message}`;
  if (full.witnesses) return "Can never win.";
  return "Whether it can win is known once the contract has no errors.";
}

/** A word of the language under the cursor (`escalate`, `collect`, `most-severe`, `duration`): what it means. */
function languageWord(doc: TextDocument, analysis: Analysis, offset: number): Hover | null {
  const at = wordAt(analysis.source, offset);
  const lines = at && wordSummary(at.word);
  if (!at || !lines) return null;
  return { contents: { kind: MarkupKind.Markdown, value: lines.join("\n\n") }, range: offsetsToRange(doc, at.start, at.end) };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function code(text: string): string {
  return "```handoff\n" + text + "\n```";
}
