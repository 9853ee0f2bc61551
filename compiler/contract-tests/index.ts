/** A contract's own `test` blocks and `monotone` properties, proven over all valid inputs (run.ts). */
export { runMonotone, runTests, type Counterexample, type TestResult } from "./run.ts";
export { decisionMeets, describeExpectation, meets } from "./expectations.ts";
