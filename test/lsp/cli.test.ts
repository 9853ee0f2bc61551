import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../support/cli.ts";

describe("handoff lsp", () => {
  it("is listed in the help and has its own", async () => {
    const dir = tempDir();
    expect((await cli(dir, ["--help"])).stdout).toMatch(/\n {2}lsp +run the language server/);
    const help = await cli(dir, ["lsp", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: handoff lsp [--stdio]");
  });

  it("refuses an unknown option with a usage error", async () => {
    const run = await cli(tempDir(), ["lsp", "--port", "3000"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^handoff: lsp: .*--port/);
  });
});
