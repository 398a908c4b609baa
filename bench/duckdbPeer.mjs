// The peer for the file-to-answer bench: DuckDB computing KAP's core per-account group-bys on
// the same CSV (last order, distinct orders in the last and previous quarter, revenue in the
// last and prior 12 months, categories in the last 12 months, the account × category pivot,
// category pair co-occurrence over accounts), every result read back into JavaScript.
// Usage: node bench/duckdbPeer.mjs <file.csv> <as-of yyyy-mm-dd>
import { DuckDBInstance } from "@duckdb/node-api";

const [file, asOf] = process.argv.slice(2);
const db = await DuckDBInstance.create(":memory:");
const c = await db.connect();
const t0 = performance.now();
await c.run(
  `CREATE TABLE o AS SELECT "Invoice Date" AS d, "Invoice No" AS inv, "Customer ID" AS acc, "Category" AS cat, "Line Total" AS rev FROM read_csv('${file.replace(/'/g, "''")}', header = true)`
);
const a = `DATE '${asOf}'`;
const queries = {
  perAccount: `SELECT acc, max(d) AS last_order,
      count(DISTINCT inv) FILTER (WHERE d > ${a} - INTERVAL 3 MONTH AND d <= ${a}) AS orders_q,
      count(DISTINCT inv) FILTER (WHERE d > ${a} - INTERVAL 6 MONTH AND d <= ${a} - INTERVAL 3 MONTH) AS orders_prev_q,
      sum(rev) FILTER (WHERE d > ${a} - INTERVAL 12 MONTH AND d <= ${a}) AS rev_12,
      sum(rev) FILTER (WHERE d > ${a} - INTERVAL 24 MONTH AND d <= ${a} - INTERVAL 12 MONTH) AS rev_prior_12,
      count(DISTINCT cat) FILTER (WHERE d > ${a} - INTERVAL 12 MONTH AND d <= ${a}) AS categories_12
    FROM o GROUP BY acc`,
  pivot: `SELECT acc, cat, sum(rev) AS rev FROM o WHERE d > ${a} - INTERVAL 12 MONTH AND d <= ${a} GROUP BY acc, cat`,
  pairs: `WITH ac AS (SELECT DISTINCT acc, cat FROM o WHERE d > ${a} - INTERVAL 12 MONTH AND d <= ${a})
    SELECT x.cat AS a, y.cat AS b, count(*) AS accounts FROM ac x JOIN ac y ON x.acc = y.acc AND x.cat < y.cat GROUP BY 1, 2`,
};
const rows = {};
for (const [k, q] of Object.entries(queries)) rows[k] = (await c.runAndReadAll(q)).getRows().length;
process.stdout.write(JSON.stringify({ rows, ms: Math.round(performance.now() - t0) }) + "\n");
