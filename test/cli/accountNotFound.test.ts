/** --account names an account by its ID: a near miss (case, spaces, the account's name) is answered with the ID to give. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run, UsageError } from "../../src/cli/main";

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), "kap-acct-"));
const orders = join(dir, "orders.csv");
writeFileSync(
  orders,
  "Customer ID,Customer,Order Date,SKU,Qty,Revenue\n" +
    "C0204,Warren Facilities,2026-10-01,X,1,10\n" +
    "C0077,Allied Manufacturing,2026-10-02,X,2,20\n" +
    "C0174,Warren Interiors Ltd,2026-10-03,X,1,30\n"
);
const out = join(dir, "q.xlsx");

const refused = async (args: string[]): Promise<string> => {
  try {
    await run([...args, "--quiet"]);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`kap ${args.join(" ")} was not refused`);
};

test.each([
  ["c0204", 'No account "c0204" in the order lines: did you mean C0204 (Warren Facilities)?'],
  [" C0204 ", 'No account " C0204 " in the order lines: did you mean C0204 (Warren Facilities)?'],
  [
    "Warren Facilities",
    'No account "Warren Facilities" in the order lines: --account takes the account ID, and Warren Facilities is C0204: give --account C0204.',
  ],
  ["C9999", 'No account "C9999" in the order lines.'],
  // part of a name: the accounts whose names hold it, with their IDs
  [
    "warren",
    'No account "warren" in the order lines: --account takes the account ID; accounts named like it: C0204 (Warren Facilities), C0174 (Warren Interiors Ltd).',
  ],
  [
    "allied",
    'No account "allied" in the order lines: --account takes the account ID; accounts named like it: C0077 (Allied Manufacturing).',
  ],
  // two letters match too much to be a hint
  ["ar", 'No account "ar" in the order lines.'],
])("kap qbr --account %p", async (id, message) => {
  expect(await refused(["qbr", orders, "--account", id, "--out", out])).toBe(message);
});

test("kap initiatives --account says the same", async () => {
  expect(await refused(["initiatives", orders, "--account", "c0077"])).toBe(
    'No account "c0077" in the order lines: did you mean C0077 (Allied Manufacturing)?'
  );
});
