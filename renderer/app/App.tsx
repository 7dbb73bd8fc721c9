import { documentKind } from '../../shared/formats/labels';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { BudgetSession } from '../../shared/engine/session';
import type { OpenedFile } from '../../shared/ipc/contract';
import type { BudgetDocument } from '../../shared/model';
import { documentTextInSlices } from '../state/document-text';
import { sampleDocument } from '../../shared/samples/sample-department';
import { hasDesk, invoke } from '../desk';
import { AboutDialog } from '../dialogs/AboutDialog';
import { AddRowDialog } from '../dialogs/AddRowDialog';
import { HelpDialog } from '../dialogs/HelpDialog';
import { Modal } from '../dialogs/Modal';
import { NewDialog } from '../dialogs/NewDialog';
import { RecoveryDialog } from '../dialogs/RecoveryDialog';
import type { GridHandle } from '../grid/TableGrid';
import { commitActiveField } from '../state/form-draft';
import { DocStore } from '../state/store';
import { FindingsSheetOption, FormulasOption, PrePublishDialog } from '../packet/PrePublishDialog';
import { exportWorkbook } from './export-workbook';
import { BusyIndicator } from './BusyIndicator';
import { isBlocking, useBlocking } from './busy';
import { FindBox } from './FindBox';
import { FindReplacePanel } from './FindReplacePanel';
import { JobProgressPanel } from './JobProgressPanel';
import { navEntry, navFor, stripLabel } from './nav';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { type Dialog, useCommands } from './use-commands';
import { usePersisted } from './use-persisted';
import { useZoom } from './use-zoom';
import { ZoomControl } from './ZoomControl';
import type { FocusRequest } from './view-props';

const AUTOSAVE_MS = 30_000;

export interface Message {
  kind: 'error' | 'info';
  text: string;
  seq: number;
}

const isBool = (v: unknown): v is boolean => typeof v === 'boolean';

const baseName = (p: string | undefined) => (p ? (p.split(/[\\/]/).pop() ?? p) : undefined);

