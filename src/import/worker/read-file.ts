/**
 * A picked file → its bytes, read with a streaming reader so the page can show byte-level progress.
 * Allocating the buffer for a huge file may fail with a RangeError (caught by the caller as
 * "out of memory", memory-errors.ts).
 */
export async function readFileBytes(file: Blob, onProgress: (fraction: number) => void = () => {}): Promise<ArrayBuffer> {
  const size = file.size;
  if (typeof file.stream !== 'function') return file.arrayBuffer();
  const out = new Uint8Array(size);
  const reader = file.stream().getReader();
  let at = 0;
  let reported = -1;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > size) throw new Error('Filen ändrades medan den lästes.');
    out.set(value, at);
    at += value.length;
    const pct = size ? Math.floor((100 * at) / size) : 100;
    if (pct !== reported) {
      reported = pct;
      onProgress(at / size);
    }
  }
  if (at !== size) throw new Error('Filen ändrades medan den lästes.');
  return out.buffer;
}
