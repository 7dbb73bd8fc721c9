import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Flags for a headless Chromium that never reaches the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** No Chromium to print with: the user's installation to fix, not a bug (CLI: one line, exit 2). */
export class ChromiumMissingError extends Error {}

export function chromiumPath(): string {
  const p = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(p)) throw new ChromiumMissingError(`找不到 Chromium（${p}），无法打印 PDF。请安装 chromium 或设置环境变量 CHROME_PATH`);
  return p;
}

/**
 * The packet HTML to PDF in Chromium through playwright-core (outside Electron: CLI, tests).
 * The HTML goes through a temporary file rather than setContent so a 10,000-line packet loads
 * like a page; page sizes, orientation and margins come from the CSS (@page).
 */
export async function chromiumPdf(html: string): Promise<Uint8Array> {
  const executablePath = chromiumPath();
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'budget-desk-print-'));
  const file = join(dir, 'packet.html');
  writeFileSync(file, html, 'utf8');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // Nothing but the local file may load (the packet has no external resources).
    await page.route(/^(?!file:|data:)/, (route) => route.abort());
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 600_000 });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: 0 } as Parameters<typeof page.pdf>[0]);
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
