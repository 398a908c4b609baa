/**
 * Where `kap` writes (--out) and which options each command reads: a mistake is told in one line
 * before the file is read, never a raw system error after the analysis, never silently ignored.
 */
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cannotWrite } from "../../src/cli/main";
import { refused } from "./refused";

const dir = mkdtempSync(join(tmpdir(), "kap-out-"));
// Never read: every case below is refused before the file is opened.
const orders = join(dir, "orders.csv");
writeFileSync(orders, "Customer ID,Order Date,SKU,Qty,Revenue\nA1,2026-10-01,X,1,10\n");
const folder = join(dir, "pack");
mkdirSync(folder);
const existing = join(dir, "old.xlsx");
writeFileSync(existing, "x");

test("--out naming a folder, for one workbook, asks for a file name (was: EISDIR after the analysis)", async () => {
  expect(await refused(["qbr", orders, "--account", "A1", "--out", folder])).toBe(
    `--out "${folder}" is a folder: kap qbr writes one workbook, so give a file name, e.g. ${join(folder, "qbr.xlsx")}.`
  );
  expect(await refused(["sheets", orders, "--account", "A1", "--out", folder])).toBe(
    `--out "${folder}" is a folder: kap sheets writes one workbook, so give a file name, e.g. ${join(folder, "sheets.xlsx")}.`
  );
});

test("--out naming an existing file, for a folder of workbooks, asks for a folder (was: EEXIST)", async () => {
  expect(await refused(["qbr", orders, "--all-top", "2", "--out", existing])).toBe(
    `--out "${existing}" is a file: kap qbr --all-top writes one workbook per account into a folder, so give a folder name, e.g. qbr-pack/.`
  );
  expect(await refused(["demo", "--out", existing])).toBe(
    `--out "${existing}" is a file: kap demo writes three workbooks into a folder, so give a folder name, e.g. out/.`
  );
});

test("a workbook's --out must end .xlsx: an Excel workbook named .csv or with no extension does not open", async () => {
  expect(await refused(["sheets", orders, "--account", "A1", "--out", "s.csv"])).toBe(
    `--out "s.csv": kap writes an Excel workbook, so give a name ending .xlsx, e.g. s.xlsx.`
  );
  expect(await refused(["qbr", orders, "--account", "A1", "--out", "report"])).toBe(
    `--out "report": kap writes an Excel workbook, so give a name ending .xlsx, e.g. report.xlsx.`
  );
  expect(
    await refused(["initiatives", orders, "--propose", "--out", join(dir, "proposed.csv")])
  ).toMatch(/proposed\.csv": kap writes an Excel workbook, so give a name ending \.xlsx/);
});

test("--all-top that is not a whole number is refused before the file is read", async () => {
  // the file does not exist: a check after reading would say "no such file" instead
  expect(
    await refused(["qbr", join(dir, "missing.csv"), "--all-top", "ten", "--out", folder])
  ).toBe(
    '--all-top "ten" is not a number of accounts: give a whole number, 1 or more, e.g. --all-top 10.'
  );
});

test("a workbook that cannot be written is told in one line with what to do (was Node's 'EEXIST: file already exists, mkdir …' after the analysis)", async () => {
  // --out under a file, as if it were a folder: found only when writing, after the analysis
  const out = join(existing, "qbr.xlsx");
  expect(await refused(["sheets", orders, "--account", "A1", "--out", out, "--quiet"])).toBe(
    `Cannot write ${out}: part of its path is a file, not a folder. Give --out a path in a folder you can write to.`
  );
  // the same for the folder a QBR pack goes into
  const pack = join(existing, "pack");
  expect(await refused(["qbr", orders, "--all-top", "1", "--out", pack, "--quiet"])).toBe(
    `Cannot write ${pack}: part of its path is a file, not a folder. Give --out a path in a folder you can write to.`
  );
});

test("a workbook open in Excel (Windows locks it: EBUSY) is asked to be closed", () => {
  const busy = Object.assign(
    new Error("EBUSY: resource busy or locked, open 'C:\\\\out\\\\q.xlsx'"),
    {
      code: "EBUSY",
    }
  );
  expect(cannotWrite("C:\\out\\q.xlsx", busy).message).toBe(
    "Cannot write C:\\out\\q.xlsx: it is open in another program (Excel?). Close it there and run kap again."
  );
});

test("--out naming the file kap reads is refused before anything is written: the user's data is never replaced (was: the orders workbook overwritten by KAP's sheets)", async () => {
  // a CSV named .xlsx, as exports often are: kap reads it, and --out takes its name
  const data = join(dir, "orders copy.xlsx");
  writeFileSync(data, "Customer ID,Order Date,SKU,Qty,Revenue\nA1,2026-10-01,X,1,10\n");
  const before = readFileSync(data, "utf8");
  const hint = `Give --out another name, e.g. ${join(dir, "orders copy KAP.xlsx")}.`;
  // the same path written another way is the same file
  const again = `${folder}/../orders copy.xlsx`;
  expect(await refused(["sheets", data, "--account", "A1", "--out", again])).toBe(
    `--out "${again}" is the file kap reads: writing it would replace your data. ${hint}`
  );
  // a link to it is the same file too
  const link = join(dir, "link.xlsx");
  symlinkSync(data, link);
  expect(await refused(["qbr", data, "--account", "A1", "--out", link])).toBe(
    `--out "${link}" is the file kap reads: writing it would replace your data. ${hint}`
  );
  const hard = join(dir, "hard.xlsx");
  linkSync(data, hard);
  expect(await refused(["initiatives", hard, "--propose", "--out", hard])).toBe(
    `--out "${hard}" is the file kap reads: writing it would replace your data. Give --out another name, e.g. ${join(dir, "hard KAP.xlsx")}.`
  );
  expect(readFileSync(data, "utf8")).toBe(before);
});
