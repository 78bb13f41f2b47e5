// The build's contract: the outputs below from src/, and the two IIFEs' sizes printed every time.
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
  'dist/quiz-proctor-review.iife.min.js',
];
for (const file of outputs) {
  if (statSync(file, { throwIfNoEntry: false })?.isFile() !== true) {
    console.error(`build output missing: ${file}`);
    process.exit(1);
  }
}
const size = (file) => {
  const bytes = readFileSync(file);
  return `${bytes.length} B minified, ${gzipSync(bytes, { level: 9 }).length} B gzip`;
};
console.log(
  `built ${outputs.join(', ')}; IIFE ${size('dist/quiz-proctor.iife.min.js')}; review IIFE ${size('dist/quiz-proctor-review.iife.min.js')}`,
);
