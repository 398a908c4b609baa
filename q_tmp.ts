import { readFileSync } from 'node:fs';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { fitLifetimeModel, scoreLifetime, expectedOrders } from './src/domain/analysis/clv';
const sums = JSON.parse(readFileSync('/tmp/benchsums.json','utf8'));
const m = fitLifetimeModel(sums);
console.log(m.warning);
for (let k=0;k<3;k++){ let t=performance.now(); for (const s of sums) scoreLifetime(m, s); console.log('score', performance.now()-t);
 t=performance.now(); let acc=0; for (const s of sums) acc+=expectedOrders(m.bgnbd!, 52, s.frequency, s.recency, s.T); console.log('E only x1', performance.now()-t);
 t=performance.now(); for (let i=0;i<65000;i++) acc+=hyp2f1(1.2+i%7, 0.5, 50+i%300, 0.3); console.log('65k hyp2f1', performance.now()-t); }
