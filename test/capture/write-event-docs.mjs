// Writes docs/events.md from the event catalog: `node test/capture/write-event-docs.mjs`.
// The renderer is TypeScript, so it is bundled with the esbuild the test runner already uses.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = await build({
  entryPoints: [`${root}test/capture/render-event-docs.ts`],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'error',
});
const source = bundle.outputFiles[0].text;
const { renderEventDocs } = await import(
  `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`
);
writeFileSync(`${root}docs/events.md`, renderEventDocs());
console.log('wrote docs/events.md');
