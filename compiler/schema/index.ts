/** JSON Schema for a contract's input, decision and signal extraction (contract-schema.ts). */
export { contractSchema, schemaTargets, type SchemaTarget } from "./contract-schema.ts";
export type { JsonSchema } from "./json-schema.ts";
