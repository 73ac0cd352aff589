/**
 * Where the list of wasm exports duckdb-wasm's JavaScript can reach is served: beside the wasm, same
 * name (the build writes it, scripts/site/vite-plugin-duckdb-exports.ts; the worker fetches it).
 */
export const exportsFileOf = (wasmPath: string) => wasmPath.replace(/\.wasm$/, '.exports.json');
