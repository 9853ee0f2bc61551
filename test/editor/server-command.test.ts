// Which `handoff` the extension starts: the setting, then the workspace's node_modules/.bin, then PATH.
import { describe, expect, it } from "vitest";
import { findServer, type ServerLookup } from "../../editor/vscode/src/server-command.ts";

function lookup(files: string[], overrides: Partial<ServerLookup> = {}): ServerLookup {
  const existing = new Set(files);
  return {
    configured: "",
    workspaceFolders: ["/work/app"],
    pathEnv: "/usr/local/bin:/usr/bin",
    platform: "linux",
    isFile: (path) => existing.has(path),
    ...overrides,
  };
}

describe("findServer", () => {
  it("prefers the workspace's node_modules/.bin/handoff over one on the PATH, and runs `handoff lsp`", () => {
    const found = findServer(lookup(["/work/app/node_modules/.bin/handoff", "/usr/bin/handoff"]));
    expect(found).toEqual({ command: "/work/app/node_modules/.bin/handoff", args: ["lsp"], shell: false, source: "workspace" });
  });

  it("looks in every workspace folder, in order", () => {
    const found = findServer(lookup(["/work/api/node_modules/.bin/handoff"], { workspaceFolders: ["/work/app", "/work/api"] }));
    expect(found).toMatchObject({ command: "/work/api/node_modules/.bin/handoff", source: "workspace" });
  });

  it("falls back to the first `handoff` on the PATH", () => {
    expect(findServer(lookup(["/usr/bin/handoff", "/opt/handoff"]))).toMatchObject({ command: "/usr/bin/handoff", source: "path" });
  });

  it("without workspace folders (an untrusted workspace) uses only the PATH", () => {
    const found = findServer(lookup(["/work/app/node_modules/.bin/handoff", "/usr/bin/handoff"], { workspaceFolders: [] }));
    expect(found).toMatchObject({ command: "/usr/bin/handoff", source: "path" });
  });

  it("uses the setting before anything else: absolute, relative to the first folder, or a name on the PATH", () => {
    const files = ["/opt/handoff/bin/handoff", "/work/app/tools/handoff", "/usr/bin/handoff-dev", "/work/app/node_modules/.bin/handoff"];
    expect(findServer(lookup(files, { configured: "/opt/handoff/bin/handoff" }))).toMatchObject({
      command: "/opt/handoff/bin/handoff",
      source: "setting",
    });
    expect(findServer(lookup(files, { configured: "tools/handoff" }))).toMatchObject({ command: "/work/app/tools/handoff" });
    expect(findServer(lookup(files, { configured: " handoff-dev " }))).toMatchObject({ command: "/usr/bin/handoff-dev" });
  });

  it("says which setting is wrong when it names nothing", () => {
    expect(findServer(lookup(["/usr/bin/handoff"], { configured: "./bin/handoff" }))).toEqual({
      error: "The setting handoff.server.path points to `/work/app/bin/handoff`, which does not exist.",
    });
    expect(findServer(lookup(["/usr/bin/handoff"], { configured: "handoff-dev" }))).toEqual({
      error: "The setting handoff.server.path names `handoff-dev`, which is not on the PATH.",
    });
  });

  it("says how to fix it when there is no handoff anywhere", () => {
    const found = findServer(lookup([]));
    expect(found).toHaveProperty("error");
    expect((found as { error: string }).error).toMatch(/node_modules\/\.bin\/handoff.*PATH.*handoff\.server\.path/);
  });

  it("on Windows runs the npm .cmd shim through a shell, quoted, and splits PATH on `;`", () => {
    const windows = { platform: "win32" as const, workspaceFolders: ["C:\\My Work\\app"], pathEnv: "C:\\Tools;C:\\Windows" };
    expect(findServer(lookup(["C:\\My Work\\app\\node_modules\\.bin\\handoff.cmd"], windows))).toEqual({
      command: '"C:\\My Work\\app\\node_modules\\.bin\\handoff.cmd"',
      args: ["lsp"],
      shell: true,
      source: "workspace",
    });
    expect(findServer(lookup(["C:\\Tools\\handoff.exe"], windows))).toMatchObject({ command: "C:\\Tools\\handoff.exe", shell: false });
  });
});
