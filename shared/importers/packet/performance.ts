import type { BudgetDocument, PerformanceIndicator, PerformanceTargets } from '../../model';
import { ITEM_NUMERAL } from '../../narrative/sections/common';
import { type SourceLine, squash } from './lines';
import { looseCents } from './tokens';
import { centsText } from './tokens';
import type { ImportWarning } from './warnings';

/** The next project's “（一百一十三）…” or “（113）…” heading ends a performance table. */
const ITEM_START = new RegExp(`^[（(](?:${ITEM_NUMERAL}|\\d{1,5})[）)]`);

/**
 * The 绩效目标表 printed in 十二（四）: the department's overall table and one per project, read
 * where the text keeps their cells (tab-separated); indicator rows inherit 一级/二级指标 from the
 * row above when those cells are merged, and a wrapped cell's tail joins its row.
 */
type Block = { kind: 'overall' | 'project'; lines: SourceLine[] };

function blocks(part3: readonly SourceLine[]): Block[] {
  const out: Block[] = [];
  let cur: Block | undefined;
  for (const l of part3) {
    const s = squash(l.text);
    if (s === '部门整体绩效目标表' || s === '项目支出绩效目标表') {
      cur = { kind: s.startsWith('部门') ? 'overall' : 'project', lines: [] };
      out.push(cur);
      continue;
    }
    if (ITEM_START.test(s) || /^第[一二三四五]部分/.test(s)) cur = undefined;
    if (cur && l.text !== '') cur.lines.push(l);
  }
  return out;
}

const amount = (t: string | undefined): string | undefined => {
  const c = t ? looseCents(t.replace(/万元$/, '')) : null;
  return c === null ? undefined : centsText(c);
};

/** The value after a label cell: the next non-empty cell. */
function after(cells: readonly string[], label: RegExp): string | undefined {
  const i = cells.findIndex((c) => label.test(squash(c)));
  if (i < 0) return undefined;
  return cells.slice(i + 1).find((c) => c !== '');
}

function indicators(lines: readonly SourceLine[], warn: (w: ImportWarning) => void): PerformanceIndicator[] {
  const head = lines.findIndex((l) => l.cells && squash(l.cells[0] ?? '') === '一级指标');
  if (head < 0) return [];
  const header = lines[head]!.cells!.map(squash);
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const at = {
    level1: 0,
    level2: col(/二级指标/),
    level3: col(/三级指标/),
    value: col(/^指标值$/),
    basis: col(/设定依据|设置依据/),
    lastYear: col(/上年完成值/),
    weight: col(/分值|权重/),
    scoring: col(/赋分规则/),
    evidence: col(/佐证/),
  };
  const out: PerformanceIndicator[] = [];
  let level1 = '';
  let level2 = '';
  for (const l of lines.slice(head + 1)) {
    const c = l.cells;
    if (!c) {
      warn({ line: l.no, message: `绩效目标表中无法按栏读取的行“${l.text.slice(0, 30)}”，已略去` });
      continue;
    }
    const get = (i: number) => (i >= 0 ? (c[i] ?? '').trim() : '');
    const filled = c.filter((x) => x.trim() !== '' && !/^-+$/.test(x.trim()));
    if (filled.length === 0) continue;
    // A wrapped cell: only some trailing cells, no 三级指标 and no 指标值 → append to the row above.
    const prev = out[out.length - 1];
    if (prev && !get(at.level3) && !get(at.value)) {
      for (const [k, i] of Object.entries(at) as Array<[keyof typeof at, number]>) {
        const v = get(i);
        if (v && k !== 'level1' && k !== 'level2') (prev as Record<string, string | undefined>)[k] = `${prev[k] ?? ''}${v}`;
      }
      continue;
    }
    level1 = get(at.level1) || level1;
    level2 = get(at.level2) || level2;
    const ind: PerformanceIndicator = { level1, level2, level3: get(at.level3), value: get(at.value), basis: get(at.basis), weight: get(at.weight) };
    if (at.lastYear >= 0) ind.lastYear = get(at.lastYear);
    if (at.scoring >= 0) ind.scoring = get(at.scoring);
    if (at.evidence >= 0) ind.evidence = get(at.evidence);
    out.push(ind);
  }
  return out;
}

export function readPerformanceTargets(part3: readonly SourceLine[], doc: BudgetDocument, warn: (w: ImportWarning) => void): void {
  const found = blocks(part3);
  if (found.length === 0) return;
  if (!found.every((b) => b.lines.some((l) => l.cells))) {
    warn({ message: '绩效目标表不是按栏分隔的文字，未逐项读取（可在“绩效目标”中补录）' });
    return;
  }
  const targets: PerformanceTargets = { projects: [] };
  for (const b of found) {
    const rows = b.lines.filter((l) => l.cells).map((l) => l.cells!);
    const find = (re: RegExp) => {
      for (const r of rows) {
        const v = after(r, re);
        if (v !== undefined) return v;
      }
      return undefined;
    };
    const goalRow = rows.find((r) => /年度绩效目标|项目总体目标/.test(squash(r[0] ?? '')));
    const goal = goalRow ? goalRow.slice(1).filter(Boolean).join('') : '';
    if (b.kind === 'overall') {
      const o: NonNullable<PerformanceTargets['overall']> = { goal, indicators: indicators(b.lines, warn) };
      const contact = find(/^部门联系人$/);
      const phone = find(/^联系电话$/);
      const superior = amount(find(/^上级安排$/));
      const own = amount(find(/^本级安排$/));
      const other = amount(find(/^其他$/));
      if (contact) o.contact = contact;
      if (phone) o.phone = phone;
      if (superior) o.superior = superior;
      if (own) o.own = own;
      if (other) o.other = other;
      targets.overall = o;
    } else {
      const name = find(/^项目名称$/) ?? '';
      const p: PerformanceTargets['projects'][number] = { name, goal, indicators: indicators(b.lines, warn) };
      const row = doc.projectRows.find((r) => squash(r.project) === squash(name));
      if (row) p.projectId = row.id;
      const unit = find(/^预算单位$/);
      const manager = find(/^项目负责人$/);
      const total = amount(find(/^年度预算总额$/));
      const fiscal = amount(find(/财政拨款$/));
      const other = amount(find(/^其他资金$/));
      if (unit) p.unit = unit;
      if (manager) p.manager = manager;
      if (total) p.total = total;
      if (fiscal) p.fiscal = fiscal;
      if (other) p.other = other;
      targets.projects.push(p);
    }
  }
  doc.performanceTargets = targets;
}
