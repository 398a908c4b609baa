/** A file that is only a header row says so, whatever export layout its header is recognised as. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run, UsageError } from "../../src/cli/main";

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), "kap-header-"));

test("a Xero export with its header row only is told to have no rows under the header, not 'no usable order lines. Read as Xero…'", async () => {
  const p = join(dir, "xero.csv");
  writeFileSync(
    p,
    "ContactName,InvoiceNumber,InvoiceDate,DueDate,Description,Quantity,UnitAmount,LineAmount,AccountCode,Currency,Type,Status\r\n"
  );
  await expect(run(["analyze", p, "--quiet"])).rejects.toThrow(
    new UsageError(`No order lines in ${p}: it has a header row but no rows under it.`)
  );
});

test("…while a file whose only rows were skipped (one voided Xero invoice) still says why", async () => {
  const p = join(dir, "voided.csv");
  writeFileSync(
    p,
    "ContactName,InvoiceNumber,InvoiceDate,DueDate,Description,Quantity,UnitAmount,LineAmount,AccountCode,Currency,Type,Status\r\n" +
      "Acme Ltd,INV-0001,03/09/2026,03/10/2026,Widget,2,50.00,100.00,200,GBP,Sales invoice,Voided\r\n"
  );
  await expect(run(["analyze", p, "--quiet"])).rejects.toThrow(
    /^No usable order lines in .*voided\.csv\. .*1 row was skipped: 1 cancelled, voided, refunded or draft order/
  );
});
