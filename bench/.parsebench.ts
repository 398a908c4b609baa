// temporary: parseRow alone on rows of the 1M CSV read in process (min of N)
import { TextFileReader } from "../src/cli/textFile";
import { detectTable } from "../src/ingest/detect";
import { createOrderParser } from "../src/ingest/orders";
import type { Cell } from "../src/ingest/grid";
const rows: Cell[][] = [];
const r = new TextFileReader(process.argv[2] ?? "/tmp/big/orders-1048575.csv");
while (r.next((row) => rows.push([...row]))) {}
const detection = detectTable({ name: "Orders", values: rows.slice(0, 50) })!;
const body = rows.slice(1);
const times: number[] = [];
for (let run = 0; run < Number(process.env.RUNS ?? 7); run++) {
  const parser = createOrderParser(detection.mapping, { dateOrder: "dmy", reuseLine: true });
  let n = 0;
  let rev = 0;
  const t = process.cpuUsage();
  for (let i = 0; i < body.length; i += 4096)
    parser.push(body.slice(i, i + 4096), i + 2, (l) => {
      n++;
      rev += l.revenue;
    });
  parser.finish();
  const u = process.cpuUsage(t);
  times.push((u.user + u.system) / 1000);
  if (run === 0) console.error(n, rev.toFixed(2));
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ min: times[0], med: times[times.length >> 1] }));
