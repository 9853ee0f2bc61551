/**
 * The assertions of one `test` block's `expect`, as code over a decision `d`, and the witness tests.
 *
 * `expect ACTION [to OWNER] [within D]` checks the action, and the owner and `within` when written.
 * `expect not ACTION` and `expect at least ACTION` (a `mode` on the expectation, when the model has
 * one; a missing mode means "is") compare the action only, by severity for `at least`.
 */
import { actionNames, expectModes, isActionName, type ExpectMode } from "../../grammar/vocabulary.ts";
import { literal, num, str } from "../codegen/literals.ts";
import type { ExpectationModel, SignalValue } from "../model.ts";

/** The expectation's mode; models from before `expect not`/`expect at least` have none. */
export function modeOf(expect: ExpectationModel): ExpectMode {
  const mode = (expect as { readonly mode?: unknown }).mode;
  if (mode === undefined) return "is";
  if ((expectModes as readonly unknown[]).includes(mode)) return mode as ExpectMode;
  throw new Error(`emit-tests: unknown expectation mode ${JSON.stringify(mode)}`);
}

/** Statements asserting `expect` of decision `d` (for `input`, shown in messages). */
export function expectationStatements(expect: ExpectationModel): string {
  if (expect.kind === "rule") return `expect(d.rule, shown(input)).toBe(${str(expect.rule)});`;
  const action = str(expect.action);
  switch (modeOf(expect)) {
    case "not":
      return `expect(d.action, shown(input)).not.toBe(${action});`;
    case "at-least":
      return `expect(SEVERITY.indexOf(d.action), shown(input)).toBeGreaterThanOrEqual(${num(severityIndex(expect.action))});`;
    case "is": {
      const lines = [`expect(d.action, shown(input)).toBe(${action});`];
      if (expect.owner !== null) lines.push(`expect(d.owner, shown(input)).toBe(${str(expect.owner)});`);
      if (expect.withinSeconds !== null) lines.push(`expect(d.withinSeconds, shown(input)).toBe(${num(expect.withinSeconds)});`);
      return lines.join("\n");
    }
  }
}

/** Whether any expectation compares by severity (so the emitted file needs `SEVERITY`). */
export function needsSeverity(expects: readonly ExpectationModel[]): boolean {
  return expects.some((e) => e.kind === "action" && modeOf(e) === "at-least");
}

/**
 * The action's position in the emitted `SEVERITY` list (`actionNames`, least severe first), which is its
 * severity rank.
 */
export function severityIndex(action: string): number {
  if (!isActionName(action)) throw new Error(`emit-tests: unknown action ${JSON.stringify(action)}`);
  return actionNames.indexOf(action);
}

/** An object literal of signal values (keys and values through the safe-literal helpers). */
export function inputLiteral(values: Readonly<Record<string, SignalValue>>, keyOf: (name: string) => string): string {
  return `{ ${Object.entries(values)
    .map(([name, value]) => `${keyOf(name)}: ${literal(value)}`)
    .join(", ")} }`;
}
