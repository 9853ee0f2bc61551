/**
 * The signals alone, for an LLM's structured output (`handoff schema --for extraction`): the subset the
 * strict structured-output modes accept — `type` (with `null`), `enum`, `minimum`/`maximum`,
 * `description`, every property listed in `required`, `additionalProperties: false`; no `default`, no
 * `format`, no references. A signal with a default may be `null`: the model does not know it, and the
 * host leaves it out so the contract's default applies.
 */
import type { ContractModel, SignalModel } from "../model.ts";
import { describeSignal, valueSchema } from "./signal-schemas.ts";
import type { JsonSchema } from "./json-schema.ts";

function typeOf(signal: SignalModel): JsonSchema {
  const t = signal.type;
  const nullable = signal.defaultValue !== undefined;
  if (t.kind === "enum") return { type: nullable ? ["string", "null"] : "string", enum: nullable ? [...t.members, null] : t.members };
  const { type, ...bounds } = valueSchema(t);
  return { type: nullable ? [type, "null"] : type, ...bounds };
}

export function extractionSchema(model: ContractModel): JsonSchema {
  const properties = Object.fromEntries(
    model.signals.map((signal) => {
      const words = [describeSignal(signal), signal.defaultValue === undefined ? undefined : "null when unknown"].filter((w): w is string => w !== undefined);
      return [signal.name, { ...typeOf(signal), ...(words.length === 0 ? {} : { description: words.join("; ") }) }];
    }),
  );
  return {
    type: "object",
    properties,
    required: model.signals.map((s) => s.name),
    additionalProperties: false,
  };
}
