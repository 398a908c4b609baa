/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import type { FieldChoice, FoundTable } from "../../src/engine/contract";
import { MappingEditor } from "../../src/taskpane/MappingEditor";
import "../../src/taskpane/icons";

const table = (revenue: FieldChoice): FoundTable => ({
  role: "orders",
  sheet: "Orders",
  address: "Orders!A1:F31",
  rows: 30,
  confidence: 1,
  headers: ["Order Date", "Qty", "Unit Price", "Line Total"],
  fields: [
    { field: "date", label: "Order date", required: true, header: "Order Date", confidence: 1 },
    { field: "quantity", label: "Quantity", required: false, header: "Qty", confidence: 1 },
    {
      field: "unitPrice",
      label: "Unit price",
      required: false,
      header: "Unit Price",
      confidence: 1,
    },
    revenue,
  ],
});

describe("the column mapping", () => {
  test("line revenue worked out from quantity × unit price is shown optional, saying so, and not mapping it is no error", () => {
    render(
      <MappingEditor
        table={table({
          field: "revenue",
          label: "Line revenue",
          required: false,
          optionalBecause: "worked out from quantity × unit price",
          confidence: 0,
        })}
        onChange={() => undefined}
      />
    );
    const box = screen.getByRole("combobox", {
      name: "Order lines: Line revenue (optional: worked out from quantity × unit price)",
    });
    expect(box.getAttribute("aria-required")).not.toBe("true");
    expect(screen.getByText("Optional: worked out from quantity × unit price.")).toBeTruthy();
    expect(screen.queryByText("Choose the column that holds this.")).toBeNull();
  });

  test("without units and prices it stays required: named so, and asked for when not mapped", () => {
    render(
      <MappingEditor
        table={table({ field: "revenue", label: "Line revenue", required: true, confidence: 0 })}
        onChange={() => undefined}
      />
    );
    const box = screen.getByRole("combobox", { name: "Order lines: Line revenue (required)" });
    expect(box.getAttribute("aria-required")).toBe("true");
    expect(screen.queryByText(/^Optional:/)).toBeNull();
    expect(screen.getByText("Choose the column that holds this.")).toBeTruthy();
  });
});
