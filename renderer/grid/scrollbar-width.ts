let overlayScrollbars: boolean | undefined;
/**
 * The grid's `scrollbarWidth`. Where the browser's scroll bars take no room (overlay bars; headless
 * Chromium) the grid draws its own 16 px bars over the rows' edges and leaves no room for them:
 * scrolled to the right, the last column and its fill handle were under the vertical bar. Told
 * their width, it leaves room as for classic bars (the horizontal bar's room: styles.css).
 * Undefined: the grid measures the browser's bars (classic ones already get their room).
 */
export function gridScrollbarWidth(): number | undefined {
  if (overlayScrollbars === undefined) {
    // As the grid measures them (once: a forced layout).
    const probe = document.createElement('div');
    probe.style.cssText = 'position:absolute;top:-200px;width:100px;height:100px;overflow:scroll;visibility:hidden';
    document.body.append(probe);
    overlayScrollbars = probe.offsetWidth - probe.clientWidth === 0;
    probe.remove();
  }
  return overlayScrollbars ? 16 : undefined;
}
