// underscore's throttle with {leading: true, trailing: false}: the first call runs, calls
// within `waitMs` after it are dropped (not deferred). A clock set backwards re-arms it.
export function throttle(fn, waitMs) {
  let previous = 0;
  return function throttled(...args) {
    const now = Date.now();
    const remaining = waitMs - (now - previous);
    if (remaining <= 0 || remaining > waitMs) {
      previous = now;
      fn.apply(this, args);
    }
  };
}
