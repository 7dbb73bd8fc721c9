import type { MenuItemConstructorOptions } from 'electron';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFromArgv } from '../../../electron/app/argv';
import { collectLicenses } from '../../../electron/app/licenses';
import { buildMenuTemplate } from '../../../electron/menu/template';
import { CloseGuard } from '../../../electron/window/close-guard';
import { windowTitle } from '../../../electron/window/title';
import type { MenuCommand } from '../../../shared/ipc/contract';

function menu(recentFiles: string[] = [], isMac = false) {
  const sent: MenuCommand[] = [];
  const opened: string[] = [];
  let quit = 0;
  const t = buildMenuTemplate({ recentFiles, isMac, devTools: false }, { send: (c) => sent.push(c), openRecent: (p) => opened.push(p), clearRecent: () => {}, quit: () => quit++ });
  const sub = (label: string) => (t.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
  const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();
  return { t, sub, sent, opened, click, quits: () => quit };
}

const labels = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);

describe('the Chinese application menu', () => {
  it('has exactly the items of the issue, in order', () => {
    const { t, sub } = menu();
    expect(t.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(sub('文件'))).toEqual(['新建', '打开', '最近打开', '保存', '另存为', '导入…', '新建下一年度预算…', '由本年度预算新建部门决算…', '导入科目表…', '导入格式…', '导出 Excel…', '打印公开文件…', '打印当前表…', '导出当前表为 Excel…', '退出']);
    expect(labels(sub('编辑'))).toEqual(['撤销', '重做', '复制', '粘贴', '查找', '查找和替换…']);
    expect(labels(sub('帮助'))).toEqual(['使用说明', '关于']);
    expect(labels(sub('视图'))).toEqual(['放大', '缩小', '实际大小', '收起/展开导航', '全屏']);
  });

  it('sends each command to the renderer', () => {
    const m = menu();
    for (const group of ['文件', '编辑', '帮助']) for (const item of m.sub(group)) if (item.label !== '最近打开' && item.label !== '退出') m.click(item);
    expect(m.sent).toEqual(['file:new', 'file:open', 'file:save', 'file:saveAs', 'file:import', 'file:nextYear', 'file:newFinalAccounts', 'file:importCodeList', 'file:importFormat', 'file:exportXlsx', 'file:print', 'file:printTable', 'file:exportTableXlsx', 'edit:undo', 'edit:redo', 'edit:copy', 'edit:paste', 'edit:find', 'edit:replace', 'help:guide', 'help:about']);
    m.click(m.sub('文件').find((i) => i.label === '退出'));
    expect(m.quits()).toBe(1);
  });

  it('leaves Ctrl+S and Ctrl+Z/Y/C/V to the page (text fields, grid, its own save shortcut) while showing them', () => {
    const edit = menu().sub('编辑');
    for (const label of ['撤销', '重做', '复制', '粘贴']) expect(edit.find((i) => i.label === label)?.registerAccelerator, label).toBe(false);
    const file = menu().sub('文件');
    expect(file.find((i) => i.label === '保存')).toMatchObject({ accelerator: 'CmdOrCtrl+S', registerAccelerator: false });
    expect(file.find((i) => i.label === '打开')).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: true });
    expect(edit.find((i) => i.label === '查找')).toMatchObject({ accelerator: 'CmdOrCtrl+F', registerAccelerator: true });
  });

  it('sends 视图 zoom/nav commands to the page, which zooms itself (keys left to it, remembered there)', () => {
    const m = menu();
    const view = m.sub('视图');
    for (const item of view) if (item.click) m.click(item);
    expect(m.sent).toEqual(['view:zoomIn', 'view:zoomOut', 'view:zoomReset', 'view:toggleNav']);
    expect(view.find((i) => i.label === '放大')).toMatchObject({ accelerator: 'CmdOrCtrl+=', registerAccelerator: false });
    expect(view.find((i) => i.label === '实际大小')).toMatchObject({ accelerator: 'CmdOrCtrl+0', registerAccelerator: false });
  });

  it('lists recent files by name and opens the full path', () => {
    const m = menu(['/home/kj/甲局2025.budget', 'C:\\预算\\乙局.budget']);
    const recent = m.sub('文件').find((i) => i.label === '最近打开')?.submenu as MenuItemConstructorOptions[];
    expect(labels(recent)).toEqual(['1. 甲局2025.budget', '2. 乙局.budget', '清除列表']);
    m.click(recent[1]);
    expect(m.opened).toEqual(['C:\\预算\\乙局.budget']);
    const empty = menu().sub('文件').find((i) => i.label === '最近打开')?.submenu as MenuItemConstructorOptions[];
    expect(empty).toEqual([{ label: '（无）', enabled: false }]);
  });
});

