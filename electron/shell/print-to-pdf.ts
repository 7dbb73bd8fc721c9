import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';

/**
 * Packet HTML → PDF with Chromium's printer, in a hidden window with JavaScript off and a
 * private session that may load only the HTML file itself (no remote fonts or images).
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'budget-desk-print-'));
  const file = join(dir, 'packet.html');
  await fs.writeFile(file, html, 'utf8');
  const url = pathToFileURL(file).href;
  const printSession = session.fromPartition(`print-${Date.now()}`, { cache: false });
  printSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(details.url === url || details.url.startsWith('data:')) });
  });
  const win = new BrowserWindow({
    show: false,
    webPreferences: { session: printSession, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  try {
    await win.loadURL(url);
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
