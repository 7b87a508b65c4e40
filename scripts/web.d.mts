// Types of scripts/web.mjs for the tests.
/** True when dist/renderer/index.html is missing or anything its build read has changed since (dist/renderer-sources.json). */
export function rendererStale(): boolean;
