/** A small generated workbook on disk for end-to-end tests (12 accounts, 27 months to 31/10/2026). */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ymdToSerial } from "../../src/domain/dates";
import { generateSample, writeSampleWorkbook, type SampleData } from "./generate";

export const END = ymdToSerial(2026, 10, 31);

export async function smallWorkbook(
  accounts = 12,
  seed = 7
): Promise<{ path: string; dir: string; data: SampleData }> {
  const dir = mkdtempSync(join(tmpdir(), "kap-e2e-"));
  const data = generateSample({ seed, accounts, months: 27, endDate: END });
  const path = join(dir, "sample.xlsx");
  await writeSampleWorkbook(data, path);
  return { path, dir, data };
}
