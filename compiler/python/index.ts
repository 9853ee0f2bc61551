export { generatePython, pythonRuntimeSource } from "./generate.ts";
export { generatePythonTests, pythonTestFileName, type PythonTestsOptions } from "./emit-tests.ts";
export { pyLiteral, pyNumber, pyStr } from "./literals.ts";
export { choosePythonPlan, describePythonPlan, isPythonStrategy, pythonStrategies, type PythonPlan, type PythonStrategy } from "./plan.ts";
