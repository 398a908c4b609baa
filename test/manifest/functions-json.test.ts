/**
 * The metadata Excel reads for the KAP.* functions (functions.json, generated from the JSDoc
 * in src/functions/functions.ts) and the bundle that registers them (functions.js), both from
 * a fresh production build.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { runInContext, runInNewContext } from "vm";
import { buildProduction } from "./xml";
import { ymdToSerial } from "../../src/domain/dates";

interface Param {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
  type?: string;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result?: { dimensionality?: string };
}

const FACTOR_ARGS = [
  "daysSinceLastOrder",
  "frequencyChange",
  "revenueChange",
  "categories",
  "engagement",
  "paymentDays",
];

/** name → [required params, optional params], in order. */
const EXPECTED: Record<string, [string[], string[]]> = {
  HEALTH: [FACTOR_ARGS, ["weights"]],
  HEALTHFACTORS: [FACTOR_ARGS, ["weights"]],
  BAND: [["score"], []],
  QUADRANT: [
    ["engagement", "potential"],
    ["engagementCut", "potentialCut"],
  ],
  FIVEP: [["power", "perception", "priority", "promoter", "pliability"], ["weight"]],
  WINBACK: [["daysSinceLastOrder"], ["lost"]],
  DISCOUNT: [["orderValue"], ["tiers"]],
  SEASONALITY: [
    ["orderDates", "revenue"],
    ["asOf", "dataStart"],
  ],
  REORDERDAYS: [["orderDates"], ["products"]],
  PALIVE: [["frequency", "recency", "T", "params"], []],
  CLV: [
    ["frequency", "recency", "T", "meanValue", "params"],
    ["horizonMonths", "discountRate"],
  ],
  METRICS: [
    ["accountIds", "orderAccounts", "orderDates", "orderIds", "revenue", "categories"],
    ["asOf", "quantity", "withHeader", "products", "rolledInto"],
  ],
  ACCOUNTHEALTH: [
    ["accountIds", "orderAccounts", "orderDates", "orderIds", "revenue", "categories"],
    ["engagement", "payment", "asOf", "weights", "quantity", "products", "rolledInto"],
  ],
  ENGAGEMENT: [["contactDates", "directions", "respondedOn"], ["asOf"]],
  PAYMENT: [["dueDatesOrDaysLate"], ["paidDates", "amounts", "asOf"]],
};

let dir = "";
let cleanup = () => {};
let functions: FunctionMeta[] = [];
let meta: { allowErrorForDataTypeAny?: boolean; allowCustomDataForDataTypeAny?: boolean } = {};

beforeAll(() => {
  ({ dir, cleanup } = buildProduction());
  meta = JSON.parse(readFileSync(join(dir, "functions.json"), "utf8")) as typeof meta & {
    functions: FunctionMeta[];
  };
  functions = (meta as { functions: FunctionMeta[] }).functions;
}, 300_000);
afterAll(() => cleanup());

describe("functions.json", () => {
  it("lists exactly the KAP functions", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of functions) expect(f.name).toBe(f.id);
  });

  it.each(Object.entries(EXPECTED))(
    "%s has its parameters in order, the optional ones marked",
    (id, [required, optional]) => {
      const f = functions.find((x) => x.id === id);
      if (!f) throw new Error(`${id} missing`);
      expect(f.parameters.map((p) => p.name)).toEqual([...required, ...optional]);
      expect(f.parameters.map((p) => p.optional === true)).toEqual([
        ...required.map(() => false),
        ...optional.map(() => true),
      ]);
    }
  );

  it("every function and parameter explains itself in the tooltip", () => {
    for (const f of functions) {
      expect(f.description ?? "").not.toBe("");
      for (const p of f.parameters)
        expect(`${f.id}.${p.name}: ${p.description ?? ""}`).toMatch(/: \S/);
    }
  });

  it("lets Excel errors and data types reach the functions (so an error in one row stays in that row)", () => {
    // custom-functions-errors.md: "To process inputs that contain errors, a custom function must have
    // the JSON metadata property allowErrorForDataTypeAny set to true" — a top-level property
    // (custom-functions-json.md) that the generator does not write; webpack.config.js adds it.
    expect(meta.allowErrorForDataTypeAny).toBe(true);
    expect(meta.allowCustomDataForDataTypeAny).toBe(true);
  });

  it("where Excel desktop cannot tell a blank cell from 0, the tooltip says so and what to write instead", () => {
    const describe = (id: string) => functions.find((f) => f.id === id)?.description ?? "";
    for (const id of ["HEALTH", "HEALTHFACTORS"]) {
      expect(describe(id)).toMatch(/desktop passes an empty cell as 0/);
      expect(describe(id)).toMatch(/write "n\/a"/);
    }
    expect(describe("WINBACK")).toMatch(/0 days both give a blank, 0 typed as a number or as text/);
    expect(describe("BAND")).toMatch(
      /A blank cell and 0, typed as a number or as text, give a blank/
    );
    expect(describe("DISCOUNT")).toMatch(
      /A blank order value and 0, typed as a number or as text, give a blank/
    );
    expect(describe("QUADRANT")).toMatch(
      /blank potential is a blank row on the 1–5 scale and £0 for money/
    );
    expect(describe("QUADRANT")).toMatch(
      /a blank engagement and 0, typed as a number or as text, give a blank row/
    );
    for (const id of ["HEALTH", "HEALTHFACTORS", "ACCOUNTHEALTH"])
      expect(
        functions.find((f) => f.id === id)?.parameters.find((p) => p.name === "weights")
          ?.description
      ).toMatch(/blank cells after the sixth are spare and ignored/);
    for (const id of ["PALIVE", "CLV"])
      expect(
        functions.find((f) => f.id === id)?.parameters.find((p) => p.name === "params")?.description
      ).toMatch(/blank cells after them are spare and ignored/);
    expect(describe("FIVEP")).toMatch(
      /all five Ps blank or 0, typed as a number or as text, is blank/
    );
  });

  it("the order change is over the 3 months to the as-of date, not a calendar quarter (the QBR's FY2026 Q3 is one)", () => {
    const param = (id: string, name: string) =>
      functions.find((f) => f.id === id)?.parameters.find((p) => p.name === name)?.description ??
      "";
    for (const id of ["HEALTH", "HEALTHFACTORS"])
      expect(param(id, "frequencyChange")).toMatch(/the last 3 months vs the 3 months before/);
    expect(functions.find((f) => f.id === "METRICS")?.description).toMatch(
      /orders in the last 3 months, orders in the 3 months before \(to the as-of date, not calendar quarters\)/
    );
  });

  it("every parameter takes a cell or a range (matrix of any), and results spill (matrix)", () => {
    for (const f of functions) {
      for (const p of f.parameters)
        expect([f.id, p.name, p.dimensionality, p.type]).toEqual([f.id, p.name, "matrix", "any"]);
      expect(f.result?.dimensionality).toBe("matrix");
    }
  });
});

