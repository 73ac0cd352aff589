/** Pieces for hand-assembling tiny wasm modules in tests (names and sections under 128 bytes). */
export const WASM_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
/** a name: its length, then its bytes */
export const name = (s: string) => [s.length, ...Buffer.from(s)];
export const section = (id: number, content: number[]) => [id, content.length, ...content];
/** a function export: name, kind 0, function index */
export const funcExport = (s: string, fn: number) => [...name(s), 0x00, fn];
