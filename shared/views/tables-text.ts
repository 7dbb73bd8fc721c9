import type { BudgetSession } from '../engine/session';
import { allTableViews, type TableView } from './table-view';
import { lineLabel } from './two-sided';

function withThousands(text: string | undefined): string {
  if (!text) return '';
  const [i = '', f = ''] = text.split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

/** A readable plain-text rendering of one table (tab-separated, as the packets' text is). */
export function tableText(v: TableView, dept: string): string {
  const lines = [`表${v.no} ${v.title}`, `编制部门：${dept}\t单位：万元`];
  const codeWidth = v.template.kind === 'hier' ? v.template.codeColumns.length : 0;
  const head = [...(v.template.kind === 'hier' ? v.template.codeColumns : []), '名称', ...v.columns.map((c) => `${c.no} ${c.name}`)];
  lines.push(head.join('\t'));
  if (v.empty && v.template.kind === 'hier') {
    lines.push(v.emptySentence ?? '（本表为空表）');
  } else {
    for (const r of v.rows) {
      if (v.template.kind === 'hier' && !Object.values(r.cells).some((c) => c.text)) continue;
      const name = r.project ? `${r.name}\t${r.project}` : v.template.kind === 'fixed' ? lineLabel(r) : r.name;
      lines.push([...r.codeParts.slice(0, codeWidth), name, ...v.columns.map((c) => withThousands(r.cells[c.no]?.text))].join('\t'));
    }
  }
  return `${lines.join('\n')}\n`;
}

export function tablesText(session: BudgetSession): string {
  return allTableViews(session, { print: true })
    .map((v) => tableText(v, session.document.department))
    .join('\n');
}
