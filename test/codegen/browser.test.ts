// The generated module in a browser: the JavaScript that a TypeScript compile of it yields (types
// erased, nothing else changed) is imported as an ES module in headless Chromium, and its decisions
// must equal the reference interpreter's in Node. `.ci/run` installs Debian's chromium; on a machine
// without it this test is skipped with a note, except under CI, where a missing browser fails.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.ts";
import { interpret } from "../../compiler/interpret.ts";
import { transpile } from "../support/load-module.ts";

const browserPath = "/usr/bin/chromium";
const available = existsSync(browserPath);
if (!available && !process.env.CI) console.warn(`browser test skipped: no ${browserPath} (apt-get install chromium)`);

const examples = join(import.meta.dirname, "../../examples");
const inputs = [
  JSON.parse(readFileSync(join(examples, "clinic-intake.input.json"), "utf8")),
  { signals: { nonsense: true }, context: { now: 0 } },
  { signals: [], context: { now: "2026-11-24T08:00:00Z" } },
] as { signals: unknown; context: unknown }[];

describe.runIf(available || process.env.CI)("the generated module in a browser", () => {
  it("imports in headless Chromium and decides exactly as the interpreter does in Node", async () => {
    const source = readFileSync(join(examples, "clinic-intake.handoff"), "utf8");
    const { model, output } = await compile(source, { fileName: "clinic-intake.handoff" });
    const js = transpile(output!);
    const browser = await chromium.launch({
      executablePath: browserPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage();
      // A string, not a function: the test runner rewrites `import()` inside functions of this file.
      const script = `(async () => {
        const url = URL.createObjectURL(new Blob([${JSON.stringify(js)}], { type: "text/javascript" }));
        const module = await import(url);
        const inputs = ${JSON.stringify(inputs)};
        return JSON.stringify(inputs.map((i) => module.decide(i.signals, i.context)));
      })()`;
      const decisions = (await page.evaluate(script)) as string;
      const expected = inputs.map((i) => interpret(model!, i.signals, i.context));
      expect(JSON.parse(decisions)).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(expected.map((d) => d.rule)).toEqual([expect.not.stringMatching(/^invalid-input$/), "invalid-input", "invalid-input"]);
    } finally {
      await browser.close();
    }
  });
});
