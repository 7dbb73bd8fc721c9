/** A printed page number standing on its own line: “21”, “— 21 —”, “- 21 -”, “第 3 页，共 40 页”, “3 / 40”. */
export const PAGE_NUMBER = /^(?:[-—–]\s*)?\d{1,4}(?:\s*[-—–])?$|^第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?$|^\d+\s*\/\s*\d+$/;

export const isPageNumberLine = (text: string): boolean => PAGE_NUMBER.test(text);
