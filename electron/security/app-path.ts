import { extname, isAbsolute, join, normalize, relative } from 'node:path';
import { APP_HOST, APP_SCHEME } from './policy';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file on disk an `app://desk/...` URL stands for, or undefined when the URL is not the
 * app's or would leave the renderer folder (`..`, encoded slashes, absolute paths, NUL).
 */
export function resolveAppPath(rendererDir: string, url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  if (path === '/' || path === '') path = '/index.html';
  const rel = normalize(path.replace(/^\/+/, ''));
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  const file = join(rendererDir, rel);
  const back = relative(rendererDir, file);
  if (back.startsWith('..') || isAbsolute(back)) return undefined;
  return file;
}
