export { generatePython, pythonRuntimeSource } from "./generate.ts";
export { pyLiteral, pyNumber, pyStr } from "./literals.ts";
