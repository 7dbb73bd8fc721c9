import { useMemo } from 'react';
import type { PerformanceIndicator, PerformanceTargets } from '../../shared/model';
import { formatWan } from '../../shared/money';
import { Figures } from '../../shared/narrative/figures';
import { performanceFindings } from '../../shared/narrative/performance/findings';
import { resolveOverall, resolveProjects } from '../../shared/narrative/performance/resolve';
import type { ViewProps } from '../app/view-props';
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

/** The document's tables plus a blank one for each table 7 project that has none yet. */
function draftOf(store: ViewProps['store']): Targets {
  const doc = store.document;
  const t = structuredClone(doc.performanceTargets) ?? { projects: [] };
  const projects = [...t.projects];
  for (const p of resolveProjects(new Figures(store.session))) {
    if (p.key.startsWith('p:') && !projects.some((x) => x.projectId === p.key.slice(2) || x.name === p.name)) {
      projects.push({ projectId: p.key.slice(2), name: p.name, goal: '', indicators: [] });
    }
  }
  return { overall: t.overall ?? { goal: '', indicators: [] }, projects };
}

/** 绩效目标表: 部门整体 and one per project; amounts come from the tables, weights must add to 100. */
export function PerformancePanel({ store, version, message }: ViewProps) {
  const form = useFormDraft<Targets>({
    store,
    version,
    form: 'performance',
    title: '绩效目标表',
    stored: () => draftOf(store),
    same: sameData,
    apply: (draft) =>
      store.updateDocument('修改绩效目标表', (d) => {
        d.performanceTargets = structuredClone(draft);
        return { ok: true };
      }),
    message,
  });
  const draft = form.draft;
  const setDraft = form.set;
  const resolved = useMemo(() => {
    void version;
    const fig = new Figures(store.session);
    return { overall: resolveOverall(fig), projects: resolveProjects(fig), findings: performanceFindings(store.session, fig) };
  }, [store, version]);

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
      {draft.projects.map((p, i) => {
        const r = resolved.projects.find((x) => (p.projectId && x.key === `p:${p.projectId}`) || x.name === p.name);
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
      <div className="form-actions">
        <button type="button" onClick={() => setDraft({ ...draft, projects: [...draft.projects, { name: '新项目', goal: '', indicators: [] }] })}>
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
