// readContext: sanitising whatever the host passes as context.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readContext, type CleanContext } from "../../runtime/prelude/index.ts";

const DEFAULTS: CleanContext = {
  nowMs: null,
  customer: null,
  issueType: null,
  collected: {},
  evidence: [],
  priorActions: [],
};

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe("readContext", () => {
  it.each([undefined, null, "ctx", 5, [], new Map(), new Date(0), () => 1, Object.create({ now: 0 })])(
    "gives all defaults for a context that is not a plain object (%#)",
    (context) => {
      expect(readContext(context)).toEqual(DEFAULTS);
    },
  );

  it("copies well-formed parts", () => {
    const context = {
      now: 0,
      customer: { id: "c-1", tags: ["vip"], score: 3.5, nested: { ok: true, none: null } },
      issueType: "refund",
      collected: { accountNumber: "42", preferredTime: null },
      evidence: ["said 'lawyer'", { turn: 3 }],
      priorActions: [{ kind: "refund-offered" }],
    };
    const clean = readContext(context);
    expect(clean).toEqual({ nowMs: 0, ...context, now: undefined });
    // Private copies: changing the host's objects afterwards changes nothing.
    context.customer.tags.push("changed");
    context.collected.accountNumber = "changed";
    context.evidence.push("changed");
    expect(clean.customer).toEqual({ id: "c-1", tags: ["vip"], score: 3.5, nested: { ok: true, none: null } });
    expect(clean.collected).toEqual({ accountNumber: "42", preferredTime: null });
    expect(clean.evidence).toHaveLength(2);
  });

  it("reads own properties only", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.issueType = "polluted";
    try {
      expect(readContext({}).issueType).toBeNull();
    } finally {
      delete proto.issueType;
    }
  });

  describe("now", () => {
    it.each([
      [0, 0],
      [1_700_000_000_000, 1_700_000_000_000],
      [-1, -1],
      [8.64e15, 8.64e15],
      [-8.64e15, -8.64e15],
      [8.64e15 + 1, null],
      [NaN, null],
      [Infinity, null],
      ["2026-11-03T10:00:00Z", Date.UTC(2026, 10, 3, 10)],
      ["2026-11-03T10:00Z", Date.UTC(2026, 10, 3, 10)],
      ["2026-11-03T10:00:00.5Z", Date.UTC(2026, 10, 3, 10, 0, 0, 500)],
      ["2026-11-03T10:00:00.123456789Z", Date.UTC(2026, 10, 3, 10, 0, 0, 123)],
      ["2026-11-03T10:00:00+02:00", Date.UTC(2026, 10, 3, 8)],
      ["2026-11-03T10:00:00-05:30", Date.UTC(2026, 10, 3, 15, 30)],
      ["2026-11-03t10:00:00z", Date.UTC(2026, 10, 3, 10)],
      ["2024-02-29T00:00:00Z", Date.UTC(2024, 1, 29)],
      ["0001-01-01T00:00:00Z", Date.UTC(2001, 0, 1) - 2000 * 365.2425 * 86400000],
      ["2026-11-03T10:00:00", null],
      ["2026-11-03", null],
      ["2026-11-03 10:00:00Z", null],
      ["2023-02-29T00:00:00Z", null],
      ["2026-13-01T00:00:00Z", null],
      ["2026-04-31T00:00:00Z", null],
      ["2026-11-03T24:00:00Z", null],
      ["2026-11-03T10:60:00Z", null],
      ["2026-11-03T10:00:60Z", null],
      ["2026-11-03T10:00:00+24:00", null],
      ["2026-11-03T10:00:00+0200", null],
      ["Tue, 03 Nov 2026 10:00:00 GMT", null],
      ["2026-11-03T10:00:00.Z", null],
      ["2026-11-03T10:00:00.1234567890Z", null],
      ["2026-11-03T10:00.5Z", null],
      ["2026-11-03T10:00:00Zjunk", null],
      ["2026-11-03T10:00:00+02:00 ", null],
      [" 2026-11-03T10:00:00Z", null],
      ["2026-11-03T10:00:0Z", null],
      ["2026-11-03T10:00:", null],
      ["2026-1-03T10:00:00Z", null],
      ["+02026-11-03T10:00:00Z", null],
      ["２０２６-11-03T10:00:00Z", null],
      ["2026-11-03T10:00:00+02", null],
      ["2026-11-03T10:00:00-00:00", Date.UTC(2026, 10, 3, 10)],
      ["9999-12-31T23:59:59.999Z", Date.UTC(9999, 11, 31, 23, 59, 59, 999)],
      ["1700000000000", null],
      ["", null],
      [new Date(0), null],
      [null, null],
    ])("%s → %s", (now, expected) => {
      expect(readContext({ now }).nowMs).toBe(expected);
    });

    it("agrees with Date.parse on random valid instants", () => {
      const pad = (n: number, width: number) => String(n).padStart(width, "0");
      fc.assert(
        fc.property(
          fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
          fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
          fc.integer({ min: 0, max: 9 }),
          fc.boolean(),
          (ms, offset, fractionDigits, withSeconds) => {
            const local = new Date(ms + offset * 60000);
            const year = local.getUTCFullYear();
            fc.pre(year >= 0 && year <= 9999);
            const seconds = withSeconds || fractionDigits > 0;
            const fraction =
              fractionDigits === 0
                ? ""
                : "." + (pad(local.getUTCMilliseconds(), 3) + "987654").slice(0, fractionDigits);
            const zone =
              offset === 0 && fractionDigits % 2 === 0
                ? "Z"
                : `${offset < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offset) / 60), 2)}:${pad(Math.abs(offset) % 60, 2)}`;
            const text =
              `${pad(year, 4)}-${pad(local.getUTCMonth() + 1, 2)}-${pad(local.getUTCDate(), 2)}T${pad(local.getUTCHours(), 2)}:${pad(local.getUTCMinutes(), 2)}` +
              (seconds ? `:${pad(local.getUTCSeconds(), 2)}${fraction}` : "") +
              zone;
            // Date.parse takes at most millisecond precision in every engine we target: compare on a cut copy.
            const cut = text.replace(/(\.\d{3})\d+/, "$1");
            expect(readContext({ now: text }).nowMs).toBe(Date.parse(cut));
          },
        ),
        { numRuns: 5000 },
      );
    });
  });

  describe("customer", () => {
    it("keeps any JSON value, and null when absent", () => {
      expect(readContext({ customer: "c-1" }).customer).toBe("c-1");
      expect(readContext({ customer: 7 }).customer).toBe(7);
      expect(readContext({ customer: [1, "a", null] }).customer).toEqual([1, "a", null]);
      expect(readContext({}).customer).toBeNull();
      expect(Object.is(readContext({ customer: -0 }).customer, 0)).toBe(true);
    });

    it.each([
      ["a function", () => 1],
      ["a symbol", Symbol("s")],
      ["a bigint", 1n],
      ["NaN", NaN],
      ["Infinity", { score: Infinity }],
      ["undefined inside", { a: undefined }],
      ["a hole", [1, , 3]],
      ["a Date", { at: new Date(0) }],
      ["a Map", new Map()],
      ["too deep", nested(17)],
    ])("is null for %s", (_, customer) => {
      expect(readContext({ customer }).customer).toBeNull();
    });

    it("allows 16 levels of nesting", () => {
      expect(readContext({ customer: nested(16) }).customer).toEqual(nested(16));
    });

    it("is null for a cycle", () => {
      const a: Record<string, unknown> = { name: "a" };
      a.self = a;
      expect(readContext({ customer: a }).customer).toBeNull();
      const list: unknown[] = [];
      list.push(list);
      expect(readContext({ customer: list }).customer).toBeNull();
    });

    it("is null past 10,000 values, including shared subtrees that blow up", () => {
      expect(readContext({ customer: new Array(10_000).fill(0) }).customer).toHaveLength(10_000);
      expect(readContext({ customer: new Array(10_001).fill(0) }).customer).toBeNull();
      let shared: unknown = { leaf: 1 };
      for (let i = 0; i < 15; i++) shared = { left: shared, right: shared };
      expect(readContext({ customer: shared }).customer).toBeNull();
    });

    it("is null when a getter or trap throws", () => {
      const getter = {
        get name(): string {
          throw new Error("boom");
        },
      };
      expect(readContext({ customer: getter }).customer).toBeNull();
      const trap = new Proxy(
        {},
        {
          ownKeys() {
            throw new Error("trap");
          },
        },
      );
      expect(readContext({ customer: trap }).customer).toBeNull();
    });
  });

  describe("collected", () => {
    it("copies a plain object's own enumerable string keys", () => {
      const source: Record<string | symbol, unknown> = { a: "1", b: { c: [1] } };
      source[Symbol("hidden")] = 1;
      Object.defineProperty(source, "hidden", { value: 1, enumerable: false });
      expect(readContext({ collected: source }).collected).toEqual({ a: "1", b: { c: [1] } });
    });

    it("keeps __proto__ and constructor as ordinary own keys", () => {
      const collected = readContext({
        collected: JSON.parse('{"__proto__": {"x": 1}, "constructor": "c", "toString": 1}'),
      }).collected;
      expect(Object.getPrototypeOf(collected)).toBe(Object.prototype);
      expect(Object.keys(collected)).toEqual(["__proto__", "constructor", "toString"]);
      expect((collected as { x?: unknown }).x).toBeUndefined();
      expect(JSON.stringify(collected)).toBe('{"__proto__":{"x":1},"constructor":"c","toString":1}');
    });

    it.each([
      ["an array", ["a"]],
      ["a string", "a"],
      ["a Map", new Map([["a", 1]])],
      ["a function inside", { a: () => 1 }],
      ["too many keys", Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`k${i}`, i]))],
    ])("is {} for %s", (_, collected) => {
      expect(readContext({ collected }).collected).toEqual({});
    });
  });

  describe("evidence and priorActions", () => {
    it("copies arrays of JSON values", () => {
      const clean = readContext({ evidence: ["a", { b: 1 }], priorActions: [[1], null] });
      expect(clean.evidence).toEqual(["a", { b: 1 }]);
      expect(clean.priorActions).toEqual([[1], null]);
    });

    it("rejects huge and sparse arrays at once, without iterating", () => {
      const huge = new Array(1e7);
      const sparse: unknown[] = [];
      sparse[2 ** 32 - 2] = 1;
      const start = performance.now();
      const clean = readContext({ evidence: huge, priorActions: sparse });
      expect(performance.now() - start).toBeLessThan(50);
      expect(clean.evidence).toEqual([]);
      expect(clean.priorActions).toEqual([]);
    });

    it("rejects Proxies that lie about their length", () => {
      const liar = new Proxy([], {
        get(target, key) {
          return key === "length" ? 1e12 : Reflect.get(target, key);
        },
      });
      expect(readContext({ evidence: liar }).evidence).toEqual([]);
    });

    it.each([
      ["an object", { 0: "a", length: 1 }],
      ["a string", "abc"],
      ["one bad item", ["ok", undefined]],
    ])("is [] for %s", (_, evidence) => {
      expect(readContext({ evidence }).evidence).toEqual([]);
    });
  });

  it("ignores only the part whose getter throws", () => {
    const context = {
      now: 1000,
      get customer(): unknown {
        throw new Error("boom");
      },
      issueType: "refund",
      get collected(): unknown {
        throw new Error("boom");
      },
      evidence: ["e"],
      priorActions: 5,
    };
    expect(readContext(context)).toEqual({
      nowMs: 1000,
      customer: null,
      issueType: "refund",
      collected: {},
      evidence: ["e"],
      priorActions: [],
    });
  });

  it("survives a Proxy context whose every trap throws", () => {
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error("trap");
        },
      },
    );
    expect(readContext(hostile)).toEqual(DEFAULTS);
    const readsThrow = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
      },
    );
    expect(readContext(readsThrow)).toEqual(DEFAULTS);
  });

  it("issueType must be a string", () => {
    expect(readContext({ issueType: 5 }).issueType).toBeNull();
    expect(readContext({ issueType: "" }).issueType).toBe("");
  });
});
