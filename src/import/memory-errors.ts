/**
 * Running out of memory during an import, recognised wherever it surfaces: DuckDB's "Out of Memory
 * Error" and allocation failures, a trapped or killed DuckDB-wasm worker, and the RangeError a JS engine
 * throws when a huge ArrayBuffer or string cannot be allocated.
 */
export const OUT_OF_MEMORY_MESSAGE =
  'Filen är för stor för webbläsarens minne. Inget har lagts till och tidigare inlästa data finns kvar. Dela upp filen i mindre delar (till exempel per år eller nyckeltal) och läs in dem en i taget.';

const PATTERNS = [
  /out of memory/i,
  /could not allocate/i,
  /failed to allocate/i,
  /allocation fail/i,
  /array buffer allocation/i,
  /invalid array length/i,
  /invalid typed array length/i,
  /invalid string length/i,
  /memory access out of bounds/i,
  /^(RuntimeError: )?unreachable/i,
  /\bAborted\(/,
  /avslutades oväntat/i,
  /worker.*terminated/i,
];

export function isOutOfMemory(e: unknown): boolean {
  if (e instanceof RangeError) return true;
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return PATTERNS.some((p) => p.test(text) || p.test(text.replace(/^\w+: /, '')));
}
