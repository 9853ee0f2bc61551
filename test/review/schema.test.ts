// The JSON Schemas in docs/schema/ describe what runtime/log.ts writes and what review reads.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import { interpret } from "../../compiler/interpret.ts";
import { CONVERSATION_EVENTS, createDecisionLogger } from "../../runtime/log.ts";
import { actionNames } from "../../grammar/vocabulary.ts";

const schema = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, "../../docs/schema", name), "utf8"));

describe("docs/schema", () => {
  const decisionSchema = schema("decision-line.schema.json");
  const eventSchema = schema("event-line.schema.json");
  const model = check(readFileSync(join(import.meta.dirname, "../../examples/support.handoff"), "utf8")).model!;
  const logger = createDecisionLogger({ contract: { name: model.name, version: model.version, hash: model.sourceHash } });

  it("are JSON Schema 2020-12 and list the events and actions review knows", () => {
    for (const s of [decisionSchema, eventSchema]) expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(eventSchema.properties.event.enum).toEqual([...CONVERSATION_EVENTS]);
    expect(decisionSchema.properties.decision.properties.action.enum).toEqual([...actionNames]);
  });

  it("require exactly the properties the logger writes, and document every one of them", () => {
    const signals = { sentiment: -0.9, repeatContact: true, contactCount: 2, tier: "pro", topic: "billing", language: "en", waiting: 600 };
    const line = JSON.parse(logger.decision({ conversationId: "c", turn: 1, signals, decision: interpret(model, signals) }));
    expect(Object.keys(line)).toEqual(decisionSchema.required);
    expect(Object.keys(decisionSchema.properties.context.properties)).toEqual(Object.keys(line.context));
    expect(Object.keys(decisionSchema.properties.decision.properties)).toEqual(expect.arrayContaining(Object.keys(line.decision)));
    const event = JSON.parse(logger.event({ conversationId: "c", turn: 2, event: "reopened" }));
    expect(Object.keys(event)).toEqual(eventSchema.required);
  });
});
