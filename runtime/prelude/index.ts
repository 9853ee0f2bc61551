/**
 * What "decide" means at run time, shared by the reference interpreter and every generated module,
 * one concern a file. This file only re-exports; compiler/codegen/prelude-extract.ts reads the
 * files themselves, in the order compiler/codegen/prelude-files.ts lists.
 *
 * INVARIANT: the prelude files import only each other and use only the ECMAScript standard library
 * (no Node, DOM or Deno APIs), because the code generator copies their declarations verbatim (minus
 * `export` and the imports between them) into every generated module, which must run unchanged in
 * Node, Deno, Bun, browsers and edge runtimes and compile under `tsc --strict`. Nothing here may
 * throw, whatever it is given, except `readOwn` (whose caller turns a throw into a per-signal problem).
 */
export type {
  Action,
  Brief,
  CleanContext,
  Context,
  ContractInfo,
  Decision,
  JsonValue,
  Outcome,
  Problem,
  SignalSpec,
  Urgency,
  Validation,
} from "./types.ts";
export { readOwn } from "./own.ts";
export { COULD_NOT_READ, describeProblem, inputProblem } from "./validation.ts";
export { readContext } from "./context.ts";
export { staffDecision } from "./staffing.ts";
export type { Calendar } from "./calendar.ts";
export { isOpen } from "./calendar.ts";
export { assemble, BUILTIN_INVALID_SAY, FAIL_SAFE_PROBLEM, failSafe, formatDuration, formatValue } from "./assembly.ts";
