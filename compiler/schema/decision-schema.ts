/**
 * The decision `decide()` returns for this contract, as JSON Schema: the shape of runtime/prelude's
 * `Decision` and `Brief` (docs/language.md, The decision object), with what the contract fixes as
 * enums: its rule names, owners, the actions its outcomes take, its fields. No other property appears.
 * A contract with `calendars` adds, to the decision and the brief, the four staffing properties
 * (runtime/prelude/staffing.ts), required.
 */
import type { ContractModel, OutcomeModel } from "../model.ts";
import { anyJson, enumArray, nullableString, objectSchema, stringArray, stringSchema, type JsonSchema } from "./json-schema.ts";

const urgencies: JsonSchema = { enum: ["low", "normal", "high", "critical"] };
const seconds: JsonSchema = { type: ["number", "null"], minimum: 0 };
/**
 * Not `format: date-time`: a `now` before year 0 or after 9999 gives an extended-year ISO 8601 string
 * (`+010000-01-01T00:00:00.000Z`), which RFC 3339 does not admit.
 */
const dateTime: JsonSchema = {
  type: ["string", "null"],
  description: "ISO 8601 in UTC, as Date.prototype.toISOString writes it; null when there is no deadline.",
};
/** The properties a contract with calendars adds to the decision and the brief. */
const staffing: Record<string, JsonSchema> = {
  deadlineLocal: {
    type: ["string", "null"],
    description: "The deadline as ISO 8601 local time with the owner's UTC offset (`+00:00` for an owner without hours); null when there is no deadline.",
  },
  businessTime: { type: "boolean", description: "Whether the deadline counts the owner's business hours (`within 4 business hours`)." },
  ownerOpen: { type: ["boolean", "null"], description: "Whether the owner's calendar is open at `now` (true for an owner without hours); null without an owner." },
  ownerOpensAt: {
    type: ["string", "null"],
    description: "When the owner is closed at `now`: its next opening, ISO 8601 local time with its offset; else null.",
  },
};
const staffingKeys = Object.keys(staffing);

const problem = objectSchema({ signal: nullableString, problem: stringSchema }, ["signal", "problem"], { additionalProperties: false });

export function decisionSchema(model: ContractModel): JsonSchema {
  const outcomes: OutcomeModel[] = [...model.rules, ...(model.otherwise ? [model.otherwise] : []), model.onInvalid];
  const rules = model.rules.map((r) => r.name);
  const decidedBy = [...rules, ...(model.otherwise ? [model.otherwise.name] : []), model.onInvalid.name];
  const actions = [...new Set(outcomes.map((o) => o.action))];
  const owners = model.owners.map((o) => o.key);
  const ownerKeys: JsonSchema = { enum: [...new Set([...owners, ...outcomes.flatMap((o) => (o.owner === null ? [] : [o.owner]))]), null] };
  const fields = model.fields.map((f) => f.name);
  const fieldList = enumArray(fields);
  const signalValues: JsonSchema = { type: "object", additionalProperties: { type: ["number", "string", "boolean"] } };
  const brief = objectSchema(
    {
      contract: { const: model.name },
      version: model.version === null ? { type: "null" } : { const: model.version },
      rule: { enum: decidedBy },
      action: { enum: actions },
      owner: ownerKeys,
      ownerName: nullableString,
      urgency: urgencies,
      deadline: dateTime,
      withinSeconds: seconds,
      riskReason: nullableString,
      reasons: stringArray,
      evidence: objectSchema({ signals: signalValues, notes: { type: "array" } }, ["signals", "notes"], { additionalProperties: false }),
      customer: anyJson,
      issueType: nullableString,
      priorActions: { type: "array" },
      promisedNextStep: nullableString,
      collected: { type: "object" },
      stillToCollect: fieldList,
      mustConfirm: fieldList,
      doNotReAsk: stringArray,
      ...(model.calendars ? staffing : {}),
    },
    [
      "contract", "version", "rule", "action", "owner", "ownerName", "urgency", "deadline", "withinSeconds", "riskReason", "reasons",
      "evidence", "customer", "issueType", "priorActions", "promisedNextStep", "collected", "stillToCollect", "mustConfirm", "doNotReAsk",
      ...(model.calendars ? staffingKeys : []),
    ],
    { additionalProperties: false, description: "What the human receives: null when the action is not a handoff." },
  );
  return objectSchema(
    {
      action: { enum: actions },
      rule: { enum: decidedBy, description: "The rule that won, `otherwise` when none held, `invalid-input` when the signals failed validation." },
      owner: ownerKeys,
      ownerName: nullableString,
      matched: enumArray(rules),
      withinSeconds: seconds,
      deadline: dateTime,
      urgency: urgencies,
      reasons: stringArray,
      say: { type: ["string", "null"], description: "What the customer is told." },
      collect: fieldList,
      confirm: fieldList,
      doNotReAsk: stringArray,
      brief: { oneOf: [{ type: "null" }, brief] },
      ...(model.calendars ? staffing : {}),
      invalid: { type: "array", items: problem, description: "Present only when `rule` is `invalid-input`: the problems found." },
    },
    [
      "action", "rule", "owner", "ownerName", "matched", "withinSeconds", "deadline", "urgency", "reasons", "say", "collect", "confirm", "doNotReAsk", "brief",
      ...(model.calendars ? staffingKeys : []),
    ],
    { additionalProperties: false },
  );
}
