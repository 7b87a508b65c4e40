// Freezing a value and everything it holds: objects handed out from a cache (a plan read from the
// store, an export style shared by many cells) must not be changed by one caller under another.

/** Freeze `value` and every object or array it reaches; returns the same value. Already-frozen parts are skipped. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
