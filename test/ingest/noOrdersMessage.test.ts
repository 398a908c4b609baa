/** "No order lines were found" is one line: headers wrapped in their cells (Alt+Enter) are shown with a space. */
import { missingMessage, noOrdersError } from "../../src/ingest/mapping";

test("headers with line breaks inside their cells do not break the message over lines", () => {
  const e = noOrdersError([
    {
      name: "Dashboard",
      headers: ["Accounts managed", "Average\nhealth score", "At Risk or\r\nCritical"],
    },
  ]);
  for (const m of [e.message, e.cliMessage]) {
    expect(m).not.toMatch(/[\r\n]/);
    expect(m).toContain(
      "Headers found — Dashboard: Accounts managed, Average health score, At Risk or Critical."
    );
  }
});

test("…and so is the message naming a missing column", () => {
  const m = missingMessage(
    {
      role: "orders",
      sheet: "Sales",
      fields: [{ field: "revenue", column: 1, header: "Net value", confidence: 1 }],
    },
    ["Customer\nname", "Net\r\nvalue"],
    "cli"
  );
  expect(m).not.toMatch(/[\r\n]/);
  expect(m).toContain("Headers found: Customer name, Net value.");
});
