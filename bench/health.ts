/** KAP.HEALTH over a 100,000-row column, as Excel would pass the six ranges. */
import { health } from '../src/functions/functions';
import { report, timeBest } from './measure';

const N = 100_000;
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const col = (f: (i: number) => unknown) => Array.from({ length: N }, (_, i) => [f(i)]);
const days = col(() => Math.floor(rnd() * 120));
const freq = col(() => rnd() * 0.8 - 0.4);
const rev = col(() => rnd() * 0.8 - 0.4);
const cats = col(() => Math.floor(rnd() * 8));
const eng = col((i) => (i % 7 === 0 ? 'Responds within 24 hours' : 1 + Math.floor(rnd() * 5)));
const pay = col(() => Math.floor(rnd() * 40) - 5);

const t = timeBest(5, () => health(days, freq, rev, cats, eng, pay, null as unknown as unknown[][]));
report({ name: 'KAP.HEALTH over a 100,000-row column', rows: N, ms: t.best, msMedian: t.median, targetMs: 100 });
