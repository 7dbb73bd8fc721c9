import { type CodeKind, type CodeListInForce, ENTRY_CODE_LENGTH } from '../classification/names';
import { parseCellId } from '../engine/cell-id';
import { showsEveryLeaf, type TableLayout } from '../engine/layout';
import type { BudgetDocument } from '../model';
import type { RowSetKind } from '../templates/types';
import { formatWan } from '../money';
import { RULES, type RuleId } from './catalog';
import type { Finding } from './finding';

type RowLabel = (table: number, rowKey: string) => string;

function finding(rule: RuleId, table: number, rowKey: string, row: string, column: string, expected: string, actual: string, message: string): Finding {
  return { id: `${rule}|${table}|${rowKey}|${column}`, rule, severity: RULES[rule].severity, table, rowKey, row, column, expected, actual, message };
}

/** Findings that depend on the document's structure only, not on amounts: recomputed on rebuild. */
export function staticFindings(
  doc: BudgetDocument,
  layouts: readonly TableLayout[],
  codes: CodeListInForce,
  orphans: ReadonlyArray<{ id: string; fen: number }>,
  label: RowLabel,
): Finding[] {
  const out: Finding[] = [];
  for (const o of orphans) {
    const at = parseCellId(o.id);
    if (!at) continue;
    out.push(
      finding('printed.orphan', at.table, at.row, at.row, at.col, '0.00', formatWan(o.fen, { thousands: false }),
        `表${at.table}印制了“${at.row}”第${at.col}栏 ${formatWan(o.fen)}，但按录入数据此处应为空`),
    );
  }

  // A row set that a table shows whole had each row named by the graph, which refuses a repeat
  // (the session does not open): only the sets no table shows whole are looked at here.
  const whole = new Set<RowSetKind>();
  for (const l of layouts) if (l.template.kind === 'hier' && showsEveryLeaf(l.template)) whole.add(l.template.rowSet);
  const dup = <R>(set: RowSetKind, table: number, rows: readonly R[], keyOf: (r: R) => string, what: string) => {
    if (whole.has(set)) return;
    const seen = new Set<string>();
    for (let i = 0; i < rows.length; i++) {
      const k = keyOf(rows[i]!);
      if (seen.has(k)) out.push(finding('row.duplicate', table, k, k, '', '', '', `${what}“${k}”重复录入，只应出现一次`));
      seen.add(k);
    }
  };
  dup('function', 2, doc.functionRows, (r) => r.code, '功能分类科目');
  dup('economic', 6, doc.economicRows, (r) => r.code, '经济分类科目');
  dup('project', 7, doc.projectRows, (r) => r.id, '项目编号');
  dup('carryover', 11, doc.carryoverRows, (r) => r.id, '结转项目编号');

  // Codes and names against the code list: every code level that is printed. A code outside the
  // list is a 提示 where the list is complete enough to tell: the levels an imported list covers,
  // or with the built-in list (only what our packets print) the level rows are entered at.
  // Each code and name once per kind (a code shows in several tables); a second name for a code is rare.
  const reported: Record<CodeKind, Map<string, string>> = { function: new Map(), economic: new Map() };
  const reportedAlso = new Set<string>();
  const unknown = new Set<string>();
  for (const l of layouts) {
    if (l.template.kind !== 'hier' || l.template.rowSet === 'carryover') continue;
    const kind: CodeKind = l.template.rowSet === 'economic' ? 'economic' : 'function';
    for (const r of l.rows) {
      if (!r.code) continue;
      const first = reported[kind].get(r.code);
      if (first === undefined) reported[kind].set(r.code, r.name);
      else if (first === r.name) continue;
      else {
        const seenAs = `${kind}|${r.code}|${r.name}`;
        if (reportedAlso.has(seenAs)) continue;
        reportedAlso.add(seenAs);
      }
      const listed = codes.list[kind].get(r.code);
      if (listed === undefined) {
        const imported = codes.covered[kind].has(r.code.length);
        if ((imported || (codes.builtin[kind] && r.code.length === ENTRY_CODE_LENGTH[kind])) && !unknown.has(`${kind}|${r.code}`)) {
          unknown.add(`${kind}|${r.code}`);
          out.push(finding('code.unknown', l.no, r.key, label(l.no, r.key), '', '', r.code, unknownCodeMessage(l.no, r.code, r.name, kind, imported)));
        }
      } else if (r.name && listed !== r.name) {
        out.push(finding('code.name', l.no, r.key, label(l.no, r.key), '', listed, r.name, `表${l.no}科目 ${r.code} 名称为“${r.name}”，科目表中为“${listed}”`));
      }
    }
  }
  return out;
}

/** Where the code is and what to do: check it, or import the full list when only the built-in one is in force. */
function unknownCodeMessage(table: number, code: string, name: string, kind: CodeKind, imported: boolean): string {
  const what = kind === 'function' ? '支出功能分类' : '经济分类';
  const at = `表${table}科目 ${code}${name ? `“${name}”` : ''}`;
  return imported
    ? `${at}：编码不在科目表中（已导入的${what}科目表没有此编码），请核对编码`
    : `${at}：编码不在科目表中（内置${what}科目表只收录已公开文件中印有的科目）；如编码无误，可用“文件 → 导入科目表…”导入完整科目表`;
}
