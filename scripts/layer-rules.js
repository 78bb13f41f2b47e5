// The import rule of src/'s layers, for eslint.config.js and its own test (scripts/test/layers.test.js).
import globals from 'globals';

// The layers of src/, top to bottom (docs/architecture.md): a folder imports only the folders
// below it. The entries (src/index.ts, src/global.ts) sit above them all. review/ is first because
// nothing imports it: it is an entry of its own (quiz-proctor/review) with its own rule below.
// cli/ (the class report's command, for Node) stands beside them with its own rule too.
export const LAYERS = [
  'cli',
  'review-page',
  'review',
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

// Globals a page or Node has and plain JavaScript does not: review/ runs in both, so it uses none.
const hostGlobals = [
  ...new Set(
    [...Object.keys(globals.browser), ...Object.keys(globals.node)].filter(
      (name) => !(name in globals.builtin),
    ),
  ),
];

/** review/ reads a log in Node or a browser: types from events/ and nothing else. */
const reviewRules = {
  files: ['src/review/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `(^|/)(${LAYERS.filter((name) => name !== 'review' && name !== 'events').join('|')})/|^(rxjs|idb-keyval|ky)(/|$)`,
            message:
              'src/review/ stands alone (published as quiz-proctor/review, for Node and browsers): no other layer, no dependency.',
          },
          {
            regex: '(^|/)events/',
            allowTypeImports: true,
            message: 'src/review/ imports only types from src/events/ (`import type`), never its code.',
          },
        ],
      },
    ],
    // Replaces src/'s list (setTimeout, setInterval, eval), which these names include.
    'no-restricted-globals': ['error', 'eval', ...hostGlobals],
  },
};

/**
 * cli/ is the class report's command, for Node: it reads Canvas with the typed client and reviews
 * with review/. It sits beside the page's layers, not above them: none of their code is for Node.
 */
const cliRules = {
  files: ['src/cli/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `(^|/)(${LAYERS.filter((name) => !['review', 'canvas', 'events'].includes(name)).join('|')})/|^(rxjs|idb-keyval)(/|$)`,
            message:
              "src/cli/ (Node) uses the typed client (canvas/) and the reviewer (review/) only: none of the page's code.",
          },
        ],
      },
    ],
    // A command line, not a page: Node's globals, and it waits on real time (the rate limit).
    'no-restricted-globals': ['error', 'eval'],
  },
};

/** review-page/ is the review file's panel on Canvas's log page: the client and the reviewer, in a page. */
const reviewPageRules = {
  files: ['src/review-page/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `(^|/)(${LAYERS.filter((name) => !['review', 'canvas', 'events', 'review-page'].includes(name)).join('|')})/|^(rxjs|idb-keyval)(/|$)`,
            message:
              "src/review-page/ (teachers' pages) uses the typed client and the reviewer only: none of the student page's code.",
          },
        ],
      },
    ],
  },
};

// What the page's layers may take from rxjs: its core. Every other operator or creator accepts any
// ObservableInput, and the conversion behind that (with tslib's async helpers) costs the page bundle
// about 2 kB gzip; src/util/ has the page's own small operators (docs/architecture.md).
export const RXJS_CORE = [
  'Observable',
  'Subscription',
  'Subscriber',
  'asyncScheduler',
  'EMPTY',
  'NEVER',
  // Types, erased at build.
  'SchedulerLike',
  'SchedulerAction',
  'OperatorFunction',
  'MonoTypeOperatorFunction',
];

export const layerRules = [
  ...LAYERS.filter((layer) => !['review', 'cli', 'review-page'].includes(layer)).map((layer) => {
    const above = LAYERS.slice(0, LAYERS.indexOf(layer));
    const patterns = [
      {
        regex: `(^|/)(${above.join('|')})/`,
        message: `src/${layer}/ sits below ${above.join(', ')}: imports point down the layers only (docs/architecture.md).`,
      },
    ];
    if (layer === 'canvas')
      // The typed client stands alone (published as quiz-proctor/canvas): ky and itself, nothing else.
      patterns.push({
        regex: `(^|/)(${LAYERS.filter((name) => name !== 'canvas').join('|')})/|^(rxjs|idb-keyval)`,
        message: 'src/canvas/ depends on ky alone: it is published on its own as quiz-proctor/canvas.',
      });
    const paths = [
      {
        name: 'rxjs',
        allowImportNames: RXJS_CORE,
        message: `The page takes rxjs's core only (${RXJS_CORE.join(', ')}): src/util/ has the page's own operators, since any other brings about 2 kB gzip of ObservableInput conversion into the page bundle (docs/architecture.md).`,
      },
    ];
    return {
      files: [`src/${layer}/**/*.ts`],
      // canvas/ has no rxjs at all (its pattern above says so once).
      rules: { 'no-restricted-imports': ['error', layer === 'canvas' ? { patterns } : { patterns, paths }] },
    };
  }),
  reviewRules,
  cliRules,
  reviewPageRules,
];
