/** The JSON Schema (draft 2020-12) values the schema generators build: plain JSON, in a fixed key order. */
export type JsonSchema = { readonly [keyword: string]: unknown };

export const DRAFT = "https://json-schema.org/draft/2020-12/schema";

/** The keyword marking a `pii` signal or field (an annotation: validators ignore it). */
export const PII_KEYWORD = "x-handoff-pii";

/** `{ type: "object", properties, required }`, `required` left out when empty. */
export function objectSchema(properties: Readonly<Record<string, JsonSchema>>, required: readonly string[], extra: JsonSchema = {}): JsonSchema {
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}), ...extra };
}

export const stringSchema: JsonSchema = { type: "string" };
export const nullableString: JsonSchema = { type: ["string", "null"] };
export const stringArray: JsonSchema = { type: "array", items: stringSchema };
/** Any JSON value. */
export const anyJson: JsonSchema = {};

/** An array of strings, each one of `values`. */
export function enumArray(values: readonly string[]): JsonSchema {
  return { type: "array", items: { enum: values } };
}
