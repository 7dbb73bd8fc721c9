import { writeFileAtomic } from '../files/atomic-write';
import { chromiumPdf } from './chromium-pdf';

/** True when running inside Electron's main process. */
export function insideElectron(): boolean {
  return Boolean(process.versions.electron) && process.type === 'browser';
}

/** The packet HTML as PDF bytes: Electron's printToPDF in the app, else Chromium (CHROME_PATH or /usr/bin/chromium). */
export async function renderPacketPdf(html: string): Promise<Uint8Array> {
  if (insideElectron()) {
    const { electronPdf } = await import('./electron-pdf');
    return electronPdf(html);
  }
  return chromiumPdf(html);
}

/** Print the packet to `outPath` (written atomically: a failed print leaves no half file). */
export async function printPacketPdf(html: string, outPath: string): Promise<{ bytes: number }> {
  const pdf = await renderPacketPdf(html);
  await writeFileAtomic(outPath, pdf);
  return { bytes: pdf.byteLength };
}
