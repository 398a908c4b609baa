/**
 * The functions' bundle loads at every workbook open (shared runtime), so its size is a start-up
 * cost (README's performance table: ≤ 30 KB gzipped). The lifetime-value fit and forecast (clv.ts,
 * with @stdlib's log-gamma and hypergeometric functions) are loaded only when KAP.CLV is first
 * called, and the order book KAP.METRICS and KAP.ACCOUNTHEALTH build (src/functions/accountColumns)
 * comes in a chunk of its own: nothing the functions import at start may reach them. A sheet
 * helper once imported one predicate from clv.ts and took the bundle from 29.5 KB to 47 KB.
 */
import { build, type Metafile } from "esbuild";
import { join } from "node:path";

const ENTRY = "src/functions/functions.ts";

/** The files `entry` imports without a dynamic import(), and for each the file that first imported it. */
function staticReach(meta: Metafile, entry: string): Map<string, string | null> {
  const from = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    for (const i of meta.inputs[file]?.imports ?? []) {
      if (i.kind === "dynamic-import" || from.has(i.path)) continue;
      from.set(i.path, file);
      queue.push(i.path);
    }
  }
  return from;
}

function chain(reach: Map<string, string | null>, file: string): string {
  const path: string[] = [];
  for (let f: string | null | undefined = file; f; f = reach.get(f)) path.unshift(f);
  return path.join(" → ");
}

test("the worksheet functions start without the lifetime-value fit (KAP.CLV) and the order book (KAP.METRICS, KAP.ACCOUNTHEALTH)", async () => {
  const root = join(__dirname, "..", "..");
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    splitting: true,
    outdir: "out-unused",
    platform: "browser",
    logLevel: "silent",
  });
  const reach = staticReach(metafile, ENTRY);
  const heavy = [...reach.keys()].filter(
    (f) =>
      f === "src/domain/analysis/clv.ts" ||
      f === "src/domain/analysis/book.ts" ||
      f.includes("@stdlib/math-base-special-hyp2f1") ||
      f.includes("@stdlib/math-base-special-gammaln")
  );
  expect(heavy.map((f) => chain(reach, f))).toEqual([]);
  // and KAP.CLV still finds it, by a dynamic import
  const dynamic = Object.values(metafile.inputs).flatMap((v) =>
    v.imports.filter((i) => i.kind === "dynamic-import").map((i) => i.path)
  );
  expect(dynamic).toContain("src/domain/analysis/clv.ts");
  expect(dynamic).toContain("src/functions/accountColumns.ts");
});
