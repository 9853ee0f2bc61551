/**
 * Each signal as JSON Schema: what `validate()` accepts for it. `bool` is a boolean, `text` a string,
 * an enum one of its members, `number` a number and `int` an integer within the declared range, a
 * `duration` a number of seconds >= 0. The comment after the declaration is the `description`; a
 * default is the `default`; `pii` is marked with `x-handoff-pii`.
 */
import type { SignalModel, SignalType } from "../model.ts";
import { PII_KEYWORD, type JsonSchema } from "./json-schema.ts";

/** The JSON type keywords of a signal's valid values, without annotations. */
export function valueSchema(type: SignalType): JsonSchema {
  switch (type.kind) {
    case "bool":
      return { type: "boolean" };
    case "text":
      return { type: "string" };
    case "enum":
      return { enum: type.members };
    case "duration":
      return { type: "number", minimum: 0 };
    case "number":
      return {
        type: type.integer ? "integer" : "number",
        ...(type.min === null ? {} : { minimum: type.min }),
        ...(type.max === null ? {} : { maximum: type.max }),
      };
  }
}

/** What a signal's value means, in words: the comment, then the unit or range a validator enforces. */
export function describeSignal(signal: SignalModel): string | undefined {
  const unit = signal.type.kind === "duration" ? "a duration in seconds" : undefined;
  const parts = [signal.description, unit].filter((p): p is string => p !== undefined);
  return parts.length === 0 ? undefined : parts.join("; ");
}

export function signalSchema(signal: SignalModel): JsonSchema {
  const description = describeSignal(signal);
  return {
    ...(description === undefined ? {} : { description }),
    ...valueSchema(signal.type),
    ...(signal.defaultValue === undefined ? {} : { default: signal.defaultValue }),
    ...(signal.pii ? { [PII_KEYWORD]: true } : {}),
  };
}

/** The signals object `decide` and `validate` take: declared signals typed, those without a default required. */
export function signalsSchema(signals: readonly SignalModel[]): JsonSchema {
  return {
    type: "object",
    description: "The signals decide() reads. Properties it does not declare are ignored.",
    properties: Object.fromEntries(signals.map((s) => [s.name, signalSchema(s)])),
    ...(signals.some((s) => s.defaultValue === undefined) ? { required: signals.filter((s) => s.defaultValue === undefined).map((s) => s.name) } : {}),
  };
}
