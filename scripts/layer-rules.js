// The import rule of src/'s layers, for eslint.config.js and its own test (scripts/test/layers.test.js).
// The layers of src/, top to bottom (docs/architecture.md): a folder imports only the folders
// below it. The entries (src/index.ts, src/global.ts) sit above them all.
export const LAYERS = [
  'theme',
  'proctor',
  'session',
  'capture',
  'record',
  'deliver',
  'tabs',
  'store',
  'events',
  'canvas-page',
  'canvas',
  'errors',
  'util',
];
export const layerRules = LAYERS.map((layer, index) => {
  const above = LAYERS.slice(0, index);
  const patterns = [];
  if (above.length > 0)
    patterns.push({
      regex: `(^|/)(${above.join('|')})/`,
      message: `src/${layer}/ sits below ${above.join(', ')}: imports point down the layers only (docs/architecture.md).`,
    });
  if (layer === 'canvas')
    // The typed client stands alone (published as quiz-proctor/canvas): ky and itself, nothing else.
    patterns.push({
      regex: `(^|/)(${LAYERS.filter((name) => name !== 'canvas').join('|')})/|^(rxjs|idb-keyval)`,
      message: 'src/canvas/ depends on ky alone: it is published on its own as quiz-proctor/canvas.',
    });
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
});
