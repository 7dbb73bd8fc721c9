import { basename } from 'node:path';

/** A file-system error as a Chinese sentence naming the file and what went wrong. */
export function describeFsError(e: unknown, action: string, path: string): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const name = `“${basename(path)}”`;
  switch (code) {
    case 'ENOENT':
      return `${action}${name}失败：文件或文件夹不存在（${path}）`;
    case 'EACCES':
    case 'EPERM':
      return `${action}${name}失败：没有权限（${path}）`;
    case 'ENOSPC':
      return `${action}${name}失败：磁盘空间不足`;
    case 'EROFS':
      return `${action}${name}失败：磁盘或文件夹是只读的`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `${action}${name}失败：文件正被其他程序占用，请关闭后重试`;
    case 'EISDIR':
      return `${action}${name}失败：这是一个文件夹，不是文件`;
    case 'ENOTREG':
      return `${action}${name}失败：这不是普通文件（是设备、管道或其他特殊文件）`;
    case 'EFBIG': {
      const { size, max } = e as { size?: number; max?: number };
      const mb = (n: number) => `${Math.ceil(n / 1048576)} MB`;
      return `${action}${name}失败：文件过大${size && max ? `（${mb(size)}，上限 ${mb(max)}）` : ''}`;
    }
    case 'ENAMETOOLONG':
      return `${action}${name}失败：文件路径过长`;
    case 'EMFILE':
    case 'ENFILE':
      return `${action}${name}失败：打开的文件过多，请稍后重试`;
    case 'ENOTDIR':
      return `${action}${name}失败：路径中有一段不是文件夹（${path}）`;
    case 'ELOOP':
      return `${action}${name}失败：符号链接循环（${path}）`;
    case 'EDQUOT':
      return `${action}${name}失败：磁盘配额已用完`;
    case 'EIO':
      return `${action}${name}失败：磁盘或网络读写出错`;
    default: {
      // Node's own message is English; a bare code still says what happened.
      if (code) return `${action}${name}失败：系统错误 ${code}`;
      const detail = e instanceof Error ? e.message : String(e);
      return `${action}${name}失败：${detail}`;
    }
  }
}

/** A path that exists but is not a regular file (folder, device, FIFO, socket): never read or written over. */
export function notRegularFile(path: string, isDirectory: boolean): NodeJS.ErrnoException {
  return Object.assign(new Error(`不是普通文件：${path}`), { code: isDirectory ? 'EISDIR' : 'ENOTREG', path });
}

export function fileTooLarge(path: string, size: number, max: number): NodeJS.ErrnoException {
  return Object.assign(new Error(`文件过大：${path}`), { code: 'EFBIG', path, size, max });
}
