/** Limits that keep parsing, checking and building from crashing or hanging on hostile input. */

/**
 * Sources longer than this many UTF-8 bytes get a single `too-large` diagnostic. 4 MiB holds a contract of
 * some 25,000 typical rules (routing tables reach thousands); parsing stays linear up to it.
 */
export const MAX_SOURCE_BYTES = 4 * 1_048_576;

/** Conditions nested (parentheses and `not`) deeper than this get `too-deep` before the parser runs. */
export const MAX_NESTING = 64;
