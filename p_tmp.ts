import { readFileSync } from "node:fs";
import {
  fitBgNbd,
  fitGammaGamma,
  scoreLifetime,
  bgnbdLogLikelihood,
} from "./src/domain/analysis/clv";
import { nelderMead } from "./src/domain/nelderMead";
const sums = JSON.parse(readFileSync("/tmp/benchsums.json", "utf8"));
for (let k = 0; k < 2; k++) {
  let t = performance.now();
  const bg = fitBgNbd(sums);
  const t1 = performance.now() - t;
  t = performance.now();
  const gg = fitGammaGamma(
    sums
      .filter((s: any) => s.frequency > 0 && s.meanValue > 0)
      .map((s: any) => ({ frequency: s.frequency, meanValue: s.meanValue }))
  );
  const t2 = performance.now() - t;
  const m = {
    bgnbd: bg,
    gammaGamma: gg,
    accounts: 1,
    repeatBuyers: 1,
    reliable: true,
    warning: null,
  };
  t = performance.now();
  let c = 0;
  for (const s of sums) c += scoreLifetime(m, s).clv ?? 0;
  const t3 = performance.now() - t;
  console.log(t1.toFixed(1), t2.toFixed(1), t3.toFixed(1), JSON.stringify(bg), JSON.stringify(gg));
}
let n = 0;
const t = performance.now();
nelderMead(
  (th) => {
    n++;
    const [r, alpha, a, b] = th.map(Math.exp);
    return -bgnbdLogLikelihood({ r, alpha, a, b }, sums) / sums.length;
  },
  [0, 0, 0, 0],
  { xTolerance: 1e-6 }
);
console.log("evals", n, (performance.now() - t) / n, "ms/eval");
