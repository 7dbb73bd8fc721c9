import { useEffect, useMemo, useState } from 'react';
import type { PerformanceIndicator, PerformanceTargets } from '../../shared/model';
import { formatWan } from '../../shared/money';
import { Figures } from '../../shared/narrative/figures';
import { performanceFindings } from '../../shared/narrative/performance/findings';
import { keptTables } from '../../shared/narrative/performance/kept-tables';
import { projectsResolved, type ResolvedProject, resolveOverall, resolveProjects, resolveProjectsSteps } from '../../shared/narrative/performance/resolve';
import { tableSlots } from '../../shared/narrative/performance/table-order';
import { runStepsPaused } from '../../shared/engine/steps';
import { nextTask } from '../app/next-task';
import { groupReminders } from '../../shared/rules/all-findings';
import type { ViewProps } from '../app/view-props';
import type { DocStore } from '../state/store';
import { sameData, useFormDraft } from '../state/form-draft';

type Targets = { overall: NonNullable<PerformanceTargets['overall']>; projects: PerformanceTargets['projects'] };

const BLANK: PerformanceIndicator = { level1: '', level2: '', level3: '', value: '', basis: '', weight: '' };
const COLS: Array<[keyof PerformanceIndicator, string]> = [
  ['level1', '一级指标'],
  ['level2', '二级指标'],
  ['level3', '三级指标'],
  ['value', '指标值'],
  ['basis', '设定依据'],
  ['weight', '分值权重'],
];
const PROJECT_COLS: Array<[keyof PerformanceIndicator, string]> = [...COLS, ['lastYear', '上年完成值'], ['scoring', '赋分规则'], ['evidence', '佐证资料']];

/** The document's tables and a blank one for each table 7 project without one, in the order the page lists them (tableOrder). */
function draftOf(store: ViewProps['store'], fig: Figures): Targets {
  const t = structuredClone(store.document.performanceTargets) ?? { projects: [] };
  const projects = tableSlots(fig, t.projects).map((s) =>
    s.index !== undefined ? t.projects[s.index]! : { projectId: s.row.key.slice(2), name: s.row.project ?? s.row.name, goal: '', indicators: [] },
  );
  return { overall: t.overall ?? { goal: '', indicators: [] }, projects };
}

/** Project tables shown at once: a large department has thousands (显示更多 adds as many again; 查找项目 narrows them). */
const PAGE = 50;

/** The resolved project a table is for: the first listed with its project id or its name. */
function resolvedLookup(projects: readonly ResolvedProject[]): (p: { projectId?: string; name: string }) => ResolvedProject | undefined {
  const byKey = new Map<string, number>();
  const byName = new Map<string, number>();
  projects.forEach((x, i) => {
    if (!byKey.has(x.key)) byKey.set(x.key, i);
    if (!byName.has(x.name)) byName.set(x.name, i);
  });
  return (p) => {
    const k = p.projectId ? byKey.get(`p:${p.projectId}`) : undefined;
    const n = byName.get(p.name);
    const i = k === undefined ? n : n === undefined ? k : Math.min(k, n);
    return i === undefined ? undefined : projects[i];
  };
}

/**
 * Each store's latest reading of its tables, while the document stays as it was: coming back to
 * the page with nothing changed finds it made. Let go as soon as the document changes (at 100,000
 * items a reading with its projects is ~30 MB).
 */
const READINGS = new WeakMap<DocStore, { session: DocStore['session']; revision: number; fig: Figures }>();
const WATCHED = new WeakSet<DocStore>();

function readingOf(store: DocStore): Figures {
  const known = READINGS.get(store);
  if (known && known.session === store.session && known.revision === store.documentRevision) return known.fig;
  const fig = new Figures(store.session);
  READINGS.set(store, { session: store.session, revision: store.documentRevision, fig });
  if (!WATCHED.has(store)) {
    WATCHED.add(store);
    store.subscribe(() => {
      const r = READINGS.get(store);
      if (r && (r.session !== store.session || r.revision !== store.documentRevision)) READINGS.delete(store);
    });
  }
  return fig;
}

/** Projects past which the tables' reading is made in steps, off the page's first task (~7 ms a 1,000 projects). */
const STEPPED_PROJECTS = 2_000;

/**
 * One reading of the tables per version of the store, for the draft, the amounts and the findings
 * (a large department's thousands of projects resolved once; the draft was made on every keystroke).
 * A department of many projects has it made in steps between the window's tasks (60,000 projects
 * held the window ~0.4 s on opening the page and again after each field stored): meanwhile the
 * reading of the version before stands, and on the first visit nothing (the page says it is being
 * prepared).
 */
