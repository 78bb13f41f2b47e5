import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

// Any rollup warning fails the build: a warning here is usually a circular import,
// an unresolved module or a missing export, and each of those ships a broken bundle.
const onwarn = (warning) => {
  throw new Error(`rollup warning treated as an error: ${warning.code}: ${warning.message}`);
};

// noEmitOnError makes a type error fail the build instead of printing a "(!)" warning.
const ts = () => typescript({ tsconfig: './tsconfig.json', noEmitOnError: true });

export default [
  {
    input: 'src/index.ts',
    external: [/^rxjs(\/|$)/, 'idb-keyval', 'ky'],
    output: { file: 'dist/index.js', format: 'es', sourcemap: true },
    plugins: [ts()],
    onwarn,
  },
  {
    // The IIFE also carries the script-tag auto-start (src/global.ts); the ESM build never does.
    input: 'src/global.ts',
    output: {
      file: 'dist/quiz-proctor.iife.min.js',
      format: 'iife',
      name: 'QuizProctor',
      sourcemap: true,
    },
    // rxjs's default export condition is its ES5 build; es2015 is about 5 KB smaller.
    plugins: [resolve({ browser: true, exportConditions: ['es2015'] }), ts(), terser({ ecma: 2020 })],
    onwarn,
  },
  {
    input: 'src/index.ts',
    external: [/^rxjs(\/|$)/, 'idb-keyval', 'ky'],
    output: { file: 'dist/index.d.ts', format: 'es' },
    plugins: [dts({ tsconfig: './tsconfig.json' })],
    onwarn,
  },
];
