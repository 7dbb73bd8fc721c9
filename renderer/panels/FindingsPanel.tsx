import { RULES } from '../../shared/rules/catalog';
import type { Finding } from '../../shared/rules/finding';
import { NAV } from '../app/nav';
import type { ViewProps } from '../app/view-props';

const PER_TABLE_LIMIT = 300;

/** 检查结果: findings grouped by table with counts; a click jumps to the cell. */
export function FindingsPanel({ store, go }: ViewProps) {
  const findings = store.disclosureFindings();
  const groups = new Map<number, Finding[]>();
  for (const f of findings) {
    const g = groups.get(f.table) ?? [];
    g.push(f);
    groups.set(f.table, g);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const isTable = (no: number) => store.session.layouts.some((l) => l.no === no);
  // Findings about the explanation text (not a table) open its page when the navigation has one.
  const otherPage = NAV.some((n) => n.id === 'narrative') ? 'narrative' : 'findings';
  const groupTitle = (no: number) => {
    const l = store.session.layouts.find((x) => x.no === no);
    return l ? `表${no} ${l.template.title}` : '情况说明及其他';
  };
  return (
    <section className="findings-page" aria-label="检查结果">
      <header className="table-head">
        <h2>检查结果</h2>
        <div className="table-meta">
          <span className="count-error">错误 {errors}</span>
          <span className="count-warning">提示 {warnings}</span>
        </div>
      </header>
      {findings.length === 0 && <p className="all-clear">未发现问题：各表内部及表间的勾稽关系均相符。</p>}
      {[...groups.entries()].map(([table, list]) => {
        const e = list.filter((f) => f.severity === 'error').length;
        return (
          <section key={table} className="finding-group" data-table={table}>
            <h3>
              {groupTitle(table)}
              <span className="group-counts">
                {e > 0 && <span className="count-error">错误 {e}</span>}
                {list.length - e > 0 && <span className="count-warning">提示 {list.length - e}</span>}
              </span>
            </h3>
            <ul>
              {list.slice(0, PER_TABLE_LIMIT).map((f) => (
                <li key={f.id}>
                  <button
                    type="button"
                    className={`finding finding-${f.severity}`}
                    data-finding={f.id}
                    title={RULES[f.rule]?.title ?? f.rule}
                    onClick={() => (isTable(f.table) ? go(`t${f.table}`, { table: f.table, rowKey: f.rowKey, col: f.column }) : go(otherPage))}
                  >
                    <span className={`badge badge-${f.severity}`}>{f.severity === 'error' ? '错误' : '提示'}</span>
                    <span className="finding-text">{f.message}</span>
                  </button>
                </li>
              ))}
              {list.length > PER_TABLE_LIMIT && <li className="more">还有 {list.length - PER_TABLE_LIMIT} 条未列出</li>}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