function useFigures(store: ViewProps['store'], version: number): Figures | null {
  const current = useMemo(() => {
    void version;
    return readingOf(store);
  }, [store, version]);
  const stepped = store.document.projectRows.length > STEPPED_PROJECTS;
  const [made, setMade] = useState<{ fig: Figures; doc: string } | null>(null);
  useEffect(() => {
    if (!stepped || projectsResolved(current)) return;
    let live = true;
    const doc = store.recoveryKey;
    void runStepsPaused(resolveProjectsSteps(current), nextTask).then(() => {
      if (live) setMade({ fig: current, doc });
    });
    return () => {
      live = false;
    };
  }, [store, current, stepped]);
  if (!stepped || projectsResolved(current)) return current;
  // Another document's reading (one opened since: a new recovery key) is never shown for this one.
  return made && made.doc === store.recoveryKey ? made.fig : null;
}

/** 绩效目标表: 部门整体 and one per project; amounts come from the tables, weights must add to 100. */
export function PerformancePanel(props: ViewProps) {
  const fig = useFigures(props.store, props.version);
  if (!fig) {
    return (
      <section className="performance-page" aria-label="绩效目标表">
        <header className="table-head">
          <h2>绩效目标表</h2>
        </header>
        <p className="hint" data-testid="performance-preparing">
          正在整理 {props.store.document.projectRows.length} 个项目的绩效目标表…
        </p>
      </section>
    );
  }
  return <PerformanceForm {...props} fig={fig} />;
}

