/** The next task, after what is queued (a message, not a timer: no 4 ms clamp, and a page's fake clock does not stop it). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}
