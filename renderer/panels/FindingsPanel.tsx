import { useMemo, useState } from 'react';
import { isRuleId, RULES, type RuleId, type Severity } from '../../shared/rules/catalog';
import type { Finding, FindingPlace } from '../../shared/rules/finding';
import { filterChoices, filterFindings, type FindingsFilter } from '../../shared/views/findings-filter';
import { countFindings } from '../../shared/rules/all-findings';
import type { ViewProps } from '../app/view-props';

/** Items drawn at a time: a 10,000-line department has thousands of findings. */
const PAGE = 100;
/** Places listed under an item before 全部 is asked for (a reminder may have thousands). */
const PLACES = 24;

/**
 * 检查结果: one item per root cause, in table and row order, each listing all its places (a
 * click on a place goes to its cell); filters by severity, table and rule; drawn a page at a time.
 */
export function FindingsPanel({ store, version, go }: ViewProps) {
  const all = useMemo(() => {
    void version;
    return store.findings();
  }, [store, version]);
  const pending = store.findingsPending();
  const [filter, setFilter] = useState<FindingsFilter>({});
  const [shown, setShown] = useState(PAGE);
  const list = useMemo(() => filterFindings(all, filter), [all, filter]);
  const choices = useMemo(() => filterChoices(all, filter), [all, filter]);
  const total = countFindings(all);
  const here = countFindings(list);
  const tableTitle = (no: number) => {
    const l = store.session.layouts.find((x) => x.no === no);
    return l ? `表${no} ${l.template.title}` : '情况说明及其他';
  };
  const place = (p: { table: number; rowKey: string; column: string; rule: string }) => {
    if (p.table > 0 && p.rowKey && store.session.layouts.some((l) => l.no === p.table)) return go(`t${p.table}`, { table: p.table, rowKey: p.rowKey, col: p.column });
    go(p.rule.startsWith('performance') || p.rowKey.startsWith('perf:') ? 'performance' : 'narrative');
  };
  const change = (f: FindingsFilter) => {
    setFilter(f);
    setShown(PAGE);
  };
  const filtered = filter.severity !== undefined || filter.table !== undefined || filter.rule !== undefined;
  const page = list.slice(0, shown);
  return (
    <section className="findings-page" aria-label="检查结果">
      <header className="table-head">
        <h2>检查结果</h2>
        <div className="table-meta">
          <span className="count-error" data-testid="findings-errors">
            错误 {total.errors}
          </span>
          <span className="count-warning" data-testid="findings-warnings">
            提示 {total.warnings}
          </span>
          {pending && <span className="findings-pending">正在核对情况说明…</span>}
        </div>
      </header>
      {all.length === 0 && !pending && <p className="all-clear">未发现问题：各表内部及表间的勾稽关系均相符。</p>}
      {all.length > 0 && (
        <div className="findings-filters">
          <label>
            类别
            <select data-filter="severity" value={filter.severity ?? ''} onChange={(e) => change({ ...filter, severity: (e.target.value || undefined) as Severity | undefined })}>
              <option value="">全部（{total.errors + total.warnings}）</option>
              <option value="error">错误（{choices.severities.get('error') ?? 0}）</option>
              <option value="warning">提示（{choices.severities.get('warning') ?? 0}）</option>
            </select>
          </label>
          <label>
            表
            <select data-filter="table" value={filter.table ?? ''} onChange={(e) => change({ ...filter, table: e.target.value === '' ? undefined : Number(e.target.value) })}>
              <option value="">全部</option>
              {[...choices.tables.keys()]
                .sort((a, b) => (a || 99) - (b || 99))
                .map((t) => (
                  <option key={t} value={t}>
                    {tableTitle(t)}（{choices.tables.get(t)}）
                  </option>
                ))}
            </select>
          </label>
          <label>
            规则
            <select data-filter="rule" value={filter.rule ?? ''} onChange={(e) => change({ ...filter, rule: isRuleId(e.target.value) ? e.target.value : undefined })}>
              <option value="">全部</option>
              {[...choices.rules.entries()].map(([r, n]) => (
                <option key={r} value={r}>
                  {RULES[r].title}（{n}）
                </option>
              ))}
            </select>
          </label>
          {filtered && (
            <>
              <span className="findings-shown" data-testid="findings-shown">
                显示 {list.length} 条（错误 {here.errors}，提示 {here.warnings}）
              </span>
              <button type="button" onClick={() => change({})}>
                清除筛选
              </button>
            </>
          )}
        </div>
      )}
      <ol className="finding-list">
        {page.map((f, i) => (
          <FindingItem key={f.id} f={f} heading={i === 0 || page[i - 1]!.table !== f.table ? tableTitle(f.table) : undefined} onPlace={place} />
        ))}
      </ol>
      {list.length > shown && (
        <p className="more">
          已显示 {shown} / {list.length} 条。
          <button type="button" data-testid="findings-more" onClick={() => setShown(shown + PAGE)}>
            再显示 {Math.min(PAGE, list.length - shown)} 条
          </button>
        </p>
      )}
    </section>
  );
}

type Go = (p: { table: number; rowKey: string; column: string; rule: RuleId }) => void;

function FindingItem({ f, heading, onPlace }: { f: Finding; heading: string | undefined; onPlace: Go }) {
  const places = f.places ?? [];
  const [all, setAll] = useState(false);
  const listed = all ? places : places.slice(0, PLACES);
  const sentence = places.length > 1 ? f.message.replace(/；同一原因还涉及：.*$/, '') : f.message;
  return (
    <li className="finding-item" data-table={f.table}>
      {heading && <h3 className="finding-table">{heading}</h3>}
      <button type="button" className={`finding finding-${f.severity}`} data-finding={f.id} title={RULES[f.rule]?.title ?? f.rule} onClick={() => onPlace(f)}>
        <span className={`badge badge-${f.severity}`}>{f.severity === 'error' ? '错误' : '提示'}</span>
        <span className="finding-text">{sentence}</span>
      </button>
      {places.length > 1 && (
        <div className="finding-places">
          <span>同一原因，共 {places.length} 处：</span>
          {listed.map((p, i) => (
            <button
              // biome-ignore lint/suspicious/noArrayIndexKey: a finding's places do not change order
              key={i}
              type="button"
              className="finding-place"
              data-place={`${p.table}|${p.rowKey}|${p.column}`}
              title={placeText(p, false)}
              onClick={() => onPlace(p)}
            >
              {placeText(p, true)}
            </button>
          ))}
          {listed.length < places.length && (
            <button type="button" className="finding-place-more" onClick={() => setAll(true)}>
              全部 {places.length} 处…
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** A place as a reader names it; `short` keeps only the code of a coded row (its name is in the sentence above). */
function placeText(p: FindingPlace, short: boolean): string {
  if (p.table === 0) return p.actual !== '' && p.rule !== 'narrative.input.missing' ? `${p.row}（写为 ${p.actual}）` : p.row;
  const row = short && /^\d+ /.test(p.row) ? p.row.split(' ')[0] : p.row;
  return `表${p.table} ${row}${p.column ? ` 第${p.column}栏` : ''}${p.actual !== '' ? `：${p.actual}${p.expected !== '' ? `（应为 ${p.expected}）` : ''}` : ''}`;
}
