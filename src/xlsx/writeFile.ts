/** Node only (CLI): writes SheetSpec[] to an .xlsx file. Keep fs out of writeXlsx.ts. */
import { writeFile } from 'node:fs/promises';
import type { SheetSpec } from '../sheets/spec';
import { toXlsxBytes, type XlsxOptions } from './writeXlsx';

export async function writeXlsxFile(path: string, specs: SheetSpec[], options?: XlsxOptions): Promise<void> {
  await writeFile(path, await toXlsxBytes(specs, options));
}
