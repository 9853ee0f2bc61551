/**
 * The library API (docs/api.md): what `import … from "handoff"` gives hosts and tools. Only re-exports;
 * test/api/api.test.ts holds this list equal to the one the doc names.
 */
export { check, compile, type CheckOptions, type CheckResult, type CompileOptions, type CompileResult } from "./check.ts";
export { decide, validate } from "./decide.ts";
export { contractOf, type ContractFacts } from "./contract.ts";
export { formatSource as format, type FormatResult } from "../format/index.ts";
export { renderDiagnostic, renderSummary } from "./render.ts";
export { catalog, type Diagnostic, type DiagnosticCode, type Example, type Fix, type Severity, type Span } from "../diagnostics/index.ts";
export type { ContractModel } from "../compiler/model.ts";
export type { Action, Brief, Context, Decision, JsonValue, Problem, Urgency, Validation } from "../runtime/prelude/index.ts";
