// The parser everyone uses is built without Chevrotain's grammar validations (grammar/parser.ts); this
// builds it with them, so an ambiguous alternative, left recursion or a duplicate rule fails here.
import { describe, expect, it } from "vitest";
import { HandoffParser } from "../../grammar/parser.ts";

describe("the grammar", () => {
  it("passes Chevrotain's grammar validations", () => {
    // With validations on, building the parser throws on any grammar definition error.
    expect(() => new HandoffParser({ validate: true })).not.toThrow();
  });
});
