/**
 * `handoff schema FILE`: one JSON Schema document (draft 2020-12) that validates the input
 * `{ signals, context }` and holds, under `$defs`, the signals, the context and the decision
 * (`#/$defs/decision`), so a host validates what it sends and what it gets back from one file.
 * `--for decision` prints the decision's schema alone, `--for extraction` the signals for an LLM.
 */
import type { ContractModel } from "../model.ts";
import { decisionSchema } from "./decision-schema.ts";
import { extractionSchema } from "./extraction-schema.ts";
import { contextSchema } from "./input-schema.ts";
import { DRAFT, type JsonSchema } from "./json-schema.ts";
import { signalsSchema } from "./signal-schemas.ts";

export const schemaTargets = ["input", "decision", "extraction"] as const;
export type SchemaTarget = (typeof schemaTargets)[number];

export function contractSchema(model: ContractModel, target: SchemaTarget = "input"): JsonSchema {
  const title = `${model.name}${model.version === null ? "" : ` ${model.version}`}`;
  switch (target) {
    case "decision":
      return { $schema: DRAFT, title: `The decision of ${title}`, ...decisionSchema(model) };
    case "extraction":
      return { $schema: DRAFT, title: `The signals of ${title}`, ...extractionSchema(model) };
    case "input":
      return {
        $schema: DRAFT,
        title: `The input of ${title}`,
        type: "object",
        properties: { signals: { $ref: "#/$defs/signals" }, context: { $ref: "#/$defs/context" } },
        required: ["signals"],
        $defs: { signals: signalsSchema(model.signals), context: contextSchema(model), decision: decisionSchema(model) },
      };
  }
}
