// npm run build (also run by `prepare`): the package in dist/. tsc type-checks the source layers and
// writes their declarations (tsconfig.build.json); esbuild bundles the JavaScript from the entry points
// the package exposes, one file per entry plus shared chunks. The parser and language-server libraries
// are inlined (loaded as hundreds of small modules they took most of `handoff check`'s and `handoff lsp`'s
// start-up); Prettier, which the Prettier plugin and `build --emit-tests` use, stays a dependency loaded
// from node_modules by the code that needs it. The runtime prelude that generated modules inline is
// extracted once, here (with ts-morph, a development dependency), into dist/prelude.json; the Python
// runtime the Python target inlines is copied to dist/python/. Plain
// JavaScript, so it runs without a TypeScript loader. A build with type errors fails and leaves no
// dist/ behind, so a stale build is never what `handoff` runs.
import { spawnSync } from "node:child_process";
import { cpSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";

const root = join(import.meta.dirname, "..");
const out = join(root, "dist");
const next = join(root, ".dist-next");

/** What the package runs: its bin's CLI, its exports, and the two worker threads. */
export const entryPoints = ["cli/main.ts", "api/index.ts", "runtime/log.ts", "prettier/plugin.ts", "lsp/analysis-worker.ts", "review/parse-worker.ts"];

/**
 * Never bundled: prettier is loaded from node_modules at run time (package.json `dependencies`);
 * ts-morph only by the prelude extractor, which an installed package never runs (see
 * compiler/codegen/prelude.ts).
 */
export const external = ["prettier", "ts-morph"];

function fail(message) {
  rmSync(next, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  console.error(`handoff: the build failed (${message}); dist/ removed`);
  process.exit(1);
}

rmSync(next, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const types = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", next], { stdio: "inherit" });
if (types.status !== 0) fail("type errors above");
try {
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir: next,
    outbase: ".",
    entryNames: "[dir]/[name]",
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external,
    // The language-server libraries are CommonJS: inside an ES module bundle their `require`s of Node's
    // built-ins need a real `require`.
    banner: { js: 'import { createRequire as __handoffRequire } from "node:module"; const require = __handoffRequire(import.meta.url);' },
    logLevel: "warning",
  });
} catch {
  fail("esbuild errors above");
}
try {
  // The extractor, bundled on its own for this one run and removed again (it is not in the package).
  const extractor = join(next, "prelude-extract.mjs");
  await build({ absWorkingDir: root, entryPoints: ["compiler/codegen/prelude-extract.ts"], outfile: extractor, bundle: true, format: "esm", platform: "node", target: "node20", external: ["prettier", "ts-morph"], logLevel: "warning" });
  const { extractPreludeFiles } = await import(extractor);
  writeFileSync(join(next, "prelude.json"), `${JSON.stringify(await extractPreludeFiles())}\n`);
  rmSync(extractor);
} catch (error) {
  fail(`extracting the runtime prelude: ${error instanceof Error ? error.message : String(error)}`);
}
// The Python runtime the Python target inlines (compiler/python/generate.ts reads it from dist/python/).
cpSync(join(root, "runtime", "python"), join(next, "python"), { recursive: true, filter: (path) => !path.includes("__pycache__") });
rmSync(out, { recursive: true, force: true });
renameSync(next, out);
