// The layer rule of eslint.config.js really fails a wrong-way import: a file placed in a lower layer
// that imports an upper one must be reported, and the same import from the upper layer must not.
import { ESLint } from 'eslint';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { layerRules } from '../layer-rules.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Only the layer rule, with the TypeScript parser: the type-aware rules of the full config would
// take half a minute to load the project for nothing.
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layerRules],
});
const layerErrors = async (path, code) => {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}`, warnIgnored: true });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports');
};

test('store/ importing record/ (upward) fails lint', async () => {
  const errors = await layerErrors(
    'src/store/choose-victims.ts',
    "import { createWriteProgress } from '../record/write-progress.js';\nexport const x = createWriteProgress;\n",
  );
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /imports point down the layers only/);
});

test('record/ importing store/ (downward) passes', async () => {
  const errors = await layerErrors(
    'src/record/write-progress.ts',
    "import { storeName } from '../store/store-name.js';\nexport const x = storeName;\n",
  );
  assert.deepEqual(errors, []);
});

test('a page layer importing an rxjs operator beyond the core fails; the core passes', async () => {
  const errors = await layerErrors(
    'src/capture/from-print.ts',
    "import { debounceTime, map, type SchedulerLike } from 'rxjs';\nexport const x = [debounceTime, map] as unknown as SchedulerLike;\n",
  );
  assert.equal(errors.length, 2);
  assert.match(errors[0].message, /rxjs's core only/);
  // util/ has map, filter, Subject and interval of its own (mapValues, filterValues, createRelay,
  // repeatEvery): rxjs's cost the page about 0.5 kB gzip.
  const replaced = await layerErrors(
    'src/record/write-ahead.ts',
    "import { filter, interval, Subject } from 'rxjs';\nexport const x = [filter, interval, Subject];\n",
  );
  assert.equal(replaced.length, 3);
  const core = await layerErrors(
    'src/record/write-ahead.ts',
    "import { EMPTY, NEVER, Observable, Subscription, asyncScheduler, type SchedulerAction } from 'rxjs';\nexport const x = [EMPTY, NEVER, Observable, Subscription, asyncScheduler] as unknown as SchedulerAction<void>;\n",
  );
  assert.deepEqual(core, []);
});

test('canvas/ importing rxjs or errors/ fails: it depends on ky alone', async () => {
  const errors = await layerErrors(
    'src/canvas/core/path.ts',
    "import { timer } from 'rxjs';\nimport { ProctorError } from '../../errors/proctor-error.js';\nexport const x = [timer, ProctorError];\n",
  );
  assert.equal(errors.length, 2);
});

test('review/ importing a type from events/ passes; its code, another layer or rxjs fails', async () => {
  const typeOnly = await layerErrors(
    'src/review/read-events.ts',
    "import type { CaptureEventDataMap } from '../events/event-data.js';\nexport type X = CaptureEventDataMap;\n",
  );
  assert.deepEqual(typeOnly, []);
  const errors = await layerErrors(
    'src/review/read-events.ts',
    [
      "import { isCanvasType } from '../events/event-traits.js';",
      "import { createEmitter } from '../util/create-emitter.js';",
      "import { of } from 'rxjs';",
      'export const x = [isCanvasType, createEmitter, of];',
      '',
    ].join('\n'),
  );
  assert.equal(errors.length, 3);
});

test('review/ uses no page or Node global: it runs in both', async () => {
  const [result] = await eslint.lintText(
    'export const x = [document.title, process.env, localStorage, new Map(), JSON.stringify(1)];\n',
    { filePath: `${root}src/review/read-events.ts`, warnIgnored: true },
  );
  const globals = result.messages.filter((message) => message.ruleId === 'no-restricted-globals');
  assert.deepEqual(
    globals.map((message) => message.message.match(/'(\w+)'/)?.[1]),
    ['document', 'process', 'localStorage'],
  );
});

test('cli/ importing the client and the reviewer passes; the page’s layers or rxjs fail', async () => {
  const allowed = await layerErrors(
    'src/cli/run-cli.ts',
    "import { analyzeAttempt } from '../review/analyze-attempt.js';\nimport { getAll } from '../canvas/core/canvas-list.js';\nexport const x = [analyzeAttempt, getAll];\n",
  );
  assert.deepEqual(allowed, []);
  const errors = await layerErrors(
    'src/cli/run-cli.ts',
    "import { createProctor } from '../proctor/create-proctor.js';\nimport { of } from 'rxjs';\nexport const x = [createProctor, of];\n",
  );
  assert.equal(errors.length, 2);
});
