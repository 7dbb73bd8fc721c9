import { BudgetSession } from '../../engine/session';
import { finalAccounts } from '../../formats/final-accounts';
import { INPUT_BOUNDS } from '../../limits/input-bounds';
import { newDocument } from '../../model/new-document';
import type { BudgetDocument } from '../../model/schema';
import type { FixedTableTemplate, HierTableTemplate, TableTemplate } from '../../templates/types';
import { CELLS_ON_OWN_LINES_ERROR, cellsOnOwnLines } from '../cells-on-own-lines';
import type { PacketImportResult } from '../packet/import-text';
import { type ImportWarning, WarningList } from '../packet/warnings';
import { finalAccountsTextOnly, finalAccountsTitle, isFinalAccountsPacket } from './detect';
import { readHierTable } from './hier';
import { fillFinalAccountsInputs } from './narrative-inputs';
import { readPanels } from './panels';
import { readGlossary, readPart1 } from './part-texts';
import { pageFooters } from '../page-footers';
import { FA_TABLES_ABSENT, finalAccountsPrintedText } from './printed-sections';
import { type FixedCellRead, readTwoSided } from './sided';
import { readSingleRow } from './single-row';
import { isLaidOut, type Line } from './tokens';

const squash = (s: string) => s.replace(/\s+/g, '');

/** Department and year from `第二部分 上海市XX局2024年度部门决算表` (or the cover's two lines). */
function departmentAndYear(lines: readonly Line[]): { department: string; year: number } | undefined {
  for (const l of lines) {
    const m = /^(?:第[一二三四]部分)?(.{2,60}?)(20\d{2})年度?部门决算(?:表|情况说明|公开(?:说明)?)?$/.exec(squash(l.text));
    if (m) return { department: m[1]!, year: Number(m[2]) };
  }
  const at = lines.findIndex((l) => /^(20\d{2})年度?部门决算$/.test(squash(l.text)));
  const dept = lines.slice(0, Math.max(0, at)).reverse().find((l) => l.text.trim() !== '');
  if (at >= 0 && dept) return { department: squash(dept.text), year: Number(/^(20\d{2})/.exec(squash(lines[at]!.text))![1]) };
  return undefined;
}

/** Table regions: a title that a 单位 line follows (a contents page lists titles too), to the next title or 第三部分. */
function regions(lines: readonly Line[]): Map<number, Line[]> {
  const titles = lines.flatMap((l, i) => {
    const no = finalAccountsTitle(l.text);
    return no === undefined ? [] : [{ no, at: i }];
  });
  const unitFollows = (at: number) => lines.slice(at + 1, at + 4).some((l) => /单位[:：]/.test(l.text));
  const chosen = new Map<number, number>();
  for (const t of titles) if (!chosen.has(t.no) || (unitFollows(t.at) && !unitFollows(chosen.get(t.no)!))) chosen.set(t.no, t.at);
  const starts = [...chosen.entries()].sort((a, b) => a[1] - b[1]);
  const out = new Map<number, Line[]>();
  starts.forEach(([no, at], k) => {
    const next = starts[k + 1]?.[1] ?? lines.length;
    let end = next;
    for (let i = at + 1; i < next; i++) {
      if (/^第[三四]部分/.test(squash(lines[i]!.text))) {
        end = i;
        break;
      }
    }
    out.set(no, lines.slice(at + 1, end));
  });
  return out;
}

/**
 * Read a 部门决算 packet (text as pdftotext or this program's PDF reading gives it; `layout`,
 * when the PDF reading supplies it, keeps where each piece stands): the format is recognised
 * from the packet itself (部门决算 and the table titles); undefined when the text is not one.
 * Every printed amount is kept as printed (`printed`), so the tables reproduce the packet and
 * the format's identities are checked against what it printed.
 */
