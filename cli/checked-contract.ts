import { check } from "../compiler/compile.ts";
import type { ContractModel } from "../compiler/model.ts";
import { hasErrors } from "../diagnostics/index.ts";
import { tooLargeDiagnostic } from "../grammar/parse.ts";
import { readSource } from "./io.ts";
import type { Io } from "./io-types.ts";
import { reportToStderr } from "./report.ts";

/**
 * The checked model of the contract `file`, for a command whose output is something other than
 * diagnostics (`run`, `explain`, `schema`), or null when it has errors: those are printed on stderr,
 * with the warnings too when `warnings` is "show" (otherwise warnings are `check`'s business).
 */
export async function checkedContract(io: Io, file: string, warnings: "show" | "hide"): Promise<ContractModel | null> {
  const { text, tooLarge } = await readSource(io.cwd, file);
  if (tooLarge) {
    reportToStderr(io, file, "", [tooLargeDiagnostic()]);
    return null;
  }
  const result = check(text, { fileName: file });
  const failed = result.model === null || hasErrors(result.diagnostics);
  if (warnings === "show") reportToStderr(io, file, text, result.diagnostics);
  else if (failed) reportToStderr(io, file, text, result.diagnostics);
  return failed ? null : result.model;
}
