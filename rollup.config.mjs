import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';
import { LAZY_IIFE_INNER_NAME, lazyIifeBanner, lazyIifeFooter } from './scripts/lazy-iife.js';

// Any rollup warning fails the build: a warning here is usually a circular import,
// an unresolved module or a missing export, and each of those ships a broken bundle.
const onwarn = (warning) => {
  throw new Error(`rollup warning treated as an error: ${warning.code}: ${warning.message}`);
};

// noEmitOnError makes a type error fail the build instead of printing a "(!)" warning.
const ts = () => typescript({ tsconfig: './tsconfig.json', noEmitOnError: true });

const ENTRIES = { index: 'src/index.ts', canvas: 'src/canvas/index.ts', review: 'src/review/index.ts' };

export default [
  {
    // Three entries: the whole SDK, the typed Canvas client alone (quiz-proctor/canvas), whose code
    // the first two share as one chunk (an app importing both loads it once), and the reviewer
    // (quiz-proctor/review), which shares no code with either.
    input: ENTRIES,
    external: [/^rxjs(\/|$)/, 'idb-keyval', 'ky'],
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      chunkFileNames: 'chunks/[name]-[hash].js',
      // The client's code is one chunk both entries import, named after what it is.
      manualChunks: (id) => (id.includes('/src/canvas/') ? 'canvas-client' : undefined),
    },
    plugins: [ts()],
    onwarn,
  },
  {
    // The IIFE also carries the script-tag auto-start (src/global.ts); the ESM build never does.
    input: 'src/global.ts',
    output: {
      file: 'dist/quiz-proctor.iife.min.js',
      format: 'iife',
      // The bundle is the body of a loader that runs it only where there is work (scripts/lazy-iife.js).
      name: LAZY_IIFE_INNER_NAME,
      banner: lazyIifeBanner,
      footer: lazyIifeFooter,
      sourcemap: true,
    },
    // rxjs's default export condition is its ES5 build; es2015 is about 5 KB smaller.
    // Three compress passes: about 0.3 kB gzip less than one, for a second of build time.
    plugins: [
      resolve({ browser: true, exportConditions: ['es2015'] }),
      ts(),
      terser({ ecma: 2020, compress: { passes: 3 } }),
    ],
    onwarn,
  },
  {
    // The class report's command (`npx quiz-proctor report`, package.json "bin"), for Node 20: the
    // typed client and the reviewer, with Node's types (tsconfig.cli.json), ky from the package's
    // dependencies.
    input: 'src/cli/main.ts',
    external: ['ky', /^node:/],
    output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node', sourcemap: true },
    plugins: [
      typescript({
        tsconfig: './tsconfig.cli.json',
        noEmitOnError: true,
        outDir: 'dist',
      }),
    ],
    onwarn,
  },
  {
    // The reviewer as a script a page can load (global QuizProctorReview: analyzeAttempt,
    // renderTimeline, mountTimeline, and mountLogPage for the theme file's panel on Canvas's log page,
    // with the typed client and ky): a teacher's page without a bundler. Never in the page IIFE.
    input: 'src/review-page/index.ts',
    output: {
      file: 'dist/quiz-proctor-review.iife.min.js',
      format: 'iife',
      name: 'QuizProctorReview',
      sourcemap: true,
    },
    plugins: [resolve({ browser: true }), ts(), terser({ ecma: 2020, compress: { passes: 3 } })],
    onwarn,
  },
  {
    input: ENTRIES,
    external: [/^rxjs(\/|$)/, 'idb-keyval', 'ky'],
    output: { dir: 'dist', format: 'es', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
    plugins: [dts({ tsconfig: './tsconfig.json' })],
    onwarn,
  },
];
