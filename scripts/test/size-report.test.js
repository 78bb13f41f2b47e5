// The size report lays every byte of the page IIFE to a group, and its gzip shares add up to the
// file's real gzip size (the figure size-limit checks).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

const root = new URL('../../', import.meta.url);
const FILE = 'dist/quiz-proctor.iife.min.js';

test('size report: every byte in a group, dependencies and src/ folders named, shares summing to the gzip size', () => {
  const out = execFileSync(process.execPath, ['scripts/size-report.js', FILE], {
    cwd: root,
    encoding: 'utf8',
  });
  const rows = out
    .trim()
    .split('\n')
    .slice(3)
    .map((line) => {
      const cells = line.trim().split(/\s{2,}/);
      return { group: cells[0], minified: Number(cells[1]), share: Number(cells[3]) };
    });
  const groups = rows.map((row) => row.group);
  for (const group of ['rxjs', 'ky', 'idb-keyval', 'src/capture/', 'src/record/'])
    assert.ok(groups.includes(group), group);
  assert.ok(!groups.some((group) => group.startsWith('src/review')), 'no review code in the page IIFE');
  const code = readFileSync(new URL(FILE, root));
  const minified = rows.reduce((sum, row) => sum + row.minified, 0);
  assert.ok(
    Math.abs(minified - code.length / 1000) < 0.01 * rows.length,
    `${minified} kB of ${code.length} B`,
  );
  const gzip = gzipSync(code, { level: 9 }).length / 1000;
  const shares = rows.reduce((sum, row) => sum + row.share, 0);
  assert.ok(Math.abs(shares - gzip) < 0.01 * rows.length, `${shares} kB against ${gzip} kB`);
});

test('size report by file: the N largest source files, each a path under src/ or node_modules/', () => {
  const out = execFileSync(process.execPath, ['scripts/size-report.js', '--files', '5', FILE], {
    cwd: root,
    encoding: 'utf8',
  });
  const rows = out.trim().split('\n').slice(3);
  assert.equal(rows.length, 5);
  const sizes = rows.map((line) => {
    const [source, , gzipAlone] = line.trim().split(/\s{2,}/);
    assert.match(source ?? '', /^(src|node_modules)\/.+\.(ts|js)$/);
    return Number(gzipAlone);
  });
  assert.deepEqual(
    sizes,
    [...sizes].sort((a, b) => b - a),
  );
  assert.throws(() =>
    execFileSync(process.execPath, ['scripts/size-report.js', '--files', 'x'], { cwd: root, stdio: 'pipe' }),
  );
});
