import { promises as fs } from 'node:fs';
import { protocol } from 'electron';
import { mimeType, resolveAppPath } from '../security/app-path';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from '../security/policy';

/** Must run before `app.ready`: `app://` behaves like a secure web origin (fetch, workers, storage). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serve the built renderer from disk; every response carries the CSP. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(rendererDir, request.url);
    const headers = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' };
    if (!file) return new Response('不允许的地址', { status: 403, headers });
    try {
      const body = await fs.readFile(file);
      return new Response(body, { status: 200, headers: { ...headers, 'content-type': mimeType(file) } });
    } catch {
      return new Response('找不到文件', { status: 404, headers });
    }
  });
}
