/**
 * The input `decide(signals, context)` takes, as one JSON object `{ signals, context }` (the shape of a
 * decision log line's input and of `handoff run --input`): the signals as `validate()` accepts them,
 * and the context a host passes (runtime/prelude's `Context`; `decide` ignores what it cannot use, so
 * the context never makes a decision invalid).
 */
import type { ContractModel } from "../model.ts";
import { anyJson, objectSchema, stringSchema, type JsonSchema } from "./json-schema.ts";

export function contextSchema(model: ContractModel): JsonSchema {
  return objectSchema(
    {
      now: { description: "The time of the decision: ISO-8601 with a zone, or epoch milliseconds; the clock when absent.", type: ["string", "number"] },
      customer: { ...anyJson, description: "Who the customer is, copied into the brief." },
      issueType: stringSchema,
      collected: {
        type: "object",
        description: "Facts already collected: their keys are not asked again.",
        properties: Object.fromEntries(model.fields.map((f) => [f.name, f.description === undefined ? {} : { description: f.description }])),
      },
      evidence: { type: "array", description: "Notes for the brief's evidence." },
      priorActions: { type: "array", description: "What was already done in this conversation." },
    },
    [],
    { description: "What the host knows besides the signals; every property is optional." },
  );
}
