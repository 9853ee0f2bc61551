#!/usr/bin/env node
// The `handoff` command. The CLI is written in TypeScript and run through tsx, so nothing beyond
// `npm install` is needed and the command always runs the current sources.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli/main.ts");
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
