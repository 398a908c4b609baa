/** Node only (CLI): writes SheetSpec[] to an .xlsx file, making its folder if needed. Keep fs out of writeXlsx.ts. */
import { writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { SheetSpec } from "../sheets/spec";
import { makeFolders } from "./outPath";
import { toXlsxBytes, type XlsxOptions } from "./writeXlsx";

export async function writeXlsxFile(
  path: string,
  specs: SheetSpec[],
  options?: XlsxOptions
): Promise<void> {
  makeFolders(dirname(path));
  await writeFile(path, await toXlsxBytes(specs, options));
}
