import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The packet HTML to PDF with Electron's own `webContents.printToPDF` (inside the app): a hidden
 * window with no preload, no node, JavaScript off, loading only the temporary file.
 */
export async function electronPdf(html: string): Promise<Uint8Array> {
  const { BrowserWindow } = await import('electron');
  const dir = mkdtempSync(join(tmpdir(), 'budget-desk-print-'));
  const file = join(dir, 'packet.html');
  writeFileSync(file, html, 'utf8');
  const win = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, nodeIntegration: false, contextIsolation: true, sandbox: true, offscreen: false },
  });
  try {
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (e) => e.preventDefault());
    await win.loadFile(file);
    const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
