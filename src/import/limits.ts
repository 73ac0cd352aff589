/** Rejections and preview rows sent to the page; the counts are always complete. */
export const MAX_REJECTED_SHOWN = 1000;
export const PREVIEW_ROWS = 12;
