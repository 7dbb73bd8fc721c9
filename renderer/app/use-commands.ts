import { withFormat } from '../../shared/formats/apply';
import { nextYearSummary } from '../../shared/next-year/summary';
import { type Dispatch, type RefObject, type SetStateAction, useCallback, useState } from 'react';
import type { MenuCommand, RecoveryEntry } from '../../shared/ipc/contract';
import { loadDocument, loadValidatedDocument } from '../../shared/model';
import { documentText } from '../state/document-text';
import { finalAccountsFromBudget } from '../../shared/next-year/final-accounts-from-budget';
import { nextYearDocument } from '../../shared/next-year/next-year';
import { invoke } from '../desk';
import { replayStep } from './block-edit';
import { isBlocking, whileBlocking, whileBusy } from './busy';
import { LARGE_DOC, openParsed } from './large-document';
import type { GridHandle } from '../grid/TableGrid';
import type { DocStore } from '../state/store';
import { NAV } from './nav';
import type { DialogRequest } from './view-props';
import { cancelActiveEdit, commitActiveField } from '../state/form-draft';

/** The dialogs the app shell can show. */
export type Dialog =
  | { kind: 'new' }
  | { kind: 'help' }
  | { kind: 'about' }
  | { kind: 'recovery'; entries: RecoveryEntry[] }
  | { kind: 'notice'; title: string; lines: string[] }
  | { kind: 'row'; request: DialogRequest }
  | { kind: 'prepublish' };

export interface CommandContext {
  store: DocStore;
  gridRef: RefObject<GridHandle | null>;
  message(kind: 'error' | 'info', text: string): void;
  setView: Dispatch<SetStateAction<string>>;
  setDialog(d: Dialog | null): void;
  /** Open 查找和替换 (with the text of the find box, if any). */
  openReplace(): void;
  /** The page shown (`t2` for 表2): 打印/导出当前表 act on its table. */
  view: string;
  /** The export dialog's 合计写成公式 choice, for 导出当前表 too. */
  formulas: boolean;
}

const inTextField = () => Boolean(document.activeElement?.closest('input, textarea, select'));

/**
 * The application menu's commands (also the toolbar's): files through `window.desk`, undo/redo,
 * clipboard, help. Returns the runner and the pending 保存修改？ question for the shell to show.
 */
