import { check } from "../compiler/compile.ts";
import type { ContractModel } from "../compiler/model.ts";
import { hasErrors } from "../diagnostics/index.ts";
import { tooLargeDiagnostic } from "../grammar/parse.ts";
import { readSource } from "./io.ts";
import type { Io } from "./io-types.ts";
import { reportToStderr } from "./report.ts";

/**
 * The checked model of the contract `file`, for a command whose output is something other than
 * diagnostics, or null when it has errors. Errors are always printed on stderr; warnings `always`
 * (`run`), `with-errors` (`explain`, `schema`: they are `check`'s business otherwise) or `never` (the
 * review commands, whose contract is only a reference). Unreadable: UsageError.
 */
export async function checkedContract(io: Io, file: string, warnings: "always" | "with-errors" | "never"): Promise<ContractModel | null> {
  const { text, tooLarge } = await readSource(io.cwd, file);
  if (tooLarge) {
    reportToStderr(io, file, "", [tooLargeDiagnostic()]);
    return null;
  }
  const result = check(text, { fileName: file });
  const failed = result.model === null || hasErrors(result.diagnostics);
  const shown = warnings === "never" ? result.diagnostics.filter((d) => d.severity === "error") : warnings === "always" || failed ? result.diagnostics : [];
  reportToStderr(io, file, text, shown);
  return failed ? null : result.model;
}
