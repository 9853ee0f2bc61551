// Golden diagnostics: every broken contract in test/golden/diagnostics/ is checked and its rendered
// diagnostics (as `handoff check` prints them) are compared with the .diagnostics.txt beside it. The
// analyses of calendars look ahead from a fixed instant, so the files do not change with the date.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { check } from "../../compiler/compile.ts";
import { renderHuman, summary } from "../../diagnostics/render.ts";
import { expectGolden } from "./golden.ts";

const dir = join(import.meta.dirname, "diagnostics");
const cases = readdirSync(dir).filter((f) => f.endsWith(".handoff")).sort();

describe("golden diagnostics", () => {
  it.each(cases)("%s", (name) => {
    const source = readFileSync(join(dir, name), "utf8");
    const { diagnostics } = check(source, { fileName: name, now: "2026-12-03T10:00:00Z" });
    const rendered = diagnostics.map((d) => renderHuman(name, source, d)).join("\n") + `${name}: ${summary(diagnostics)}\n`;
    expectGolden(join(dir, name.replace(/\.handoff$/, ".diagnostics.txt")), rendered);
  });
});
