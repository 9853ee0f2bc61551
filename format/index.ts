/** The formatter (docs/formatting.md): `formatSource` is its one entry. */
export { formatSource, meaning, type FormatResult } from "./format-source.ts";
