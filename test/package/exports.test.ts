// What an app that installs this package may import by name: the decision log runtime and the Prettier
// plugin (package.json `exports`). The app here is a temporary directory whose node_modules/handoff is
// this repository.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../support/cli.ts";
import { fmt } from "../support/format.ts";

const root = new URL("../../", import.meta.url).pathname;

function app(files: Record<string, string>): string {
  const dir = tempDir(files);
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(root, join(dir, "node_modules", "handoff"), "dir");
  return dir;
}

describe("the package's exports", () => {
  it("`handoff/runtime/log` gives a host app the decision logger", () => {
    const dir = app({
      "package.json": JSON.stringify({ type: "module", dependencies: { handoff: "*" } }),
      "app.mjs": [
        'import { createDecisionLogger, REDACTED } from "handoff/runtime/log";',
        'const log = createDecisionLogger({ contract: { name: "c", version: "1", hash: "h", pii: { signals: [], fields: [] } } });',
        'console.log(JSON.stringify({ event: JSON.parse(log.event({ conversationId: "c1", turn: 2, event: "reopened", ts: "2026-11-24T10:00:00Z" })), REDACTED }));',
      ].join("\n"),
    });
    // Plain Node, no loader: the export is compiled JavaScript.
    const out = JSON.parse(execFileSync(process.execPath, ["app.mjs"], { cwd: dir, encoding: "utf8" }));
    expect(out).toEqual({
      event: { type: "event", ts: "2026-11-24T10:00:00.000Z", conversationId: "c1", turn: 2, event: "reopened" },
      REDACTED: "[redacted]",
    });
  });

  it("`handoff/prettier` names the Prettier plugin in .prettierrc", () => {
    const messy = "signals { vip: bool }\n\n\nwhen vip then route to senior within 1h\notherwise answer";
    const dir = app({ "desk.handoff": messy, ".prettierrc": JSON.stringify({ plugins: ["handoff/prettier"] }) });
    execFileSync(process.execPath, [join(root, "node_modules", "prettier", "bin", "prettier.cjs"), "--write", "desk.handoff"], { cwd: dir });
    expect(readFileSync(join(dir, "desk.handoff"), "utf8")).toBe(fmt(messy));
  });
});