function PerformanceForm({ store, version, message, fig }: ViewProps & { fig: Figures }) {
  // The draft follows the document of this version (what a field stored shows at once), with the
  // projects of the latest reading made.
  const stored = useMemo(() => {
    void version;
    return draftOf(store, fig);
  }, [store, fig, version]);
  const form = useFormDraft<Targets>({
    store,
    version,
    form: 'performance',
    title: '绩效目标表',
    stored: () => stored,
    same: sameData,
    apply: (draft) =>
      store.updateDocument('修改绩效目标表', (d) => {
        d.performanceTargets = structuredClone({ ...draft, projects: keptTables(draft.projects, fig) });
        return { ok: true };
      }),
    message,
  });
  const draft = form.draft;
  const setDraft = form.set;
  const resolved = useMemo(() => {
    const projects = resolveProjects(fig);
    // The blank tables of thousands of projects are one reminder, as in 检查结果.
    return { overall: resolveOverall(fig), resolvedOf: resolvedLookup(projects), findings: groupReminders(performanceFindings(store.session, fig)) };
  }, [store, fig]);
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE);
  /** A table just added (at the end of the list): shown whatever the page or the search. */
  const [added, setAdded] = useState<number | null>(null);
  const matching = useMemo(() => {
    const q = query.trim();
    const out: number[] = [];
    draft.projects.forEach((p, i) => {
      if (q === '' || p.name.includes(q)) out.push(i);
    });
    return out;
  }, [draft.projects, query]);
  const listed = matching.slice(0, shown);
  if (added !== null && added < draft.projects.length && !listed.includes(added)) listed.push(added);

  const apply = () => {
    const was = form.pending;
    if (form.commit().ok && was) message('info', '绩效目标表已更新');
  };

  const o = resolved.overall;
  return (
    <section
      className="performance-page"
      aria-label="绩效目标表"
      onBlur={(e) => {
        // Leaving a field stores it, one undoable step, like the narrative inputs.
        if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) apply();
      }}
    >
      <header className="table-head">
        <h2>绩效目标表</h2>
        <div className="table-meta">{resolved.findings.length > 0 && <span className="count-error">问题 {resolved.findings.length}</span>}</div>
      </header>
      {resolved.findings.length > 0 && (
        <ul className="perf-findings">
          {resolved.findings.map((f) => (
            <li key={f.id} className="finding-error">
              {f.message}
            </li>
          ))}
        </ul>
      )}
      <fieldset className="perf-block">
        <legend>部门整体绩效目标表</legend>
        <div className="perf-meta">
          <label>
            部门联系人
            <input value={draft.overall.contact ?? ''} onChange={(e) => setDraft({ ...draft, overall: { ...draft.overall, contact: e.target.value } })} />
          </label>
          <label>
            联系电话
            <input value={draft.overall.phone ?? ''} onChange={(e) => setDraft({ ...draft, overall: { ...draft.overall, phone: e.target.value } })} />
          </label>
          <span>
            年度预算 {formatWan(o.total.fen)} 万元：上级安排 {formatWan(o.superior.fen)}，本级安排 {formatWan(o.own.fen)}，其他 {formatWan(o.other.fen)}（来自表2）
          </span>
        </div>
        <label className="wide">
          年度绩效目标
          <textarea rows={3} value={draft.overall.goal} onChange={(e) => setDraft({ ...draft, overall: { ...draft.overall, goal: e.target.value } })} />
        </label>
        <Indicators cols={COLS} list={draft.overall.indicators} onChange={(indicators) => setDraft({ ...draft, overall: { ...draft.overall, indicators } })} />
      </fieldset>
      {draft.projects.length > PAGE && (
        <label className="perf-search">
          查找项目
          <input
            className="perf-search-input"
            type="search"
            value={query}
            placeholder="项目名称中的文字"
            onChange={(e) => {
              setQuery(e.target.value);
              setShown(PAGE);
            }}
          />
          <span className="perf-search-count">
            {query.trim() === '' ? `共 ${draft.projects.length} 个项目绩效目标表` : `找到 ${matching.length} 个`}
            {matching.length > listed.length ? `，显示前 ${Math.min(shown, matching.length)} 个` : ''}
          </span>
        </label>
      )}
      {listed.map((i) => {
        const p = draft.projects[i]!;
        const r = resolved.resolvedOf(p);
        const setP = (patch: Partial<Targets['projects'][number]>) => setDraft({ ...draft, projects: draft.projects.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
        return (
          <fieldset key={p.projectId ?? `${p.name}-${i}`} className="perf-block">
            <legend>项目支出绩效目标表：{p.name}</legend>
            <div className="perf-meta">
              <label>
                项目负责人
                <input value={p.manager ?? ''} onChange={(e) => setP({ manager: e.target.value })} />
              </label>
              {r?.tableAmount ? (
                <span>年度预算 {formatWan(r.tableAmount.fen)} 万元（表7，财政拨款）</span>
              ) : (
                <>
                  <label>
                    财政拨款（{store.document.unit}）
                    <input value={p.fiscal ?? ''} onChange={(e) => setP({ fiscal: e.target.value })} />
                  </label>
                  <label>
                    其他资金（{store.document.unit}）
                    <input value={p.other ?? ''} onChange={(e) => setP({ other: e.target.value })} />
                  </label>
                </>
              )}
            </div>
            <label className="wide">
              项目总体目标
              <textarea rows={2} value={p.goal} onChange={(e) => setP({ goal: e.target.value })} />
            </label>
            <Indicators cols={PROJECT_COLS} list={p.indicators} onChange={(indicators) => setP({ indicators })} />
          </fieldset>
        );
      })}
      {matching.length > shown && (
        <button type="button" className="show-more" onClick={() => setShown(shown + PAGE)}>
          显示更多（还有 {matching.length - shown} 个项目）
        </button>
      )}
      <div className="form-actions">
        <button
          type="button"
          onClick={() => {
            setAdded(draft.projects.length);
            setDraft({ ...draft, projects: [...draft.projects, { name: '新项目', goal: '', indicators: [] }] });
          }}
        >
          添加项目绩效目标表
        </button>
        <button type="button" onClick={apply}>
          应用修改
        </button>
        <button type="button" disabled={!form.pending} onMouseDown={(e) => e.preventDefault()} onClick={() => form.discard()}>
          放弃修改
        </button>
      </div>
    </section>
  );
}

function Indicators({ cols, list, onChange }: { cols: Array<[keyof PerformanceIndicator, string]>; list: PerformanceIndicator[]; onChange(l: PerformanceIndicator[]): void }) {
  const weights = list.reduce((s, x) => s + (Number(x.weight) || 0), 0);
  return (
    <table className="perf-edit">
      <thead>
        <tr>
          {cols.map(([k, label]) => (
            <th key={k}>{label}</th>
          ))}
          <th />
        </tr>
      </thead>
      <tbody>
        {list.map((ind, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: indicator rows have no id; order is their identity
          <tr key={i}>
            {cols.map(([k, label]) => (
              <td key={k}>
                <input className="perf-cell" aria-label={label} value={ind[k] ?? ''} onChange={(e) => onChange(list.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)))} />
              </td>
            ))}
            <td>
              <button type="button" aria-label="删除指标" onClick={() => onChange(list.filter((_, j) => j !== i))}>
                删除
              </button>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={cols.length - 1}>
            <button type="button" onClick={() => onChange([...list, { ...BLANK, level1: list[list.length - 1]?.level1 ?? '', level2: list[list.length - 1]?.level2 ?? '' }])}>
              添加指标
            </button>
          </td>
          <td className={weights === 100 ? '' : 'count-error'}>合计 {weights}</td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
