/**
 * Golden files: the expected output sits beside its input in the repository. With HANDOFF_ACCEPT=1
 * (`npm run golden:accept`) a mismatch rewrites the golden file instead of failing — read the diff
 * before committing it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

export const accepting = process.env.HANDOFF_ACCEPT === "1";

export function expectGolden(path: string, actual: string): void {
  if (accepting) {
    if (!existsSync(path) || readFileSync(path, "utf8") !== actual) writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`missing golden file ${path}: run \`npm run golden:accept\` and read it`);
  expect(actual).toBe(readFileSync(path, "utf8"));
}
