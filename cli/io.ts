/** File system access for the CLI: reading contracts and JSON, and writing output atomically. */
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { MAX_SOURCE_BYTES } from "../grammar/limits.ts";
import { UsageError } from "./args.ts";

/** A contract's text, or a tooLarge marker without reading the whole file. Throws UsageError when unreadable. */
export async function readSource(cwd: string, file: string): Promise<{ text: string; tooLarge: boolean }> {
  const path = resolve(cwd, file);
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UsageError(`cannot read \`${file}\`: no such file`);
  }
  if (info.isDirectory()) throw new UsageError(`cannot read \`${file}\`: it is a directory`);
  if (info.size > MAX_SOURCE_BYTES) return { text: "", tooLarge: true };
  try {
    return { text: await readFile(path, "utf8"), tooLarge: false };
  } catch (error) {
    throw new UsageError(`cannot read \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? "read error"}`);
  }
}

/** The contract's default module name: `support.handoff` → `support`. */
export function moduleBaseName(file: string): string {
  return basename(file).replace(/\.handoff$/, "");
}

/**
 * Writes `text` to `path` through a temporary file in the same directory and a rename, so a
 * failure never leaves a half-written file behind.
 */
export async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const handle = await open(temp, "w");
    try {
      await handle.writeFile(text, "utf8");
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
