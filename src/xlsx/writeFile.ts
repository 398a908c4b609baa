/** Node only (CLI): writes SheetSpec[] to an .xlsx file, making its folder if needed. Keep fs out of writeXlsx.ts. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { SheetSpec } from "../sheets/spec";
import { toXlsxBytes, type XlsxOptions } from "./writeXlsx";

export async function writeXlsxFile(
  path: string,
  specs: SheetSpec[],
  options?: XlsxOptions
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, await toXlsxBytes(specs, options));
}
