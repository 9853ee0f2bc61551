/** Code generation: a checked `ContractModel` in, the text of a dependency-free TypeScript module out (generate.ts). */
export { generate, generateWithPlan, type GenerateOptions } from "./generate.ts";
export { choosePlan, describePlan, type Plan, type Strategy } from "./plan.ts";
