import { normaliseHeader } from "../../src/ingest/fields";

describe("normaliseHeader", () => {
  it("splits capitalised words off runs of capitals, as written by hand", () => {
    expect(normaliseHeader("XMLFile")).toBe("xml file");
    expect(normaliseHeader("OrderDate")).toBe("order date");
    expect(normaliseHeader("ABCdEFg")).toBe("ab cd e fg");
    expect(normaliseHeader("SKUCode")).toBe("sku code");
    expect(normaliseHeader("CUSTOMER ID")).toBe("customer id");
    expect(normaliseHeader("Customer_ID")).toBe("customer id");
  });

  it("reads a cell of a million capitals at once (an order id or description among the first rows; it took minutes)", () => {
    const started = Date.now();
    expect(normaliseHeader("Y".repeat(1_000_000))).toBe("y".repeat(1_000_000));
    expect(normaliseHeader("AB".repeat(500_000) + "Cd")).toBe("ab".repeat(500_000) + " cd");
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
