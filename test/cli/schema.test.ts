// `handoff schema` as a user calls it: the three targets, the comment as description, and its errors.
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../support/cli.ts";

const desk = `contract "desk"
signals {
  sentiment: number in -1..1      # how the customer feels, from -1 (angry) to 1 (happy)
  vip: bool = false
}
fields { email: text pii   # where to send the follow-up
}
owners { senior: "Senior support" }
rule upset when sentiment < -0.5 then escalate to senior within 2h collect [email]
otherwise answer
`;

describe("handoff schema", () => {
  it("prints the input schema by default, the decision under $defs, comments as descriptions", async () => {
    const run = await cli(tempDir({ "desk.handoff": desk }), ["schema", "desk.handoff"]);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.required).toEqual(["signals"]);
    expect(schema.$defs.signals.properties.sentiment).toEqual({
      description: "how the customer feels, from -1 (angry) to 1 (happy)",
      type: "number",
      minimum: -1,
      maximum: 1,
    });
    expect(schema.$defs.signals.required).toEqual(["sentiment"]);
    expect(schema.$defs.context.properties.collected.properties.email).toEqual({ description: "where to send the follow-up" });
    expect(schema.$defs.decision.properties.rule.enum).toEqual(["upset", "otherwise", "invalid-input"]);
  });

  it("prints the extraction schema: every signal required, null for unknown where there is a default", async () => {
    const run = await cli(tempDir({ "desk.handoff": desk }), ["schema", "desk.handoff", "--for", "extraction"]);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.required).toEqual(["sentiment", "vip"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.vip).toEqual({ type: ["boolean", "null"], description: "null when unknown" });
  });

  it("refuses an unknown target, and a contract with errors, without printing a schema", async () => {
    const dir = tempDir({ "desk.handoff": desk, "bad.handoff": desk.replace("sentiment < -0.5", "sentimnt < -0.5") });
    const unknown = await cli(dir, ["schema", "desk.handoff", "--for", "llm"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown target `llm` for --for \(expected input, decision, extraction\)/);
    const bad = await cli(dir, ["schema", "bad.handoff"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("unknown-signal");
  });
});
