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
    case 'ENAMETOOLONG':
      return `${action}${name}失败：文件路径过长`;
    case 'EMFILE':
      return `${action}${name}失败：打开的文件过多，请稍后重试`;
    default: {
      const detail = e instanceof Error ? e.message : String(e);
      return `${action}${name}失败：${detail}`;
    }
  }
}
