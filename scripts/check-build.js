// The build's contract: the outputs below from src/, and the IIFE's size printed every time.
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const outputs = [
  'dist/index.js',
  'dist/index.d.ts',
  'dist/canvas.js',
  'dist/canvas.d.ts',
  'dist/review.js',
  'dist/review.d.ts',
  'dist/cli.js',
  'dist/quiz-proctor.iife.min.js',
];
for (const file of outputs) {
  if (statSync(file, { throwIfNoEntry: false })?.isFile() !== true) {
    console.error(`build output missing: ${file}`);
    process.exit(1);
  }
}
const iife = readFileSync('dist/quiz-proctor.iife.min.js');
console.log(
  `built ${outputs.join(', ')}; IIFE ${iife.length} B minified, ${gzipSync(iife, { level: 9 }).length} B gzip`,
);
