import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';

export interface MenuActions {
  send(command: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
  quit(): void;
}

export interface MenuOptions {
  recentFiles: readonly string[];
  isMac: boolean;
  devTools: boolean;
}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/**
 * The Chinese application menu. Every item sends a command to the renderer. Shortcuts the page
 * handles itself (Ctrl+S, Ctrl+Z/Y/C/V) are shown but not captured by the menu, so text fields
 * and the grid keep them and nothing runs twice; a menu click still sends the command.
 */
export function buildMenuTemplate(opts: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: MenuCommand, accelerator?: string, registerAccelerator = true): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator, registerAccelerator } : {}),
    click: () => actions.send(command),
  });
  const recent: MenuItemConstructorOptions[] =
    opts.recentFiles.length === 0
      ? [{ label: '（无）', enabled: false }]
      : [
          ...opts.recentFiles.map((p, i) => ({ label: `${i + 1}. ${baseName(p)}`, toolTip: p, click: () => actions.openRecent(p) })),
          { type: 'separator' as const },
          { label: '清除列表', click: () => actions.clearRecent() },
        ];
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        cmd('新建', 'file:new', 'CmdOrCtrl+N'),
        cmd('打开', 'file:open', 'CmdOrCtrl+O'),
        { label: '最近打开', submenu: recent },
        { type: 'separator' },
        // The page handles Ctrl+S itself (also inside cell editors); the menu must not save twice.
        cmd('保存', 'file:save', 'CmdOrCtrl+S', false),
        cmd('另存为', 'file:saveAs', 'CmdOrCtrl+Shift+S', false),
        { type: 'separator' },
        cmd('导入…', 'file:import', 'CmdOrCtrl+I'),
        cmd('新建下一年度预算…', 'file:nextYear'),
        cmd('由本年度预算新建部门决算…', 'file:newFinalAccounts'),
        cmd('导入科目表…', 'file:importCodeList'),
        cmd('导入格式…', 'file:importFormat'),
        cmd('导出 Excel…', 'file:exportXlsx', 'CmdOrCtrl+E'),
        cmd('打印公开文件…', 'file:print', 'CmdOrCtrl+P'),
        cmd('打印当前表…', 'file:printTable', 'CmdOrCtrl+Shift+P'),
        cmd('导出当前表为 Excel…', 'file:exportTableXlsx'),
        { type: 'separator' },
        { label: '退出', accelerator: opts.isMac ? 'Cmd+Q' : 'Alt+F4', click: () => actions.quit() },
      ],
    },
    {
      label: '编辑',
      submenu: [
        cmd('撤销', 'edit:undo', 'CmdOrCtrl+Z', false),
        cmd('重做', 'edit:redo', opts.isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', false),
        { type: 'separator' },
        cmd('复制', 'edit:copy', 'CmdOrCtrl+C', false),
        cmd('粘贴', 'edit:paste', 'CmdOrCtrl+V', false),
        { type: 'separator' },
        cmd('查找', 'edit:find', 'CmdOrCtrl+F'),
        // Ctrl+H as in Excel/WPS (on a Mac Cmd+H hides the app, so Ctrl+H there too).
        cmd('查找和替换…', 'edit:replace', 'Ctrl+H'),
      ],
    },
    {
      label: '视图',
      submenu: [
        // The page zooms itself (CSS zoom, remembered) and handles these keys, also Ctrl+wheel.
        cmd('放大', 'view:zoomIn', 'CmdOrCtrl+=', false),
        cmd('缩小', 'view:zoomOut', 'CmdOrCtrl+-', false),
        cmd('实际大小', 'view:zoomReset', 'CmdOrCtrl+0', false),
        cmd('收起/展开导航', 'view:toggleNav'),
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(opts.devTools ? [{ type: 'separator' as const }, { label: '开发者工具', role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: '帮助',
      submenu: [cmd('使用说明', 'help:guide', 'F1'), cmd('关于', 'help:about')],
    },
  ];
  if (opts.isMac) template.unshift({ role: 'appMenu' });
  return template;
}
