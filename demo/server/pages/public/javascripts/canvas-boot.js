// Plays Canvas's main entry (ui/index.ts), which Canvas loads as a deferred script in <head>,
// before the school's Theme Editor file (deferred, last in the page). On evaluation it sets
// window.canvasReadyState = 'loading' and dispatches `canvasReadyStateChange` on window. Its
// page work starts once the document is ready — after every deferred script, the theme file's
// top-level code included: the page bundles named in window.bundles load by dynamic import(),
// as Canvas's feature bundles do, and readiness advances (`capabilities`, then `deferredBundles`
// and `asyncInitializers` once the bundles have run, each dispatched as the event's detail) to
// 'complete'. Here 'complete' therefore means the page's own code (take page JS, quiz log
// auditing) has started; Canvas does not await its bundles, so there it may come a little later.
(function () {
  var script = document.currentScript;
  var targets = ['capabilities', 'deferredBundles', 'asyncInitializers'];
  var ready = {};

  function signal(detail) {
    window.dispatchEvent(new CustomEvent('canvasReadyStateChange', detail ? { detail: detail } : undefined));
  }

  function advance(target) {
    ready[target] = true;
    signal(target);
    if (
      targets.every(function (name) {
        return ready[name];
      })
    ) {
      window.canvasReadyState = 'complete';
      signal();
    }
  }

  function load(name) {
    return import(new URL('bundles/' + name + '.js', script.src).href).catch(function (error) {
      console.error("couldn't load bundle " + name, error);
    });
  }

  function up() {
    advance('capabilities');
    var bundles = window.bundles || (window.bundles = []);
    var loading = bundles.map(load);
    // Bundles pushed from now on load at once, as Canvas replaces push.
    bundles.push = function () {
      Array.prototype.forEach.call(arguments, load);
      return arguments.length;
    };
    Promise.all(loading).then(function () {
      advance('deferredBundles');
      advance('asyncInitializers');
    });
  }

  window.canvasReadyState = 'loading';
  signal();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', up, { once: true });
  else setTimeout(up, 0);
})();
