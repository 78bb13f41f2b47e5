// The published entries, read from the built dist/ (npm test builds first): `quiz-proctor/canvas`
// is the typed client alone, depending on ky only, and `quiz-proctor` still carries it too;
// `quiz-proctor/review` imports nothing at all, and the page IIFE carries none of it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Every bare module the file and the chunks it imports import, transitively. */
function bareImports(file, seen = new Set()) {
  if (seen.has(file)) return new Set();
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const found = new Set();
  for (const [, spec] of code.matchAll(/(?:from|import)\s*['"]([^'"]+)['"]/g)) {
    if (spec.startsWith('.'))
      for (const bare of bareImports(new URL(spec, `file://${file}`).pathname, seen)) found.add(bare);
    else found.add(spec);
  }
  return found;
}

test('quiz-proctor/canvas resolves to the client alone', async () => {
  const canvas = await import('quiz-proctor/canvas');
  for (const name of [
    'createCanvasClient',
    'startQuizSubmission',
    'submitQuizSubmissionEvents',
    'CanvasError',
    'CanvasApiError',
  ])
    assert.equal(typeof canvas[name], 'function', name);
  assert.equal(canvas.createProctor, undefined);
  assert.match(readFileSync(`${dist}canvas.d.ts`, 'utf8'), /declare function createCanvasClient/);
});

test('quiz-proctor/canvas depends on ky alone', () => {
  assert.deepEqual([...bareImports(`${dist}canvas.js`)], ['ky']);
});

test('quiz-proctor still exports the client beside the proctor, from the same chunk', () => {
  // dist/index.js cannot be imported in Node (it touches IndexedDB at load): read it instead.
  const chunkOf = (file) =>
    readFileSync(file, 'utf8').match(/['"]\.\/(chunks\/canvas-client-[^'"]+)['"]/)?.[1];
  const shared = chunkOf(`${dist}canvas.js`);
  assert.ok(shared, 'canvas.js imports the canvas-client chunk');
  // One class, not two copies: an error from either entry passes the other's instanceof.
  assert.equal(chunkOf(`${dist}index.js`), shared);
  assert.match(readFileSync(`${dist}index.d.ts`, 'utf8'), /createCanvasClient/);
});

test('quiz-proctor/review resolves to the reviewer alone, importing nothing', async () => {
  const review = await import('quiz-proctor/review');
  assert.deepEqual(Object.keys(review).sort(), [
    'ReviewInputError',
    'analyzeAttempt',
    'mountTimeline',
    'renderTimeline',
  ]);
  // No dependency and no chunk shared with the SDK: it runs wherever plain JavaScript does.
  const code = readFileSync(`${dist}review.js`, 'utf8');
  assert.doesNotMatch(code, /^import\s|^export\s[^;]*\sfrom\s|\bimport\(/m);
  assert.match(readFileSync(`${dist}review.d.ts`, 'utf8'), /declare function analyzeAttempt/);
});

test('the page IIFE carries none of the reviewer', () => {
  const iife = readFileSync(`${dist}quiz-proctor.iife.min.js`, 'utf8');
  // Finding codes only the reviewer writes (storage_reset is also the page's error code of a reset store).
  for (const mark of ['analyzeAttempt', 'ReviewInputError', 'events_missing', 'heartbeat_gap'])
    assert.equal(iife.includes(mark), false, mark);
});

test('the package has the report command as its bin, for Node, with none of the page', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.deepEqual(pkg.bin, { 'quiz-proctor': './dist/cli.js' });
  const cli = readFileSync(`${dist}cli.js`, 'utf8');
  assert.match(cli, /^#!\/usr\/bin\/env node\n/);
  for (const mark of ['idb-keyval', 'rxjs', 'createProctor']) assert.equal(cli.includes(mark), false, mark);
});

test("the SDK's version constant is package.json's (the theme's default review file URL names it)", () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const source = readFileSync(new URL('../../src/util/sdk-version.ts', import.meta.url), 'utf8');
  assert.match(source, new RegExp(`SDK_VERSION = '${pkg.version.replaceAll('.', '\\.')}'`));
});
