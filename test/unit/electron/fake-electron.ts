import { EventEmitter } from 'node:events';

/**
 * A recording stand-in for the `electron` module, just wide enough to run the built main bundle
 * in Node (the real Electron binary cannot be downloaded here). It records what main asks of
 * Electron and lets tests fire the events Electron would fire.
 */
export interface Recorded {
  privileged: unknown[];
  protocolHandlers: Map<string, (req: { url: string }) => Promise<Response>>;
  ipc: Map<string, (event: unknown, payload: unknown) => Promise<unknown>>;
  menus: unknown[];
  windows: FakeWindow[];
  beforeRequest?: (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
  headersReceived?: (details: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void;
  permissionRequest?: (wc: { getURL(): string }, permission: string, cb: (ok: boolean) => void) => void;
  messageBoxes: Array<{ message: string; buttons?: string[]; detail?: string }>;
  messageBoxAnswers: number[];
  externalOpened: string[];
  quit: number;
  singleInstance: boolean;
}

export class FakeWebContents extends EventEmitter {
  sent: Array<[string, unknown]> = [];
  openHandler?: (d: { url: string }) => { action: string };
  url = 'app://desk/index.html';
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.openHandler = h;
  }
  getURL() {
    return this.url;
  }
}

export class FakeWindow extends EventEmitter {
  webContents = new FakeWebContents();
  titles: string[] = [];
  closed = 0;
  focused = 0;
  loaded: string[] = [];
  constructor(
    public options: Record<string, unknown>,
    rec: Recorded,
  ) {
    super();
    rec.windows.push(this);
  }
  async loadURL(url: string) {
    this.loaded.push(url);
  }
  setTitle(t: string) {
    this.titles.push(t);
  }
  setDocumentEdited() {}
  show() {}
  focus() {
    this.focused++;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  getNormalBounds() {
    return { x: 10, y: 20, width: 1300, height: 850 };
  }
  destroy() {}
  /** Like Electron: `close` can be prevented by a listener. */
  close() {
    let prevented = false;
    this.emit('close', {
      preventDefault: () => {
        prevented = true;
      },
    });
    if (!prevented) this.closed++;
  }
}

export function fakeElectron(opts: { userData: string; appPath: string }) {
  const rec: Recorded = {
    privileged: [],
    protocolHandlers: new Map(),
    ipc: new Map(),
    menus: [],
    windows: [],
    messageBoxes: [],
    messageBoxAnswers: [],
    externalOpened: [],
    quit: 0,
    singleInstance: true,
  };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    requestSingleInstanceLock: () => rec.singleInstance,
    quit: () => {
      rec.quit++;
    },
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(name);
      return opts.userData;
    },
    getVersion: () => '0.1.0',
    getAppPath: () => opts.appPath,
  });
  const session = {
    webRequest: {
      onBeforeRequest: (h: Recorded['beforeRequest']) => {
        rec.beforeRequest = h;
      },
      onHeadersReceived: (h: Recorded['headersReceived']) => {
        rec.headersReceived = h;
      },
    },
    setPermissionRequestHandler: (h: Recorded['permissionRequest']) => {
      rec.permissionRequest = h;
    },
    setPermissionCheckHandler: () => {},
  };
  const BrowserWindow = class extends FakeWindow {
    constructor(o: Record<string, unknown>) {
      super(o, rec);
    }
    static getAllWindows() {
      return rec.windows.filter((w) => w.closed === 0);
    }
  };
  const answer = async (o: { message: string; buttons?: string[]; detail?: string }) => {
    rec.messageBoxes.push(o);
    return { response: rec.messageBoxAnswers.shift() ?? 0 };
  };
  const electron = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => rec.privileged.push(...s),
      handle: (scheme: string, h: (req: { url: string }) => Promise<Response>) => rec.protocolHandlers.set(scheme, h),
    },
    session: { defaultSession: session, fromPartition: () => session },
    ipcMain: { handle: (c: string, h: (e: unknown, p: unknown) => Promise<unknown>) => rec.ipc.set(c, h) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => rec.menus.push(m) },
    dialog: {
      showMessageBox: (a: unknown, b?: unknown) => answer((b ?? a) as { message: string }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    shell: {
      openExternal: async (url: string) => {
        rec.externalOpened.push(url);
      },
    },
  };
  return { electron, rec, app };
}
