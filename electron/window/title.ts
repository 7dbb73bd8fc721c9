export const APP_TITLE = '部门预算公开编制台';

/** Title bar: file name, an unsaved marker, then the app name. */
export function windowTitle(fileName: string | undefined, dirty: boolean): string {
  const name = fileName ? (fileName.split(/[\\/]/).pop() ?? fileName) : '未命名';
  return `${name}${dirty ? ' ●（未保存）' : ''} - ${APP_TITLE}`;
}
