/** kap initiatives --propose with nothing to propose says why in the file's own terms. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), "kap-propose-"));

test("with no Initiatives table, no plan proposing any is not blamed on the table having them all", async () => {
  // two accounts, one product, no categories: the plans have no cross-sell or win-back to propose
  const orders = join(dir, "orders.csv");
  writeFileSync(
    orders,
    "Customer ID,Order Date,SKU,Qty,Revenue\nA1,2026-10-01,X,1,10\nB2,2026-10-02,X,2,20\n"
  );
  const written: string[] = [];
  const spy = jest
    .spyOn(process.stdout, "write")
    .mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  try {
    expect(
      await run(["initiatives", orders, "--propose", "--out", join(dir, "p.xlsx"), "--quiet"])
    ).toBe(0);
  } finally {
    spy.mockRestore();
  }
  expect(written.join("")).toBe(
    "No initiatives to propose: the account plans propose none, and there is no Initiatives table.\n"
  );
});