describe("functions.js", () => {
  class RuntimeError {
    constructor(
      public code: string,
      public message?: string
    ) {}
  }

  /**
   * Runs the bundle with a stand-in CustomFunctions runtime and collects what it associates.
   * `withPage`: a stand-in page whose <script> elements run the chunk files beside functions.js,
   * as the functions' page in Excel loads the chunks the bundle asks for.
   */
  function load(withPage = false): Map<string, (...args: unknown[]) => unknown> {
    const associated = new Map<string, (...args: unknown[]) => unknown>();
    const CustomFunctions = {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
      Error: RuntimeError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    };
    const code = readFileSync(join(dir, "functions.js"), "utf8");
    const context: Record<string, unknown> = {
      CustomFunctions,
      console,
      self: {},
      window: undefined,
    };
    if (withPage) {
      type Script = { src: string; onload?: (e: unknown) => void; setAttribute(): void };
      Object.assign(context, {
        setTimeout,
        clearTimeout,
        document: {
          getElementsByTagName: () => [],
          createElement: (): Script => ({ src: "", setAttribute() {} }),
          head: {
            appendChild(script: Script) {
              // the chunk runs in the page, then the element's load event
              runInContext(readFileSync(join(dir, script.src), "utf8"), context);
              setTimeout(() => script.onload?.({ type: "load", target: script }));
            },
          },
        },
      });
    }
    runInNewContext(code, context);
    return associated;
  }

  it("associates each id with its function", () => {
    const fns = load();
    expect([...fns.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("the associated functions compute (one example each for a few)", () => {
    const fns = load();
    const call = (id: string, ...args: unknown[]) =>
      (fns.get(id) as (...a: unknown[]) => unknown)(...args);
    // every factor at its best: 3 days, +25%, +20%, 6 categories, engagement 5, 2 days early → 5.00
    expect(call("HEALTH", [[3]], [[0.25]], [[0.2]], [[6]], [[5]], [[-2]], null)).toEqual([[5]]);
    expect(call("BAND", [[3.995]])).toEqual([["Healthy"]]); // 4.00 after rounding
    expect(call("DISCOUNT", [[500]], null)).toEqual([[0.05]]);
    expect(call("WINBACK", [[45]])).toEqual([["Stage 2 – Active concern"]]);
    expect(call("FIVEP", [[4]], [[3]], [[5]], [[2]], [[1]], [[3]])).toEqual([[45]]); // (4+3+5+2+1)·3
    // 1 / (1 + 0.793/3.426 × (43.274/34.844)^2.243) = 0.72657 (CDNOW's published BG/NBD parameters)
    expect(
      (
        call("PALIVE", [[2]], [[30.43]], [[38.86]], [[0.243, 4.414, 0.793, 2.426]]) as number[][]
      )[0][0]
    ).toBeCloseTo(0.72657, 4);
  });

  it("KAP.METRICS and KAP.ACCOUNTHEALTH fetch their chunk as the functions start, and answer", async () => {
    const fns = load(true);
    const call = (id: string, ...args: unknown[]) =>
      (fns.get(id) as (...a: unknown[]) => unknown)(...args);
    // A: £100 on 1 Oct and £50 on 31 Oct 2026, as of 31 Oct: 0 days since its last order, £150 in
    // the last 12 months (RULES.md §2, by hand)
    const orders = [
      [["A"], ["A"]],
      [[ymdToSerial(2026, 10, 1)], [ymdToSerial(2026, 10, 31)]],
      [["I1"], ["I2"]],
      [[100], [50]],
      [["Tools"], ["Tools"]],
    ];
    const asOf = [[ymdToSerial(2026, 10, 31)]];
    const metrics = (await call("METRICS", [["A"]], ...orders, asOf)) as unknown[][];
    expect(metrics[0][0]).toBe(0);
    expect(metrics[0][4]).toBe(150);
    const score = (await call(
      "ACCOUNTHEALTH",
      [["A"]],
      ...orders,
      null,
      null,
      asOf
    )) as unknown[][];
    expect(typeof score[0][0]).toBe("number");
  });

  it("errors use the runtime’s CustomFunctions.Error with a message", () => {
    const fns = load();
    const out = (fns.get("BAND") as (...a: unknown[]) => unknown[][])([["abc"]]);
    expect(out[0][0]).toBeInstanceOf(RuntimeError);
    expect(out[0][0]).toEqual(
      expect.objectContaining({ code: "#VALUE!", message: expect.stringMatching(/score/) })
    );
  });
});