export function useCommands({ store, gridRef, message, setView, setDialog, openReplace, view, formulas }: CommandContext) {
  const openDoc = useCallback(
    /**
     * `validated`: the text is what main's doc:open / recovery:restore just validated and wrote.
     * `busy`: what the indicator says while a large document opens (正在打开…).
     */
    async (docText: string, path: string | undefined, dirty: boolean, what: string, validated = false, busy = `正在${what}`): Promise<boolean> => {
      const large = docText.length > LARGE_DOC;
      const work = async () => {
        const r = validated ? loadValidatedDocument(docText) : loadDocument(docText);
        if (!r.ok) {
          message('error', `无法${what}：${r.error}`);
          return false;
        }
        await openParsed(store, r.doc, docText, path, dirty, r.verbatim === true);
        setView((v) => (v === 'findings' || v === 'profile' || v.startsWith('t') ? v : 't2'));
        return true;
      };
      if (!large) return work();
      return whileBlocking(() => whileBusy(`${busy}（${(docText.length / 1e6).toFixed(1)} MB）…`, work));
    },
    [message, store, setView],
  );

  const save = useCallback(
    async (saveAs: boolean) => {
      const doc = store.document;
      const sample = doc.sample === true;
      // Saved under the user's own name, the sample becomes their document (no 示例 mark in the file).
      const { sample: _mark, ...own } = doc;
      const r = await invoke('doc:save', {
        ...(store.filePath && !sample ? { path: store.filePath } : {}),
        saveAs: saveAs || sample || !store.filePath,
        docText: documentText(own),
      });
      if (!r.ok) {
        if (!r.canceled) message('error', r.error);
        return;
      }
      await invoke('recovery:discard', { key: store.recoveryKey });
      delete store.document.sample;
      store.markSaved(r.path);
      message('info', `已保存到 ${r.path}`);
    },
    [message, store],
  );

  // Before another document replaces this one: 保存 / 不保存 / 取消 when there are unsaved changes.
  const [ask, setAsk] = useState<((answer: 'save' | 'discard' | 'cancel') => void) | null>(null);
  const keepOrDiscard = useCallback(async (): Promise<boolean> => {
    if (!store.dirty) return true;
    const answer = await new Promise<'save' | 'discard' | 'cancel'>((resolve) => setAsk(() => resolve));
    setAsk(null);
    if (answer === 'cancel') return false;
    if (answer === 'save') {
      await save(false);
      return !store.dirty;
    }
    return true;
  }, [save, store]);

  const run = useCallback(
    async (cmd: MenuCommand) => {
      // Not while a document is being opened in steps: the one on screen is being let go.
      if (isBlocking()) return;
      // 撤销 while a cell is being edited drops the edit in progress (as Excel does), not the step before it.
      if (cmd === 'edit:undo' && cancelActiveEdit()) {
        message('info', '已取消正在输入的内容');
        return;
      }
      // A form field or table cell being typed in is stored first, so 保存, 导出 and 打印 take what is on screen
      // (复制 and 粘贴 act inside the field or cell editor being typed in).
      if (cmd !== 'edit:copy' && cmd !== 'edit:paste') commitActiveField();
      switch (cmd) {
        case 'file:new':
          if (!(await keepOrDiscard())) return;
          setDialog({ kind: 'new' });
          return;
        case 'file:open': {
          if (!(await keepOrDiscard())) return;
          const r = await invoke('doc:open', {});
          if (!r.ok) return void (r.canceled || message('error', r.error));
          if (await openDoc(r.docText, r.path, false, '打开', true)) message('info', `已打开 ${r.path}`);
          return;
        }
        case 'file:save':
          return save(false);
        case 'file:saveAs':
          return save(true);
        case 'file:import': {
          if (!(await keepOrDiscard())) return;
          const r = await invoke('import:file', {});
          if (!r.ok) return void (r.canceled || message('error', r.error));
          if (await openDoc(r.docText, undefined, true, '导入', false, '正在打开导入的文件')) {
            setDialog({ kind: 'notice', title: '导入结果', lines: [r.summary, ...r.warnings, ...r.audit] });
          }
          return;
        }
        case 'file:importCodeList': {
          const r = await invoke('import:codeList', {});
          if (!r.ok) return void (r.canceled || message('error', r.error));
          const u = store.updateDocument('导入科目代码表', (d) => {
            const c = d.classification ?? { function: [], economic: [] };
            c[r.kind] = r.entries;
            d.classification = c;
            return { ok: true };
          });
          if (u.ok) message('info', `已导入${r.kind === 'function' ? '支出功能分类' : '经济分类'}科目 ${r.entries.length} 个`);
          return;
        }
        case 'file:importFormat': {
          // The open document is laid out in the chosen format; its rows and amounts are kept (撤销 undoes it).
          const r = await invoke('format:open', {});
          if (!r.ok) return void (r.canceled || message('error', r.error));
          const u = store.updateDocument('导入格式', (d) => {
            const next = withFormat(d, r.format);
            d.template = next.template;
            if (next.customFormat) d.customFormat = next.customFormat;
            else delete d.customFormat;
            return { ok: true };
          });
          if (u.ok) message('info', `已改用表格格式“${r.format.name}”（${r.format.tables.length} 张表）`);
          return;
        }
        case 'file:exportXlsx':
          // As from 打印预览: the 公开前检查 first, then 仍然导出 or 返回修改.
          setDialog({ kind: 'prepublish' });
          return;
        case 'file:print':
          if (NAV.some((n) => n.id === 'packet')) setView('packet');
          else message('error', '打印公开文件尚未支持：此功能还在开发中');
          return;
        case 'file:printTable':
        case 'file:exportTableXlsx': {
          const table = /^t\d+$/.test(view) ? Number(view.slice(1)) : null;
          const what = cmd === 'file:printTable' ? '打印' : '导出';
          if (table === null) return message('error', `请先在左侧打开要${what}的表（表1–表${store.session.template.tables.length}），再${what}当前表`);
          const docText = documentText(store.document);
          const r = cmd === 'file:printTable' ? await invoke('packet:pdf', { docText, table }) : await invoke('export:xlsx', { docText, table, formulas });
          if (r.ok) message('info', `已${cmd === 'file:printTable' ? '打印' : '导出'}表${table}：${r.path}`);
          else if (!r.canceled) message('error', r.error);
          return;
        }
        case 'file:nextYear': {
          // This year's figures become the prior-year baseline of a new, unsaved draft.
          if (!(await keepOrDiscard())) return;
          const next = nextYearDocument(store.document);
          if (await openDoc(documentText(next), undefined, true, '生成下一年度')) {
            message('info', `已生成 ${nextYearSummary(next)}：本年数已作为上年数，部门、科目、项目清单和名词解释已带入`);
          }
          return;
        }
        case 'file:newFinalAccounts': {
          // The year's 决算 on this budget: its 预算数 become the 年初预算 the 决算数 are stated against.
          const r = finalAccountsFromBudget(store.document);
          if (!r.ok) return message('error', `无法新建部门决算：${r.reason}`);
          if (!(await keepOrDiscard())) return;
          if (await openDoc(documentText(r.doc), undefined, true, '新建部门决算')) {
            message('info', `已生成 ${r.doc.year} 年度部门决算草稿：预算数已作为年初预算，部门和科目已带入`);
          }
          return;
        }
        case 'edit:undo': {
          const l = await replayStep(store, 'back');
          message('info', l ? `已撤销：${l}` : '没有可撤销的操作');
          return;
        }
        case 'edit:redo': {
          const l = await replayStep(store, 'forward');
          message('info', l ? `已重做：${l}` : '没有可重做的操作');
          return;
        }
        case 'edit:copy': {
          // In a text field (a form, a cell editor) the menu acts on the field's own selection.
          if (inTextField()) return void document.execCommand('copy');
          const text = gridRef.current?.copyText() ?? '';
          if (text) await navigator.clipboard.writeText(text).catch(() => message('error', '无法写入剪贴板'));
          return;
        }
        case 'edit:paste': {
          const text = await navigator.clipboard.readText().catch(() => null);
          if (text === null) return message('error', '无法读取剪贴板');
          if (inTextField()) return void document.execCommand('insertText', false, text);
          if (!gridRef.current) return message('error', '请先打开一张表并选择要粘贴到的单元格');
          gridRef.current.pasteText(text);
          return;
        }
        case 'edit:find':
          document.querySelector<HTMLInputElement>('input[name="find"]')?.focus();
          return;
        case 'edit:replace':
          openReplace();
          return;
        case 'help:guide':
          setDialog({ kind: 'help' });
          return;
        case 'help:about':
          setDialog({ kind: 'about' });
          return;
      }
    },
    [message, openDoc, save, store, keepOrDiscard, gridRef, setView, setDialog, openReplace, view, formulas],
  );


  return { run, openDoc, keepOrDiscard, ask };
}
