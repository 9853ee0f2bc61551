// The project's own sources (compiler, CLI, runtime, tests, benchmark) type-check under its strict
// tsconfig: a type error anywhere fails the suite, not only in files a test happens to import.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";

it("the whole project type-checks", () => {
  const root = join(import.meta.dirname, "..");
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  let output = "";
  try {
    execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.json"), "--noEmit", "--pretty", "false"], { encoding: "utf8" });
  } catch (error) {
    output = (error as { stdout?: string }).stdout ?? String(error);
  }
  expect(output).toBe("");
});
