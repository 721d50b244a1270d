// Writes a large Telco-shaped export for memory measurements: the Telco rows repeated with fresh
// customer ids until the file reaches the requested size. Usage: tsx bench/telco-export.ts OUT MB
import { createWriteStream, readFileSync } from 'node:fs';

const [out, megabytes = '200', source = '/work/shared/data/Telco-Customer-Churn.csv'] =
  process.argv.slice(2);
if (!out) {
  process.stderr.write('usage: tsx bench/telco-export.ts OUT [MB] [TELCO_CSV]\n');
  process.exit(2);
}
const [header, ...rows] = readFileSync(source, 'utf8').trim().split(/\r?\n/);
const target = Number(megabytes) * 1_000_000;
const file = createWriteStream(out);
let written = 0;
let copy = 0;
const write = (text: string) =>
  new Promise<void>((done) => {
    written += Buffer.byteLength(text);
    if (file.write(text)) done();
    else file.once('drain', done);
  });
await write(`${header}\n`);
while (written < target) {
  const block = rows.map((r) => r.replace(/^([^,]*)/, `$1-${copy}`)).join('\n');
  await write(`${block}\n`);
  copy++;
}
file.end();
process.stdout.write(`${out}: ${(written / 1e6).toFixed(1)} MB, ${copy * rows.length} rows\n`);
