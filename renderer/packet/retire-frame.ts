import { nextTask } from '../app/next-task';

/** Sheets taken out of a retired preview per task: a few ms each, even for a table's long sheets. */
const SHEETS_PER_TASK = 5;
/** Below this many sheets the preview goes at once, as React removes it. */
const RETIRED_FROM = 60;

let holder: HTMLDivElement | null = null;

/**
 * A preview left (another page, another revision of the document) with a large packet in it: the
 * frame is moved out of the page, whole (`moveBefore` keeps its document), into a hidden holder,
 * and its sheets are taken out a few per task before the frame itself goes. Removed with the page
 * in one go, the 38 MB packet of 100,000 items was torn down in one task (~0.2 s). (The collector
 * still reclaims it when it will.) Call it while the frame is still in the page (a ref's cleanup,
 * before React removes what holds it); false when it was left where it is.
 */
export function retireFrame(frame: HTMLIFrameElement): boolean {
  const body = frame.contentDocument?.body;
  const move = (Element.prototype as { moveBefore?: (node: Node, child: Node | null) => void }).moveBefore;
  if (!body || body.childElementCount < RETIRED_FROM || !move || !frame.isConnected) return false;
  if (!holder?.isConnected) {
    holder = document.createElement('div');
    holder.hidden = true;
    holder.setAttribute('aria-hidden', 'true');
    holder.dataset.retiredFrames = '';
    document.body.append(holder);
  }
  const into = holder;
  try {
    move.call(into, frame, null);
  } catch {
    return false;
  }
  void (async () => {
    while (body.lastElementChild) {
      for (let k = 0; k < SHEETS_PER_TASK && body.lastElementChild; k++) body.lastElementChild.remove();
      await nextTask();
    }
    frame.remove();
  })();
  return true;
}
