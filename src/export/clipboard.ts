/**
 * Puts a PNG on the clipboard. The image is passed as a promise, so the write starts inside the
 * click (browsers require that) while the chart is still being drawn. Where the browser refuses –
 * no permission, no ClipboardItem, no image support – the caller gets 'refused' and offers a download.
 */
export type CopyResult = { copied: true } | { copied: false; reason: string };

export async function copyPng(png: Promise<Blob>): Promise<CopyResult> {
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  if (!clipboard?.write || typeof ClipboardItem === 'undefined') return { copied: false, reason: 'Webbläsaren kan inte kopiera bilder' };
  if (typeof ClipboardItem.supports === 'function' && !ClipboardItem.supports('image/png'))
    return { copied: false, reason: 'Webbläsaren kan inte kopiera bilder' };
  try {
    await clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return { copied: true };
  } catch (e) {
    // A failure to draw the image is an error of ours, not a refusal: let the caller report it.
    await png;
    return {
      copied: false,
      reason: (e as Error).name === 'NotAllowedError' ? 'Webbläsaren tillät inte kopiering' : 'Kopieringen misslyckades',
    };
  }
}
