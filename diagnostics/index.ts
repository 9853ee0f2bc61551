/** The bottom layer: source spans, the diagnostic catalog, diagnostics and their rendering. */
export * from "./catalog.ts";
export * from "./diagnostic.ts";
export * from "./render.ts";
export * from "./span.ts";
export * from "./values.ts";
