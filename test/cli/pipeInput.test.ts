/**
 * A pipe or a device given as the file (`kap analyze /dev/stdin < orders.csv`,
 * `kap analyze <(cat orders.csv)`) was refused as "stdin: KAP reads .xlsx and .csv files.", as if
 * its content were the wrong kind: it is asked for as a file instead.
 */
import { fileSource } from "../../src/cli/fileSource";

test("a device is asked for as a file, not refused by its extension", () => {
  expect(() => fileSource("/dev/null")).toThrow(
    "/dev/null is a pipe or a device, not a file: save the order lines to a .csv or .xlsx file and give its name."
  );
});