export function importFinalAccountsText(raw: string, layout?: string): PacketImportResult | undefined {
  // Page footers left out: a `第 5 页` between two rows would read as a row, or part of one.
  const toLines = (text: string): Line[] => {
    const texts = text.split(/\r?\n/);
    const footer = pageFooters(texts);
    return texts.flatMap((t, i) => (footer[i] ? [] : [{ text: t.replace(/\u3000/g, ' ').replace(/\f/g, ''), line: i + 1 }]));
  };
  const rawLines = toLines(raw);
  const texts = rawLines.map((l) => l.text);
  // No tables in it: its text is read (and audited against itself), its tables left to fill.
  const textOnly = isFinalAccountsPacket(texts) ? undefined : finalAccountsTextOnly(texts);
  if (!textOnly && !isFinalAccountsPacket(texts)) return undefined;
  const lines = layout ? toLines(layout) : rawLines;
  const warnings = new WarningList(INPUT_BOUNDS.maxWarnings);
  const warn = (w: ImportWarning) => warnings.add(w);
  const who = departmentAndYear(rawLines);
  if (!who) return { ok: false, error: '无法确定部门和年度（文中没有“XX部门2024年度部门决算”），未导入。' };
  const doc = newDocument(who.department, who.year, '万元', finalAccounts.id);
  const byNo = regions(lines);
  if (cellsOnOwnLines([...byNo.values()].flatMap((r) => r.map((l) => l.text)))) return { ok: false, error: CELLS_ON_OWN_LINES_ERROR };
  const laidOut = isLaidOut([...byNo.values()].flat());
  const tpl = (no: number): TableTemplate => finalAccounts.tables.find((t) => t.no === no)!;
  const emptyTables: number[] = [];
  let rowCount = 0;
  const printed = (table: number, row: string, col: string, text: string) => {
    doc.printed[`${table}|${row}|${col}`] = text;
  };

  // 表1 first: which income sources the department has tells 表2's columns apart.
  const fixedCells = new Map<number, FixedCellRead[]>();
  const fixed = (no: number): number => {
    const body = byNo.get(no);
    if (!body) return 0;
    const t = tpl(no) as FixedTableTemplate;
    const read =
      no === 6 ? readPanels(t, body, laidOut) : no === 7 ? readSingleRow(t, body, laidOut) : readTwoSided(t, body, laidOut, no === 4 ? fiscalActive(fixedCells.get(1)) : undefined);
    for (const u of read.unknown) warn({ table: no, line: u.line, message: `不认识的行“${u.label}”，已略去` });
    for (const line of read.uncertain) warn({ table: no, line, message: '本行金额属于哪一栏无法唯一确定，已按最可能的一种读取，请核对' });
    fixedCells.set(no, read.cells);
    for (const c of read.cells) {
      printed(no, c.row, c.col, c.text);
      const cell = t.rows.find((r) => r.key === c.row)?.cells[c.col];
      if (cell && 'entered' in cell && c.fen !== 0) setFixed(doc, no, c.row, c.col, c.text);
    }
    return new Set(read.cells.map((c) => c.row)).size;
  };
  const hier = (no: number): number => {
    const body = byNo.get(no);
    if (!body) return 0;
    const t = tpl(no) as HierTableTemplate;
    const opts =
      no === 2
        ? { active: incomeActive(fixedCells.get(1)) }
        : no === 3
          ? { prior: (_r: number, col: string) => (col === '2' || col === '3' ? 1 : 0) }
          : {};
    const read = readHierTable(t, body, laidOut, opts.active ? { active: opts.active } : 'prior' in opts ? { prior: opts.prior } : {});
    for (const i of read.uncertain) warn({ table: no, line: read.rows[i]?.line, message: '本行金额属于哪一栏无法唯一确定，已按最可能的一种读取，请核对' });
    for (const i of read.inconsistent) warn({ table: no, line: read.rows[i]?.line, message: '本行金额与本行合计不符' });
    let leaves = 0;
    for (const r of read.rows) {
      for (const c of r.cells) printed(no, r.key, c.col, c.text);
      if (!r.code) continue;
      if (r.code.length !== 7) {
        if (r.name) doc.names[r.code] = r.name;
        continue;
      }
      leaves++;
      let row = doc.functionRows.find((x) => x.code === r.code);
      if (!row) {
        row = { code: r.code, values: {} };
        doc.functionRows.push(row);
      }
      if (r.name && !row.name) row.name = r.name;
      for (const c of r.cells) {
        if (c.fen !== 0 && t.columns.find((x) => x.no === c.col)?.role === 'entered') row.values[`${no}.${c.col}`] = c.text;
      }
    }
    return leaves;
  };

  if (textOnly) {
    warn({ message: TEXT_ONLY_WARNING });
    doc.narrative.printed[FA_TABLES_ABSENT] = '未附';
  }
  for (const no of textOnly ? [] : [1, 4, 6, 7, 2, 3, 5, 8, 9]) {
    const t = tpl(no);
    const body = byNo.get(no);
    if (!body) {
      warn({ table: no, message: `没有找到表${no}“${t.title}”` });
      continue;
    }
    const unit = /单位[:：]\s*(万元|元)/.exec(body.slice(0, 4).map((l) => l.text).join(' '))?.[1];
    if (unit === '元') warn({ table: no, message: '本表单位印为“元”，本格式按“万元”读取，金额会差一万倍，请核对原文件' });
    const n = t.kind === 'hier' ? hier(no) : fixed(no);
    if (n === 0) emptyTables.push(no);
    rowCount += n;
    // The note under the table as printed, unless it is the empty-table sentence the format prints anyway.
    const note = body.map((l) => squash(l.text)).find((s) => /^(注|说明)[:：]/.test(s));
    if (note) {
      const sentence = t.kind === 'hier' && t.emptySentence ? squash(t.emptySentence.replace('{dept}', doc.department).replace('{year}', String(doc.year))) : '';
      if (note !== sentence) doc.narrative.printed[`note.t${no}`] = note;
    }
  }

  readPart1(rawLines.map((l) => l.text), doc);
  // 第三部分 情况说明 as printed, by section, for the audit of its figures and wording (narrative-audit.ts).
  Object.assign(doc.narrative.printed, finalAccountsPrintedText(rawLines.map((l) => l.text)));
  // What that text states beyond the tables (last year's 决算, 年初预算, reasons, counts): the inputs it prints from.
  fillFinalAccountsInputs(doc, BudgetSession.open(doc));
  const glossary = readGlossary(rawLines.map((l) => l.text));
  if (glossary.length) doc.glossary = glossary;
  return { ok: true, doc, warnings: warnings.list(), summary: { tables: [...byNo.keys()].sort((a, b) => a - b), rows: rowCount, emptyTables } };
}

