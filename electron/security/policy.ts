/**
 * The security decisions of the shell as plain functions, so Node tests can prove them:
 * which URLs the window may load, where navigation may go, what the CSP is.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** A page or resource of the app itself (served from disk through `app://desk/`). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== undefined && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/**
 * A web link the user may open in the system browser (after confirming), as its normalised
 * `URL.href` (what the browser is given); undefined for anything but http/https with a host
 * and no credentials.
 */
export function externalWebUrl(url: string): string | undefined {
  const u = parse(url);
  const ok = u !== undefined && (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && u.username === '' && u.password === '';
  return ok ? u.href : undefined;
}

export function isExternalWebUrl(url: string): boolean {
  return externalWebUrl(url) !== undefined;
}

export type NavigationDecision = 'allow' | 'external' | 'deny';

/**
 * A navigation of the app window (`will-navigate`, `will-redirect`, `window.open`, link with target):
 * only the app's own page may load in it; web links go to the system browser after a confirmation;
 * everything else (file:, data:, javascript:, other schemes) is refused.
 */
export function navigationDecision(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  if (isExternalWebUrl(url)) return 'external';
  return 'deny';
}

/** New windows are never opened by the app; a web link is offered to the system browser instead. */
export function windowOpenDecision(url: string): 'external' | 'deny' {
  return isExternalWebUrl(url) ? 'external' : 'deny';
}

/** Requests the app's session may make: only its own files and in-memory data. No remote content. */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  const u = parse(url);
  if (!u) return false;
  return u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:' || u.protocol === 'chrome-extension:';
}

/** Strict Content-Security-Policy: scripts only from the app, no remote anything, no plugins, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // AG Grid and React set style attributes; styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "child-src 'self' blob:",
  "manifest-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Permissions a page may get: clipboard for pasting blocks from Excel/WPS; nothing else (no camera, geolocation, notifications…). */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return isAppUrl(requestingUrl) && (permission === 'clipboard-read' || permission === 'clipboard-sanitized-write');
}

/** A frame inside the page (e.g. a packet preview) may show app pages or inline documents, never remote ones. */
export function frameNavigationDecision(url: string): 'allow' | 'deny' {
  return isAppUrl(url) || url === 'about:blank' || url === 'about:srcdoc' ? 'allow' : 'deny';
}
