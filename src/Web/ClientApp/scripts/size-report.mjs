// Gzipped size of the built dashboard's JavaScript against the budget (issue 4: 250 KB).
// Run after the build (`npm run build`, or any `dotnet build` of Pricing.Web): `npm run size`.
// Exits non-zero over budget, so it can guard CI.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetBytes = 250 * 1024;
const assets = new URL('../../wwwroot/app/assets/', import.meta.url).pathname;

let files;
try {
  files = readdirSync(assets).filter((name) => name.endsWith('.js') || name.endsWith('.css'));
} catch {
  console.error(`No build at ${assets}: run "npm run build" first.`);
  process.exit(2);
}

let totalJs = 0;
const rows = files.sort().map((name) => {
  const content = readFileSync(join(assets, name));
  const gzipped = gzipSync(content, { level: 9 }).length;
  if (name.endsWith('.js')) {
    totalJs += gzipped;
  }

  return { file: name, bytes: content.length, gzipped };
});

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
for (const row of rows) {
  console.log(`${row.file.padEnd(36)} ${kb(row.bytes).padStart(10)} ${kb(row.gzipped).padStart(10)} gzip`);
}

console.log(`JavaScript, gzipped: ${kb(totalJs)} of ${kb(budgetBytes)} budget`);
if (totalJs > budgetBytes) {
  console.error('Over budget.');
  process.exit(1);
}