describe('window title', () => {
  it('shows the file name, the unsaved marker and the app name', () => {
    expect(windowTitle('/home/kj/甲局2025.budget', true)).toBe('甲局2025.budget ●（未保存） - 部门预算公开编制台');
    expect(windowTitle('C:\\预算\\乙局.budget', false)).toBe('乙局.budget - 部门预算公开编制台');
    expect(windowTitle(undefined, true)).toBe('未命名 ●（未保存） - 部门预算公开编制台');
  });
});

describe('closing with unsaved changes', () => {
  it('closes at once when nothing is unsaved', () => {
    expect(new CloseGuard().onClose()).toBe('close');
  });
  it('asks; "cancel" stays; "discard" closes', () => {
    const g = new CloseGuard();
    g.setDirty(true);
    expect(g.onClose()).toBe('ask');
    expect(g.choose('cancel')).toBe('stay');
    expect(g.onClose()).toBe('ask');
    expect(g.choose('discard')).toBe('close');
    expect(g.onClose()).toBe('close');
  });
  it('"save" waits for the renderer to report a clean document, then closes', () => {
    const g = new CloseGuard();
    g.setDirty(true);
    expect(g.choose('save')).toBe('save');
    expect(g.onClose()).toBe('wait');
    expect(g.setDirty(true)).toBe(false);
    expect(g.setDirty(false)).toBe(true);
    expect(g.onClose()).toBe('close');
  });
  it('a cancelled or failed save keeps the window and forgets the pending close', () => {
    const g = new CloseGuard();
    g.setDirty(true);
    g.choose('save');
    g.saveFailed();
    expect(g.onClose()).toBe('ask');
    expect(g.setDirty(false)).toBe(false); // a later save does not close the window by surprise
  });
});

describe('files given on the command line', () => {
  it('finds the document of a double-click, "open with", or a second launch', () => {
    expect(fileFromArgv(['/opt/部门预算公开编制台/budget-desk', '/home/kj/甲局.budget'], '/')).toBe('/home/kj/甲局.budget');
    expect(fileFromArgv(['C:\\Program Files\\x\\budget-desk.exe', '--allow-file-access', 'D:\\预算\\乙局.BUDGET'], 'C:\\')).toMatch(/乙局\.BUDGET$/);
    expect(fileFromArgv(['budget-desk', '2024公开.pdf'], '/home/kj')).toBe(join('/home/kj', '2024公开.pdf'));
    expect(fileFromArgv(['budget-desk', 'book.xlsx', '--x'], '/d')).toBe('/d/book.xlsx');
    expect(fileFromArgv(['budget-desk', 'file:///home/kj/%E7%94%B2%E5%B1%80.budget'], '/')).toBe('/home/kj/甲局.budget');
    expect(fileFromArgv(['budget-desk', 'file://remote-host/share/a.budget'], '/')).toBeUndefined();
  });
  it('ignores the executable, switches and a development launch (`electron .`, main script)', () => {
    expect(fileFromArgv(['/usr/bin/electron', '.'], '/w')).toBeUndefined();
    expect(fileFromArgv(['/usr/bin/electron', '/w/main', '--inspect=9229'], '/w')).toBeUndefined();
    expect(fileFromArgv(['/usr/bin/electron', 'dist/electron/main.cjs'], '/w')).toBeUndefined();
    expect(fileFromArgv(['/opt/x/budget-desk', '--no-sandbox', '-psn_0_1234'], '/')).toBeUndefined();
    expect(fileFromArgv(['budget-desk'], '/')).toBeUndefined();
  });
});

describe('licence notices for 帮助 → 关于', () => {
  it('lists the production libraries with their installed versions and licences', async () => {
    const list = await collectLicenses(join(import.meta.dirname, '..', '..', '..'), [{ name: 'Electron', version: '45.5.0', license: 'MIT' }]);
    const byName = new Map(list.map((l) => [l.name, l]));
    expect(byName.get('Electron')?.license).toBe('MIT');
    expect(byName.get('decimal.js')?.license).toBe('MIT');
    expect(byName.get('exceljs')?.license).toBe('MIT');
    expect(byName.get('pdfjs-dist')?.license).toBe('Apache-2.0');
    expect(byName.get('zod')?.version).toMatch(/^3\./);
    expect(byName.has('vitest')).toBe(false);
  });

  it('prefers the list written by the build (it includes what Vite bundled into the renderer)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'desk-lic-'));
    await mkdir(join(dir, 'dist', 'electron'), { recursive: true });
    await writeFile(join(dir, 'dist', 'electron', 'licenses.json'), JSON.stringify([{ name: 'react', version: '19.3.1', license: 'MIT' }, { bogus: 1 }]));
    expect(await collectLicenses(dir, [{ name: 'Electron', version: '45.5.0', license: 'MIT' }])).toEqual([
      { name: 'Electron', version: '45.5.0', license: 'MIT' },
      { name: 'react', version: '19.3.1', license: 'MIT' },
    ]);
  });
});
