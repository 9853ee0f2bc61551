/** Emitted property tests of a generated module (test-file.ts), and the witnesses they use (witnesses.ts). */
export { generateTests, testsText, type EmitTestsOptions } from "./test-file.ts";
export { computeWitnesses, type Witness, type WitnessResult } from "./witnesses.ts";
