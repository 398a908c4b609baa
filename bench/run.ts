/**
 * `npm run bench`: runs each benchmark case in its own Node process (so peak memory is the
 * case's own) and prints one JSON document with every result.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const cases = process.argv.slice(2).length ? process.argv.slice(2) : ['health', 'ingest', 'analysis', 'qbr', 'bundle'];
const results: Record<string, unknown>[] = [];
for (const name of cases) {
  const file = join(__dirname, `${name}.ts`);
  if (!existsSync(file)) continue;
  try {
    const out = execFileSync(process.execPath, ['--max-old-space-size=4096', '--expose-gc', '--import', 'tsx', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
    for (const line of out.split('\n')) if (line.trim().startsWith('{')) results.push({ case: name, ...JSON.parse(line) });
  } catch (e) {
    results.push({ case: name, error: (e as Error).message.split('\n')[0] });
  }
}
console.log(JSON.stringify({ machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version }, results }, null, 2));
