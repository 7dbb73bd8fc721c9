import { app, type Session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, externalWebUrl, frameNavigationDecision, isAllowedRequest, isPermissionAllowed, navigationDecision, windowOpenDecision } from '../security/policy';

/** No remote content: every request that is not the app's own file or in-memory data is cancelled. */
export function hardenSession(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.setPermissionRequestHandler((wc, permission, callback) => callback(isPermissionAllowed(permission, wc.getURL())));
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
}

/**
 * Every web contents (the window and anything it might try to create): navigation only inside
 * the app, no new windows, no <webview>; web links go to the system browser after `confirm`.
 */
export function hardenWebContents(confirmExternal: (url: string) => Promise<boolean>): void {
  const offerExternal = (raw: string) => {
    // The normalised URL.href is both shown and opened.
    const url = externalWebUrl(raw);
    if (url) void confirmExternal(url).then((yes) => (yes ? shell.openExternal(url) : undefined));
  };
  app.on('web-contents-created', (_event, contents: WebContents) => {
    const guard = (event: { preventDefault(): void }, url: string) => {
      const d = navigationDecision(url);
      if (d === 'allow') return;
      event.preventDefault();
      if (d === 'external') offerExternal(url);
    };
    contents.on('will-navigate', guard);
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame && frameNavigationDecision(event.url) === 'deny') event.preventDefault();
    });
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (windowOpenDecision(url) === 'external') offerExternal(url);
      return { action: 'deny' };
    });
  });
}
