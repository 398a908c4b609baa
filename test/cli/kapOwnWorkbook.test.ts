/**
 * `kap analyze` given a workbook KAP wrote (the demo's "KAP portfolio.xlsx", a QBR workbook) said
 * "No order lines were found", listed KAP's own headers and asked to rename them; it now says
 * the file is KAP's output and to give the file with the order lines.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { explain, run } from "../../src/cli/main";

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "kap-own-"));
const orders = join(dir, "orders.csv");
writeFileSync(
  orders,
  "Customer ID,Customer,Order Date,SKU,Qty,Revenue\n" +
    "A1,Acme,2026-08-01,X,1,10\nA1,Acme,2026-09-01,X,2,20\nB2,Bolt,2026-09-15,Y,1,30\n"
);

async function message(args: string[]): Promise<string> {
  try {
    await run([...args, "--quiet"]);
  } catch (e) {
    return explain(e, args);
  }
  throw new Error(`kap ${args.join(" ")} was not refused`);
}

test.each([
  ["sheets", "KAP sheets.xlsx", ["--account", "A1"]],
  ["qbr", "QBR A1 Acme.xlsx", ["--account", "A1"]],
])("kap analyze on the workbook kap %s wrote says so", async (command, name, more) => {
  const made = join(dir, name);
  await run([command, orders, ...more, "--out", made, "--quiet"]);
  expect(await message(["analyze", made])).toBe(
    "This is a workbook KAP wrote (its analysis, not your data): run kap on the file that holds your order lines, the export or workbook it was made from."
  );
});
