import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../../electron/security/app-path';
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  frameNavigationDecision,
  isAllowedRequest,
  isPermissionAllowed,
  navigationDecision,
  windowOpenDecision,
} from '../../../electron/security/policy';

describe('navigation and new windows', () => {
  it('the app may move between its own pages only', () => {
    expect(APP_ENTRY).toBe('app://desk/index.html');
    expect(navigationDecision('app://desk/index.html#/table/2')).toBe('allow');
    expect(navigationDecision('app://desk/')).toBe('allow');
  });

  it('web links never load in the window: they are offered to the system browser', () => {
    for (const url of ['https://www.mof.gov.cn/', 'http://example.com/a?b=c', 'HTTPS://EXAMPLE.COM']) expect(navigationDecision(url), url).toBe('external');
  });

  it('everything else is refused outright', () => {
    for (const url of [
      'file:///etc/passwd',
      'file:///C:/Windows/win.ini',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'app://evil/index.html',
      'app://desk@evil/index.html',
      'chrome://settings',
      'devtools://devtools/bundled/inspector.html',
      'about:blank',
      'ftp://example.com/',
      'https://user:pass@example.com/',
      'not a url',
      '',
    ])
      expect(navigationDecision(url), url).toBe('deny');
  });

  it('window.open never opens a window; web links go to the browser, the rest is dropped', () => {
    expect(windowOpenDecision('https://www.gov.cn/')).toBe('external');
    expect(windowOpenDecision('app://desk/index.html')).toBe('deny');
    expect(windowOpenDecision('about:blank')).toBe('deny');
    expect(windowOpenDecision('javascript:void(0)')).toBe('deny');
  });

  it('frames may show app pages or inline documents (packet preview) but not remote pages', () => {
    expect(frameNavigationDecision('about:srcdoc')).toBe('allow');
    expect(frameNavigationDecision('app://desk/preview.html')).toBe('allow');
    expect(frameNavigationDecision('https://example.com/')).toBe('deny');
    expect(frameNavigationDecision('file:///etc/passwd')).toBe('deny');
  });
});

describe('no remote content', () => {
  it('only app files and in-memory data may be requested', () => {
    expect(isAllowedRequest('app://desk/assets/index-abc.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('blob:app://desk/1234')).toBe(true);
    for (const url of ['https://fonts.googleapis.com/css', 'http://127.0.0.1:5173/', 'ws://localhost/', 'file:///etc/passwd', 'app://other/x.js', 'ftp://x/'])
      expect(isAllowedRequest(url), url).toBe(false);
  });

  it('the CSP allows scripts from the app only and forbids remote loads, plugins, framing and form posts', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('pages get clipboard access for pasting blocks, nothing else, and only the app', () => {
    expect(isPermissionAllowed('clipboard-read', 'app://desk/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-read', 'https://evil.example/')).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'hid', 'serial']) expect(isPermissionAllowed(p, 'app://desk/index.html'), p).toBe(false);
  });
});

describe('app:// serves files from the renderer folder only', () => {
  const dir = '/opt/desk/dist/renderer';
  it('maps app URLs into the folder', () => {
    expect(resolveAppPath(dir, 'app://desk/')).toBe(join(dir, 'index.html'));
    expect(resolveAppPath(dir, 'app://desk/index.html?x=1#a')).toBe(join(dir, 'index.html'));
    expect(resolveAppPath(dir, 'app://desk/assets/index-DpD2.js')).toBe(join(dir, 'assets/index-DpD2.js'));
    expect(resolveAppPath(dir, 'app://desk/%E8%AF%B4%E6%98%8E.html')).toBe(join(dir, '说明.html'));
  });

  it('refuses escapes and other hosts', () => {
    // Dot segments are resolved by the URL parser at the root, so they cannot climb out.
    expect(resolveAppPath(dir, 'app://desk/%2e%2e/%2e%2e/etc/passwd')).toBe(join(dir, 'etc/passwd'));
    expect(resolveAppPath(dir, 'app://desk/../../etc/passwd')).toBe(join(dir, 'etc/passwd'));
    for (const url of [
      'app://desk/..%2f..%2fetc%2fpasswd',
      'app://desk/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://desk/assets%5c..%5c..%5csecret',
      'app://desk/a%00.html',
      'app://desk/%E0%A4%A',
      'app://other/index.html',
      'file:///opt/desk/dist/renderer/index.html',
      'https://desk/index.html',
    ])
      expect(resolveAppPath(dir, url), url).toBeUndefined();
  });
});
