// npm run build (also run by `prepare` and `pretest`): the package's JavaScript and declarations in
// dist/, compiled by tsc from the source layers (tsconfig.build.json). Plain JavaScript, so it needs
// nothing but TypeScript. A build with type errors fails and leaves no dist/ behind, so a stale build
// is never what `handoff` runs.
import { spawnSync } from "node:child_process";
import { renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const out = join(root, "dist");
const next = join(root, ".dist-next");

rmSync(next, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", next], { stdio: "inherit" });
if (result.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  console.error("handoff: the build failed (type errors above); dist/ removed");
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
renameSync(next, out);
