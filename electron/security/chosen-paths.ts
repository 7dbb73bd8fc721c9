import { isAbsolute, resolve } from 'node:path';

export type Access = 'read' | 'write';

/**
 * The files the user chose in this session: in an open or save dialog, from the command line,
 * the file association, a second launch or 最近打开. The IPC handlers read and write only
 * these (the app's own settings and recovery folders are reached by main itself, never by a
 * path from the renderer), so a compromised page cannot name any other file.
 * A file chosen to save to may also be read; a file chosen to read (an import) is not written.
 */
export class ChosenPaths {
  private readonly granted = new Map<string, Access>();

  private static key(path: string): string | undefined {
    if (!isAbsolute(path) || path.includes('\0')) return undefined;
    const abs = resolve(path);
    return process.platform === 'win32' ? abs.toLowerCase() : abs;
  }

  grant(path: string, access: Access): void {
    const k = ChosenPaths.key(path);
    if (k === undefined) return;
    if (this.granted.get(k) !== 'write') this.granted.set(k, access);
  }

  mayRead(path: string): boolean {
    const k = ChosenPaths.key(path);
    return k !== undefined && this.granted.has(k);
  }

  mayWrite(path: string): boolean {
    const k = ChosenPaths.key(path);
    return k !== undefined && this.granted.get(k) === 'write';
  }
}