export function App() {
  const [store] = useState(() => new DocStore(sampleDocument()));
  const version = useSyncExternalStore(store.subscribe, () => store.version);
  const [view, setView] = useState('t2');
  // A "go to row" belongs to the document it was asked in: another document never inherits it.
  const [focus, setFocus] = useState<(FocusRequest & { doc: BudgetSession }) | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [findingsSheet, setFindingsSheet] = useState(false);
  const [formulas, setFormulas] = useState(false);
  const [msg, setMsg] = useState<Message | null>(null);
  const [defaultUnit, setDefaultUnit] = useState<'万元' | '元'>('万元');
  const gridRef = useRef<GridHandle | null>(null);
  const [navCollapsed, setNavCollapsed] = usePersisted('desk.navCollapsed', false, isBool);
  const { zoom, step: stepZoom, reset: resetZoom } = useZoom();
  const seq = useRef(0);

  const message = useCallback((kind: 'error' | 'info', text: string) => {
    seq.current++;
    setMsg({ kind, text, seq: seq.current });
  }, []);

  // Another page: what is being typed (a cell, a form field) is stored first, as clicking another cell would.
  const show = useCallback((navId: string) => {
    commitActiveField();
    setView(navId);
  }, []);

  const go = useCallback((navId: string, f?: Omit<FocusRequest, 'seq'>) => {
    show(navId);
    if (f) {
      seq.current++;
      setFocus({ ...f, seq: seq.current, doc: store.session });
    }
  }, [store, show]);

  // 查找和替换 (a panel beside the tables); `seq` opens it afresh, with the find box's text.
  const [replace, setReplace] = useState<{ initial: string; seq: number } | null>(null);
  const openReplace = useCallback((text?: string) => {
    seq.current++;
    setReplace({ initial: text ?? document.querySelector<HTMLInputElement>('input[name="find"]')?.value ?? '', seq: seq.current });
  }, []);
  const { run, openDoc, keepOrDiscard, ask } = useCommands({ store, gridRef, message, setView, setDialog, openReplace, view, formulas });
  // Menu commands and files opened from outside (command line, file association, second launch).
  useEffect(() => {
    const desk = window.desk;
    if (!desk) return;
    const offMenu = desk.onMenu((c) => {
      // The 视图 menu acts on the window, not the document.
      if (c === 'view:zoomIn') stepZoom(1);
      else if (c === 'view:zoomOut') stepZoom(-1);
      else if (c === 'view:zoomReset') resetZoom();
      else if (c === 'view:toggleNav') setNavCollapsed((v) => !v);
      else void run(c);
    });
    const offOpen = desk.onOpenFile(async (f: OpenedFile) => {
      if (isBlocking()) return message('error', `正在打开另一份文档，未打开 ${f.path}：请稍后再打开`);
      commitActiveField();
      if (!(await keepOrDiscard())) return;
      if (await openDoc(f.docText, f.imported ? undefined : f.path, Boolean(f.imported), '打开', !f.imported)) {
        if (f.imported) setDialog({ kind: 'notice', title: '导入结果', lines: [f.summary ?? `已导入 ${f.path}`, ...(f.warnings ?? []), ...(f.audit ?? [])] });
        else message('info', `已打开 ${f.path}`);
      }
    });
    return () => {
      offMenu();
      offOpen();
    };
  }, [run, openDoc, message, keepOrDiscard, stepZoom, resetZoom, setNavCollapsed]);

  // At start: offer drafts kept by autosave, and read the default unit.
  useEffect(() => {
    if (!hasDesk()) return;
    void invoke('recovery:list', {}).then((r) => {
      if (r.ok && r.entries.length > 0) setDialog({ kind: 'recovery', entries: r.entries });
    });
    void invoke('settings:get', {}).then((r) => {
      if (r.ok) setDefaultUnit(r.settings.defaultUnit);
    });
  }, []);

  // Autosave a dirty document to the recovery folder, once per change: a copy already kept is not
  // written again. Its text is written a slice of rows per task (a 100,000-item document in one go
  // held the window 100–340 ms); a change meanwhile leaves it to the next tick.
  useEffect(() => {
    let kept: { key: string; revision: number } | null = null;
    let writing = false;
    const id = window.setInterval(() => {
      if (!store.dirty || !hasDesk() || writing) return;
      const key = store.recoveryKey;
      const revision = store.documentRevision;
      if (kept?.key === key && kept.revision === revision) return;
      const doc = store.document;
      const path = store.filePath;
      writing = true;
      void documentTextInSlices(doc, () => store.document === doc && store.documentRevision === revision && store.recoveryKey === key)
        .then(async (docText) => {
          if (docText === null) return;
          const r = await invoke('doc:autosave', { key, ...(path ? { path } : {}), docText });
          if (r.ok) kept = { key, revision };
        })
        .finally(() => {
          writing = false;
        });
    }, AUTOSAVE_MS);
    return () => window.clearInterval(id);
  }, [store]);

  // Window title: file name and unsaved marker.
  const fileName = baseName(store.filePath) ?? (store.document.sample ? '示例部门' : '未命名');
  const dirty = store.dirty;
  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${fileName} — 部门预算公开编制台`;
    if (hasDesk()) void invoke('window:state', { fileName, dirty });
  }, [fileName, dirty]);

  // Undo/redo and save shortcuts outside text fields and cell editors.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const t = e.target as HTMLElement | null;
      const typing = t?.closest('input, textarea, select, .ag-cell-inline-editing');
      const k = e.key.toLowerCase();
      if (k === 's') {
        e.preventDefault();
        void run(e.shiftKey ? 'file:saveAs' : 'file:save');
      } else if (k === 'h' && !e.shiftKey && !e.altKey) {
        e.preventDefault();
        void run('edit:replace');
      } else if (!typing && k === 'z' && !e.shiftKey) {
        e.preventDefault();
        void run('edit:undo');
      } else if (!typing && (k === 'y' || (k === 'z' && e.shiftKey))) {
        e.preventDefault();
        void run('edit:redo');
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [run]);

  // Links never replace the app: web links go through main (which asks first), others are ignored.
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const a = (e.target as HTMLElement | null)?.closest('a[href]');
      if (!a) return;
      const href = a.getAttribute('href') ?? '';
      if (href.startsWith('#')) return;
      e.preventDefault();
      if (/^https?:\/\//i.test(href)) void invoke('shell:openExternal', { url: href });
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);

  const nav = navFor(store.session.template);
  const entry = navEntry(view, nav);
  const doc = store.document;
  const counts = store.counts();
  const blocking = useBlocking();
  return (
    <div className="app" style={{ zoom }} inert={blocking}>
      <Toolbar run={run} canUndo={store.canUndo()} canRedo={store.canRedo()} />
      <div className="doc-bar">
        <span className="doc-title">
          {doc.department} {doc.year} 年{documentKind(store.session.template)}
        </span>
        {doc.sample && (
          <span className="sample-badge" title="这是内置的示例部门，可随意修改；新建或打开文件后即可编制自己的部门">
            示例
          </span>
        )}
        <FindBox store={store} view={view} go={go} message={message} onReplace={openReplace} />
        {msg && (
          <output key={msg.seq} className={`message message-${msg.kind}`} data-testid="message" title={msg.text} role={msg.kind === 'error' ? 'alert' : 'status'}>
            {msg.text}
          </output>
        )}
      </div>
      <div className="main">
        <nav className={`side-nav${navCollapsed ? ' collapsed' : ''}`} aria-label="导航" data-testid="side-nav">
          <button
            type="button"
            className="nav-toggle"
            data-testid="nav-toggle"
            aria-expanded={!navCollapsed}
            title={navCollapsed ? '展开导航' : '收起导航，给表格更多宽度'}
            onClick={() => setNavCollapsed((v) => !v)}
          >
            {navCollapsed ? '»' : '« 收起'}
          </button>
          {nav.map((n) => (
            <button
              type="button"
              key={n.id}
              data-nav={n.id}
              className={n.id === view ? 'active' : ''}
              title={navCollapsed ? n.label : undefined}
              onClick={() => show(n.id)}
            >
              {navCollapsed ? stripLabel(n) : n.short}
              {n.id === 'findings' && counts.errors + counts.warnings > 0 && (
                <span className={`nav-count ${counts.errors > 0 ? 'has-errors' : ''}`}>{counts.errors + counts.warnings}</span>
              )}
            </button>
          ))}
        </nav>
        <main className="content">
          {entry.render({ store, version, go, focus: focus?.doc === store.session ? focus : null, gridRef, message, openDialog: (d) => setDialog({ kind: 'row', request: d }) })}
        </main>
      </div>
      <StatusBar store={store} fileName={fileName} onFindings={() => show('findings')}>
        <ZoomControl zoom={zoom} onStep={stepZoom} onReset={resetZoom} />
      </StatusBar>
      {dialog?.kind === 'new' && (
        <NewDialog
          defaultUnit={defaultUnit}
          dirty={store.dirty}
          onClose={() => setDialog(null)}
          onCreate={async (d: BudgetDocument) => {
            // Code lists imported on this machine come with every new document.
            const s = hasDesk() ? await invoke('settings:get', {}) : null;
            const lists = s?.ok ? s.settings.codeLists : undefined;
            if (lists?.function?.length || lists?.economic?.length) d.classification = { function: lists.function ?? [], economic: lists.economic ?? [] };
            store.replace(d, undefined, true);
            if (d.unit !== defaultUnit) {
              setDefaultUnit(d.unit);
              void invoke('settings:set', { defaultUnit: d.unit });
            }
            setDialog(null);
            setView('profile');
            message('info', `已新建“${d.department}”${d.year} 年${documentKind(store.session.template)}`);
          }}
        />
      )}
      {ask && (
        <Modal title="保存修改？" onClose={() => ask('cancel')}>
          <p>“{fileName}”有未保存的修改。要先保存吗？</p>
          <div className="form-actions">
            <button type="button" data-answer="save" onClick={() => ask('save')}>
              保存
            </button>
            <button type="button" data-answer="discard" onClick={() => ask('discard')}>
              不保存
            </button>
            <button type="button" data-answer="cancel" onClick={() => ask('cancel')}>
              取消
            </button>
          </div>
        </Modal>
      )}
      {replace && (
        <FindReplacePanel key={replace.seq} store={store} view={view} initial={replace.initial} go={go} message={message} onClose={() => setReplace(null)} />
      )}
      <JobProgressPanel message={message} />
      <BusyIndicator />
      {dialog?.kind === 'help' && <HelpDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'about' && <AboutDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'notice' && (
        <Modal title={dialog.title} onClose={() => setDialog(null)} wide>
          <ul className="notice-lines">
            {dialog.lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are static for the dialog's life
              <li key={i}>{l}</li>
            ))}
          </ul>
        </Modal>
      )}
      {dialog?.kind === 'recovery' && (
        <RecoveryDialog
          entries={dialog.entries}
          onClose={() => setDialog(null)}
          onDiscard={async (key) => {
            await invoke('recovery:discard', { key });
            const rest = dialog.entries.filter((e) => e.key !== key);
            setDialog(rest.length ? { kind: 'recovery', entries: rest } : null);
          }}
          onRestore={async (key) => {
            const r = await invoke('recovery:restore', { key });
            if (!r.ok) return message('error', r.error);
            if (await openDoc(r.docText, r.path, true, '恢复', true)) {
              store.recoveryKey = key;
              setDialog(null);
              message('info', '已恢复自动保存的副本，请及时保存');
            }
          }}
        />
      )}
      {dialog?.kind === 'prepublish' && (
        <PrePublishDialog
          findings={store.findings()}
          action="导出"
          options={
            <>
              <FindingsSheetOption checked={findingsSheet} onChange={setFindingsSheet} />
              <FormulasOption checked={formulas} onChange={setFormulas} />
            </>
          }
          onContinue={() => {
            setDialog(null);
            void exportWorkbook(store, message, { findingsSheet, formulas });
          }}
          onBack={() => {
            setDialog(null);
            if (store.findings().some((f) => f.severity === 'error')) show('findings');
          }}
        />
      )}
      {dialog?.kind === 'row' && (
        <AddRowDialog
          store={store}
          request={dialog.request}
          onClose={() => setDialog(null)}
          onImportCodeList={() => run('file:importCodeList')}
          onDone={(f, text) => {
            setDialog(null);
            go(`t${f.table}`, f);
            message('info', text);
          }}
        />
      )}
    </div>
  );
}
