import { escapeHtml } from './escape-html.js';
import { renderEnvScript } from './js-env.js';

// Canvas's application layout, as far as page JavaScript can tell (canvas-pages.md §3):
//  - head: Canvas's own deferred scripts (its webpack entry, `crossorigin="anonymous"`), here
//    the emulator's boot script, which sets window.canvasReadyState and loads the page bundles;
//  - body: div#content[role=main] (and aside#right-side), the body class `context-course_<id>`;
//  - foot: the inline `ENV = …` script, the inline `window.bundles.push(…)` of js_bundle, then
//    the school's Theme Editor file as `<script src="…" defer="defer"></script>`: no async, no
//    crossorigin, no type=module, no data attributes, last in document order.
// The boot script carries `data-qla-delivery-ms` (the emulator's own tag, not Canvas's page
// contract) so tests can shorten the quiz log auditing delivery interval.

const BOOT_SCRIPT = '/javascripts/canvas-boot.js';
const STYLESHEET = '/stylesheets/canvas-emulator.css';

/**
 * options: title, contextAssetString ('course_1'), bodyClasses ([]), env (object), bundles
 * (js_bundle names), content (HTML inside #content), rightSide (HTML, optional), themeJsUrl
 * (string or null), qlaDeliveryMs.
 */
export function renderCanvasPage({
  title,
  contextAssetString,
  bodyClasses = [],
  env,
  bundles = [],
  content,
  rightSide = null,
  themeJsUrl = null,
  qlaDeliveryMs,
}) {
  const classes = [...bodyClasses];
  if (rightSide !== null) classes.push('with-right-side');
  if (contextAssetString) classes.push(`context-${contextAssetString}`);
  const bundleScripts = bundles
    .map(
      (name) => `<script>(window.bundles || (window.bundles = [])).push(${JSON.stringify(name)});</script>`,
    )
    .join('\n');
  const theme = themeJsUrl ? `\n<script src="${escapeHtml(themeJsUrl)}" defer="defer"></script>` : '';
  const aside =
    rightSide === null
      ? ''
      : `
        <div id="right-side-wrapper" class="ic-app-main-content__secondary">
          <aside id="right-side" role="complementary">
${rightSide}
          </aside>
        </div>`;
  return `<!DOCTYPE html>
<html dir="ltr" lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(title)}</title>
  <link rel="stylesheet" href="${STYLESHEET}">
  <script src="${BOOT_SCRIPT}" defer="defer" crossorigin="anonymous" data-qla-delivery-ms="${qlaDeliveryMs}"></script>
</head>
<body class="${escapeHtml(classes.join(' '))}">
  <div id="application" class="ic-app">
    <div id="wrapper" class="ic-Layout-wrapper">
      <div id="main" class="ic-Layout-columns">
        <div id="not_right_side" class="ic-app-main-content">
          <div id="content-wrapper" class="ic-Layout-contentWrapper">
            <div id="content" class="ic-Layout-contentMain" role="main">
${content}
            </div>
          </div>
        </div>${aside}
      </div>
    </div>
  </div>
<script>${renderEnvScript(env)}</script>
${bundleScripts}${theme}
</body>
</html>
`;
}
