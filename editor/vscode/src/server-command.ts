/**
 * Which `handoff` executable runs the language server. Pure (no `vscode` import) so it is tested
 * without an editor.
 *
 * Order: the `handoff.server.path` setting; else `node_modules/.bin/handoff` of the first workspace
 * folder that has one; else `handoff` on the PATH. The caller passes only trusted folders, so an
 * untrusted workspace never gets to choose the binary.
 */
import { posix, win32 } from "node:path";

export interface ServerLookup {
  /** The `handoff.server.path` setting, `""` when unset. */
  readonly configured: string;
  /** Workspace folder paths that may provide the executable (trusted ones only). */
  readonly workspaceFolders: readonly string[];
  /** The PATH environment variable. */
  readonly pathEnv: string | undefined;
  readonly platform: NodeJS.Platform;
  readonly isFile: (path: string) => boolean;
}

export interface ServerCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** Windows runs `.cmd` shims only through a shell; `command` is then quoted. */
  readonly shell: boolean;
  readonly source: "setting" | "workspace" | "path";
}

export type ServerLookupResult = ServerCommand | { readonly error: string };

const args = ["lsp"] as const;

/** Finds the executable, or says in one sentence why none was found and how to fix it. */
export function findServer(lookup: ServerLookup): ServerLookupResult {
  const windows = lookup.platform === "win32";
  const path = windows ? win32 : posix;
  const names = windows ? ["handoff.cmd", "handoff.exe", "handoff"] : ["handoff"];
  const found = (file: string, source: ServerCommand["source"]): ServerCommand => {
    const shell = windows && /\.(cmd|bat)$/i.test(file);
    return { command: shell ? `"${file}"` : file, args, shell, source };
  };
  const onPath = (candidates: readonly string[]): string | undefined => {
    for (const dir of (lookup.pathEnv ?? "").split(path.delimiter)) {
      if (dir === "") continue;
      for (const name of candidates) {
        const file = path.join(dir, name);
        if (lookup.isFile(file)) return file;
      }
    }
    return undefined;
  };

  const configured = lookup.configured.trim();
  if (configured !== "") {
    if (!configured.includes("/") && !(windows && configured.includes("\\"))) {
      const candidates = windows && !/\.\w+$/.test(configured) ? [`${configured}.cmd`, `${configured}.exe`, configured] : [configured];
      const file = onPath(candidates);
      if (file) return found(file, "setting");
      return { error: `The setting handoff.server.path names \`${configured}\`, which is not on the PATH.` };
    }
    const base = lookup.workspaceFolders[0];
    const file = path.isAbsolute(configured) || base === undefined ? configured : path.resolve(base, configured);
    if (lookup.isFile(file)) return found(file, "setting");
    return { error: `The setting handoff.server.path points to \`${file}\`, which does not exist.` };
  }

  for (const folder of lookup.workspaceFolders) {
    for (const name of names) {
      const file = path.join(folder, "node_modules", ".bin", name);
      if (lookup.isFile(file)) return found(file, "workspace");
    }
  }
  const file = onPath(names);
  if (file) return found(file, "path");
  return {
    error:
      "The handoff language server was not found: install the handoff compiler in the workspace (node_modules/.bin/handoff), put `handoff` on the PATH, or set handoff.server.path.",
  };
}
