// ActionDispatch's deep_munge (Rails 5+): nils are removed from every array in the params, at
// any depth, so JSON `[null, {...}]` reaches the controller as `[{...}]`. Empty arrays stay.
// Canvas sees event batches after this step, so a null element is silently skipped.
export function deepMunge(value) {
  if (Array.isArray(value)) {
    return value.filter((item) => item !== null && item !== undefined).map(deepMunge);
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) value[key] = deepMunge(value[key]);
  }
  return value;
}
