/** Limits that keep parsing, checking and building from crashing or hanging on hostile input. */

/** Sources longer than this many UTF-8 bytes get a single `too-large` diagnostic. */
export const MAX_SOURCE_BYTES = 1_048_576;

/** Conditions nested (parentheses and `not`) deeper than this get `too-deep` before the parser runs. */
export const MAX_NESTING = 64;
