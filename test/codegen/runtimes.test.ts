// The generated module runs unchanged outside Node: the .ts file exactly as `handoff build` writes it
// is run by Deno (which executes TypeScript itself, with no permissions), and its decisions must equal
// the reference interpreter's in Node, byte for byte once serialised.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.ts";
import { interpret } from "../../compiler/interpret.ts";

const examples = join(import.meta.dirname, "../../examples");
const denoLauncher = createRequire(import.meta.url).resolve("deno/bin.cjs");

const inputs: unknown[] = [
  JSON.parse(readFileSync(join(examples, "support.input.json"), "utf8")),
  JSON.parse(readFileSync(join(examples, "support.invalid.json"), "utf8")),
  { signals: { sentiment: 0.4, repeatContact: false, contactCount: 1, tier: "pro", topic: "technical", language: "en", waiting: 30 }, context: { now: 0 } },
  { signals: { topic: "medical", sentiment: -1, repeatContact: true, contactCount: 9, tier: "free", language: "nl", waiting: 99999 }, context: { now: "2026-01-01T00:00:00+02:00", collected: { dateOfBirth: "x" } } },
  { signals: null, context: { now: 1 } },
  { signals: { __proto__: null, constructor: "x", sentiment: Number.MAX_VALUE }, context: { now: 2 } },
];

describe("the generated module in other runtimes", () => {
  it("runs unchanged in Deno and decides exactly as the interpreter does in Node", async () => {
    const source = readFileSync(join(examples, "support.handoff"), "utf8");
    const { model, output } = await compile(source, { fileName: "support.handoff" });
    const dir = mkdtempSync(join(tmpdir(), "handoff-deno-"));
    writeFileSync(join(dir, "support.ts"), output!);
    writeFileSync(
      join(dir, "main.ts"),
      `import { decide } from "./support.ts";\nconst inputs = ${JSON.stringify(inputs)};\nconsole.log(JSON.stringify(inputs.map((i: { signals: unknown; context: unknown }) => decide(i.signals, i.context))));\n`,
    );
    const stdout = execFileSync(process.execPath, [denoLauncher, "run", "--no-config", "--no-lock", "--no-remote", "--no-npm", join(dir, "main.ts")], {
      encoding: "utf8",
      env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(dir, ".deno"), NO_COLOR: "1" },
    });
    const expected = inputs.map((i) => interpret(model!, (i as { signals: unknown }).signals, (i as { context: unknown }).context));
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.map((d) => d.action)).toEqual(["escalate", "stop", "answer", "stop", "stop", "stop"]);
  });
});
