// The reference must not drift from the compiler: every diagnostic code is documented with its
// catalog severity, and the complete example in the reference checks clean.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import { catalog } from "../../diagnostics/index.ts";

const reference = readFileSync(join(import.meta.dirname, "../../docs/language.md"), "utf8");

describe("docs/language.md", () => {
  it.each(Object.entries(catalog))("documents `%s` with its severity and its own section", (code, entry) => {
    expect(reference).toContain(`| \`${code}\` | ${entry.severity} |`);
    expect(reference).toContain(`### \`${code}\``);
  });

  it("documents no code the compiler lacks", () => {
    const documented = [...reference.matchAll(/^\| `([a-z-]+)` \| (?:error|warning|info) \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(catalog).sort());
  });

  it("its complete example checks without errors or warnings", () => {
    const section = reference.slice(reference.indexOf("## 2. A complete example"), reference.indexOf("## 3. Lexical structure"));
    const block = /```handoff\n([\s\S]*?)```/.exec(section)![1]!;
    expect(check(block).diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  });
});
