// The package as a user gets it: `npm pack`, installed into a fresh app outside the repository that has
// no TypeScript tooling, then used the documented ways — the CLI, the decision logger from a plain .mjs
// file, the Prettier plugin from .prettierrc, the language server. Anything that needs a loader, a dev
// dependency or a file missing from the tarball fails here.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.ts";
import { generatePython } from "../../compiler/python/index.ts";
import { fmt } from "../support/format.ts";
import { startClient } from "../support/lsp-client.ts";

const root = join(import.meta.dirname, "..", "..");
const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

let work: string;
let app: string;
let tarball: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "handoff-pack-"));
  // dist/ is fresh (test/support/built.ts), so packing skips the `prepare` build.
  const packed = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", work], root)) as { filename: string }[];
  tarball = join(work, packed[0]!.filename);
  app = join(work, "app");
  execFileSync("mkdir", [app]);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "host-app", private: true, type: "module" }));
  npm(["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], app);
  copyFileSync(join(root, "examples", "support.handoff"), join(app, "support.handoff"));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const handoff = (args: string[]) => execFileSync(process.execPath, [join(app, "node_modules", ".bin", "handoff"), ...args], { cwd: app, encoding: "utf8" });

describe("the packed package, installed in a fresh app", () => {
  it("holds the compiled code and the extracted prelude the code generator inlines, and no sources, tests or dev tools", () => {
    const pkg = join(app, "node_modules", "handoff");
    expect(existsSync(join(pkg, "dist", "cli", "main.js"))).toBe(true);
    expect(existsSync(join(pkg, "dist", "runtime", "log.d.ts"))).toBe(true);
    expect(existsSync(join(pkg, "dist", "prelude.json"))).toBe(true);
    expect(existsSync(join(pkg, "dist", "python", "runtime.py"))).toBe(true);
    for (const absent of ["test", "bench", "scripts", "grammar", "compiler", "cli", "lsp", "runtime"]) expect(existsSync(join(pkg, absent)), absent).toBe(false);
    // Dev dependencies stay out of a user's install; the parser and language-server libraries are bundled.
    for (const dev of ["tsx", "vitest", "fast-check", "deno", "esbuild", "typescript", "ts-morph", "chevrotain", "vscode-languageserver"]) {
      expect(existsSync(join(app, "node_modules", dev)), dev).toBe(false);
    }
  });

  it("`handoff check` and `handoff build` work on an example", async () => {
    expect(handoff(["--version"]).trim()).toBe(`handoff ${JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version}`);
    expect(handoff(["check", "support.handoff"])).toContain("support.handoff: 16 info");
    expect(handoff(["build", "support.handoff", "--out", "out"])).toMatch(/^wrote .*out\/support\.ts\n$/);
    // The module the package builds is the one the repository's sources generate, byte for byte.
    const fromSources = await compile(readFileSync(join(root, "examples", "support.handoff"), "utf8"), { fileName: "support.handoff" });
    expect(readFileSync(join(app, "out", "support.ts"), "utf8")).toBe(fromSources.output);
  });

  it("`handoff build --target python` writes the module the sources generate, and Python runs it", async () => {
    expect(handoff(["build", "support.handoff", "--target", "python", "--out", "py"])).toMatch(/^wrote .*py\/support\.py\n$/);
    const fromSources = await compile(readFileSync(join(root, "examples", "support.handoff"), "utf8"), { fileName: "support.handoff" });
    expect(readFileSync(join(app, "py", "support.py"), "utf8")).toBe(generatePython(fromSources.model!));
    const script = [
      "import json, support",
      'print(json.dumps(support.decide(json.loads(input()), {"now": "2026-12-03T10:00:00Z"})["action"]))',
    ].join("\n");
    const angry = { sentiment: -0.8, repeatContact: true, contactCount: 3, tier: "pro", topic: "technical", language: "en", waiting: 600 };
    expect(execFileSync("python3", ["-c", script], { cwd: join(app, "py"), input: JSON.stringify(angry), encoding: "utf8" }).trim()).toBe('"escalate"');
  });

  it("a plain .mjs file imports the decision logger", () => {
    writeFileSync(
      join(app, "log.mjs"),
      [
        'import { createDecisionLogger, REDACTED } from "handoff/runtime/log";',
        'const log = createDecisionLogger({ contract: { name: "c", version: "1", hash: "h", pii: { signals: [], fields: [] } } });',
        'console.log(JSON.stringify({ event: JSON.parse(log.event({ conversationId: "c1", turn: 2, event: "reopened", ts: "2026-11-24T10:00:00Z" })), REDACTED }));',
      ].join("\n"),
    );
    const out = JSON.parse(execFileSync(process.execPath, ["log.mjs"], { cwd: app, encoding: "utf8" }));
    expect(out.event).toEqual({ type: "event", ts: "2026-11-24T10:00:00.000Z", conversationId: "c1", turn: 2, event: "reopened" });
    expect(out.REDACTED).toBe("[redacted]");
  });

  it("a plain .mjs file uses the library API", () => {
    writeFileSync(
      join(app, "api.mjs"),
      [
        'import { readFileSync } from "node:fs";',
        'import { check, compile, decide, format } from "handoff";',
        'const source = readFileSync("support.handoff", "utf8");',
        'const { model, diagnostics } = check(source);',
        'const { output } = await compile(source);',
        'const decision = decide(model, { sentiment: -0.8, repeatContact: true, contactCount: 3, tier: "pro", topic: "technical", language: "en", waiting: 600 }, { now: "2026-12-03T10:00:00Z" });',
        'console.log(JSON.stringify({ diagnostics: diagnostics.length, module: output.includes("export function decide("), action: decision.action, formatted: format("signals { a: bool }\\notherwise answer").ok }));',
      ].join("\n"),
    );
    const out = JSON.parse(execFileSync(process.execPath, ["api.mjs"], { cwd: app, encoding: "utf8" }));
    expect(out).toEqual({ diagnostics: 16, module: true, action: "escalate", formatted: true });
  });

  it("its type declarations type-check a host's TypeScript, under --strict and without skipLibCheck", () => {
    writeFileSync(
      join(app, "host.ts"),
      [
        'import { check, compile, decide, type Decision, type Diagnostic } from "handoff";',
        'import { createDecisionLogger } from "handoff/runtime/log";',
        'const { model, diagnostics } = check("signals { a: bool }\\notherwise answer");',
        "const first: Diagnostic | undefined = diagnostics[0];",
        "const decision: Decision | null = model ? decide(model, { a: true }) : null;",
        "export const used = [first, decision, compile, createDecisionLogger];",
      ].join("\n"),
    );
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ["host.ts"] }),
    );
    // The app has no TypeScript of its own; the repository's compiler checks it.
    execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: app, encoding: "utf8" });
  });

  it("Prettier formats a contract with the plugin named in .prettierrc", () => {
    const messy = "signals { vip: bool }\n\n\nwhen vip then route to senior within 1h\notherwise answer";
    writeFileSync(join(app, "desk.handoff"), messy);
    writeFileSync(join(app, ".prettierrc"), JSON.stringify({ plugins: ["handoff/prettier"] }));
    execFileSync(process.execPath, [join(app, "node_modules", "prettier", "bin", "prettier.cjs"), "--write", "desk.handoff"], { cwd: app });
    expect(readFileSync(join(app, "desk.handoff"), "utf8")).toBe(fmt(messy));
  });

  it("`handoff lsp` answers initialize and publishes the full diagnostics, analyses included", async () => {
    const client = await startClient(join(app, "node_modules", "handoff", "bin", "handoff.js"), app);
    try {
      const uri = "file:///app/support.handoff";
      client.open(uri, readFileSync(join(app, "support.handoff"), "utf8"));
      // The analyses' info notes (ambiguous-owner) come only from the worker: the compiled one started.
      const diagnostics = await client.diagnostics(uri, (d) => d.some((x) => x.code === "ambiguous-owner"));
      expect(diagnostics.filter((d) => d.code === "ambiguous-owner")).toHaveLength(16);
      expect(client.stderr()).toBe("");
    } finally {
      await client.close();
    }
  });
});
