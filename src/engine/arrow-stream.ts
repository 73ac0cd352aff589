/** Starts with a message's continuation marker and ends with the end-of-stream marker of the Arrow IPC stream format. */
export function isArrowStream(b: Uint8Array): boolean {
  const n = b.byteLength;
  if (n < 16) return false;
  const ff = (i: number) => b[i] === 0xff && b[i + 1] === 0xff && b[i + 2] === 0xff && b[i + 3] === 0xff;
  return ff(0) && ff(n - 8) && b[n - 4] === 0 && b[n - 3] === 0 && b[n - 2] === 0 && b[n - 1] === 0;
}