/** Why a 决算 packet without tables imports with empty tables, and what its audit can check. */
export const TEXT_ONLY_WARNING =
  '文件中没有决算公开表（表格可能作为附件另行公开）：只读入了部门概况、情况说明和名词解释，各表为空，可录入或粘贴；情况说明中的数只与文中其他各处的数相互核对';

/** Which income columns of 表2 can hold money, from 表1's income lines (undefined when 表1 was not read). */
function incomeActive(t1: readonly FixedCellRead[] | undefined): Set<string> | undefined {
  if (!t1?.length) return undefined;
  const has = (row: string) => t1.some((c) => c.row === row && c.fen !== 0);
  const map: Array<[string[], string]> = [
    [['in.gb', 'in.fund', 'in.soe'], '2'],
    [['in.superior'], '3'],
    [['in.business'], '4'],
    [['in.operating'], '5'],
    [['in.affiliated'], '6'],
    [['in.other'], '7'],
  ];
  return new Set(['1', ...map.filter(([rows]) => rows.some(has)).map(([, col]) => col)]);
}

/** Which fund columns of 表4's expenditure side can hold money, from 表1's fiscal income lines. */
function fiscalActive(t1: readonly FixedCellRead[] | undefined): Set<string> | undefined {
  if (!t1?.length) return undefined;
  const has = (row: string) => t1.some((c) => c.row === row && c.fen !== 0);
  return new Set(['2', ...(has('in.gb') ? ['3'] : []), ...(has('in.fund') ? ['4'] : []), ...(has('in.soe') ? ['5'] : [])]);
}

function setFixed(doc: BudgetDocument, table: number, row: string, col: string, amount: string): void {
  const t = doc.fixed[String(table)] ?? {};
  doc.fixed[String(table)] = t;
  const r = t[row] ?? {};
  t[row] = r;
  r[col] = amount;
}
