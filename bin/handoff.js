#!/usr/bin/env node
// The `handoff` command: the compiled CLI in dist/ (built by `npm run build`, which `npm install` runs
// in a clone through `prepare`, and which the package ships).
import { existsSync } from "node:fs";

if (!existsSync(new URL("../dist/cli/main.js", import.meta.url))) {
  process.stderr.write("handoff: not built yet: run `npm run build` in the handoff folder\n");
  process.exit(70);
}
// A reader that stops early (`handoff check … | head`) closes the pipe: stop quietly, as a Unix tool does.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
const { main } = await import("../dist/cli/main.js");
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString("utf8");
  },
  cwd: process.cwd(),
});
