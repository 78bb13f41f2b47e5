// How small the page IIFE could get by steps the design or safety rules out today, each measured on
// the same build: what issue 15's 24 kB goal is weighed against (README, "Size budget"). Not a
// budget and not in CI: `node scripts/size-floors.js` (builds in memory; 26 s here).
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { minify } from 'terser';
import configs from '../rollup.config.mjs';

const page = configs.find((config) => config.input === 'src/global.ts');
if (!page) throw new Error('rollup.config.mjs has no build of src/global.ts');
const kyAsFetch = fileURLToPath(new URL('size-floors/ky-as-fetch.js', import.meta.url));

async function build(withoutKy) {
  const plugins = withoutKy
    ? [{ name: 'ky-as-fetch', resolveId: (id) => (id === 'ky' ? kyAsFetch : null) }, ...page.plugins]
    : page.plugins;
  const bundle = await rollup({ ...page, plugins });
  try {
    const { output } = await bundle.generate(page.output);
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

// Every unsafe compress option terser has; then also every camelCase property name of six or more
// characters renamed (terser keeps the DOM's own names), which would rename persisted record fields
// and option names between builds.
const UNSAFE = {
  ecma: 2020,
  compress: {
    passes: 3,
    unsafe: true,
    unsafe_arrows: true,
    unsafe_comps: true,
    unsafe_math: true,
    unsafe_methods: true,
    booleans_as_integers: true,
  },
  mangle: true,
};
const MANGLED = { ...UNSAFE, mangle: { properties: { regex: /^[a-z][a-zA-Z0-9]{5,}$/ } } };

const gzip = (code) => gzipSync(code, { level: 9 }).length;
const again = async (code, options) => (await minify(code, options)).code ?? '';

const built = await build(false);
const noKy = await build(true);
const rows = [
  ['as built', built],
  ['every unsafe terser option', await again(built, UNSAFE)],
  ['those, and camelCase properties of 6+ characters mangled', await again(built, MANGLED)],
  ['ky replaced by a fetch wrapper for the two calls', noKy],
  ['no ky, unsafe options and mangled properties', await again(noKy, MANGLED)],
];
const width = Math.max(...rows.map(([name]) => name.length));
console.log(`${'page IIFE variant'.padEnd(width)}  gzip B`);
for (const [name, code] of rows) console.log(`${name.padEnd(width)}  ${String(gzip(code)).padStart(6)}`);
