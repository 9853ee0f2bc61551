/**
 * Reads a .vsix (a zip archive) without dependencies: the names in its central directory, and the
 * text of one entry. Enough for tests; no zip64, no encryption.
 */
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeader: number;
}

function entries(zip: Buffer): Entry[] {
  // The end-of-central-directory record is the last 22 bytes, unless a comment follows it.
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip archive");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const result: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error("corrupt central directory");
    const nameLength = zip.readUInt16LE(at + 28);
    result.push({
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localHeader: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return result;
}

/** The names of the files in the archive at `path`. */
export function zipNames(path: string): string[] {
  return entries(readFileSync(path)).map((e) => e.name);
}

/** The text of the entry `name` of the archive at `path`. */
export function zipText(path: string, name: string): string {
  const zip = readFileSync(path);
  const entry = entries(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`${name} is not in ${path}`);
  const h = entry.localHeader;
  const start = h + 30 + zip.readUInt16LE(h + 26) + zip.readUInt16LE(h + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  return (entry.method === 8 ? inflateRawSync(data) : data).toString("utf8");
}
