/** Escape text for HTML element content and attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A table view's canonical amount text (`3146.54`) as printed in the packet: `3,146.54`. */
export function withThousands(text: string | undefined): string {
  if (!text) return '';
  const neg = text.startsWith('-');
  const [i = '0', f] = (neg ? text.slice(1) : text).split('.');
  return `${neg ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f !== undefined ? `.${f}` : ''}`;
}
