/**
 * Outcomes as module-level constants, and `reason`/`say` templates as string expressions.
 */
import type { OutcomeModel, Template } from "../model.ts";
import type { Doc } from "./syntax.ts";
import { signedNumOrNull, str, strArray, strOrNull } from "./literals.ts";
import type { Locals } from "./names.ts";
import { concatenation, objectLines } from "./syntax.ts";

/**
 * The prelude `Outcome` object literal for an outcome (as the interpreter's `outcomeIn` builds it);
 * `staff` names its staffing function in a contract with calendars (staffing.ts).
 */
export function outcomeLiteral(outcome: OutcomeModel, staff?: string): Doc {
  return objectLines([
    `rule: ${str(outcome.name)}`,
    `action: ${str(outcome.action)}`,
    `owner: ${strOrNull(outcome.owner)}`,
    `ownerName: ${strOrNull(outcome.ownerName)}`,
    `withinSeconds: ${signedNumOrNull(outcome.withinSeconds)}`,
    `urgency: ${str(outcome.urgency)}`,
    `collect: ${strArray(outcome.collect)}`,
    `confirm: ${strArray(outcome.confirm)}`,
    ...(staff === undefined ? [] : [`staff: ${staff}`]),
  ]);
}

/** A string expression rendering `template`: text parts as literals, signals through `formatValue` (durations `formatDuration`). */
export function templateExpression(template: Template, locals: Locals): Doc {
  const parts = template
    .filter((part) => part.kind === "signal" || part.value !== "")
    .map((part) => (part.kind === "text" ? str(part.value) : `${part.duration ? "formatDuration" : "formatValue"}(${locals.of(part.signal)})`));
  return parts.length === 0 ? '""' : concatenation(parts);
}

/** The template's text when it has no interpolation, else null. */
export function constantText(template: Template): string | null {
  let text = "";
  for (const part of template) {
    if (part.kind === "signal") return null;
    text += part.value;
  }
  return text;
}
