import { BudgetSession } from '../../engine/session';
import { shanghaiBudget } from '../../formats/shanghai-budget';
import { newDocument } from '../../model/new-document';
import type { BudgetDocument } from '../../model/schema';
import { type Fen, formatExact } from '../../money';
import { formatIn } from '../../money/format-unit';
import { FUNCTION_CLASSES } from '../../templates/budget-2024/function-classes';
import type { FixedTableTemplate, HierTableTemplate, TableTemplate } from '../../templates/types';
import { CELLS_ON_OWN_LINES_ERROR, cellsOnOwnLines } from '../cells-on-own-lines';
import { type AssignColumn, type AssignRow, assignColumns } from '../packet/assign';
import type { PacketImportResult } from '../packet/import-text';
import { isContinuedHeading } from '../packet/lines';
import type { ImportWarning } from '../packet/warnings';
import { pageFooters } from '../page-footers';
import { amountToFen, isCellToken } from './amounts';
import { detectShanghai, headedAt, packetNames, packetYear, shanghaiTitle } from './detect';
import { shanghaiGlossaryText } from './glossary-text';
import { fillShanghaiInputs } from './narrative-inputs';
import { SH_PRINTED, shanghaiFunctionsText, shanghaiPrintedText } from './narrative-text';
import { shanghaiProjectNotesText } from './project-notes-text';
import { codedLines } from './rows';

interface Line {
  text: string;
  line: number;
}

/** A number as the packet printed it, kept to check the imported tables reproduce it. */
interface Printed {
  table: number;
  row: string;
  col: string;
  fen: Fen;
  line: number;
}

/** An amount cell as printed: an amount, or a dash for a zero. */
const isAmount = isCellToken;
const CLASS_BY_NAME = new Map(FUNCTION_CLASSES.map(([code, name]) => [name, code]));
const stripNumbering = (label: string) => label.replace(/^[（(]?[一二三四五六七八九十\d]+[)）]?\s*[、.．]\s*/, '').replace(/\s+/g, '');
const assignCols = (t: TableTemplate): AssignColumn[] => t.columns.map((c) => (c.sum ? { no: c.no, sum: c.sum } : { no: c.no }));

/** A fixed table's columns with the sums one of its rows declares across itself (合计 = its parts). */
function rowSums(t: FixedTableTemplate, rowKey: string): AssignColumn[] {
  const row = t.rows.find((r) => r.key === rowKey);
  return t.columns.map((c) => {
    const cell = row?.cells[c.no];
    const across = cell && 'terms' in cell && cell.terms.length > 0 && cell.terms.every((x) => x.table === undefined && x.row === rowKey);
    return across ? { no: c.no, sum: cell.terms.map((x) => x.col) } : { no: c.no };
  });
}

/** Which sources hold money at all, from the income lines already read (tables 1 and 4). */
function activeColumns(no: number, printed: readonly Printed[]): Set<string> | undefined {
  const has = (table: number, row: string) => printed.some((p) => p.table === table && p.row === row && p.fen !== 0);
  if (no === 2 && printed.some((p) => p.table === 1)) {
    const map: Array<[string, string]> = [['in.fiscal', '2'], ['in.business', '3'], ['in.operating', '4'], ['in.other', '5']];
    return new Set(['1', ...map.filter(([row]) => has(1, row)).map(([, col]) => col)]);
  }
  if (no === 4) {
    const map: Array<[string, string]> = [['in.gb', '3'], ['in.fund', '4'], ['in.soe', '5']];
    return new Set(['2', ...map.filter(([row]) => has(4, row)).map(([, col]) => col)]);
  }
  return undefined;
}

/**
 * Read a Shanghai 部门预算 / 单位预算 packet (text as pdftotext or the PDF reader gives it):
 * the format is recognised from the table titles; undefined when the text is not one.
 */
export function importShanghaiText(raw: string): PacketImportResult | undefined {
  const raws = raw.split(/\r?\n/);
  // A page's footer (`- 8 -`, `第 8 页 共 30 页`) is neither a row nor part of a wrapped name.
  const footer = pageFooters(raws);
  const lines: Line[] = raws.map((t, i) => {
    const text = t.replace(/\u3000/g, ' ').trim();
    return { text: isContinuedHeading(text) || footer[i] ? '' : text, line: i + 1 };
  });
  const variant = detectShanghai(lines.map((l) => l.text));
  if (!variant) return undefined;
  const format = shanghaiBudget(variant);
  const warnings: ImportWarning[] = [];
  const warn = (w: ImportWarning) => {
    if (warnings.length < 500) warnings.push(w);
  };

  // Table regions: from a title to the next title. A contents page lists the same titles, so a
  // title counts when its 编制部门 line follows; otherwise its last occurrence does.
  const texts = lines.map((l) => l.text);
  const names = packetNames(texts);
  const titles = lines.flatMap((l, i) => {
    const t = shanghaiTitle(l.text, names);
    return t ? [{ ...t, at: i }] : [];
  });
  const headed = (at: number) => headedAt(texts, at);
  const chosen = new Map<number, (typeof titles)[number]>();
  // Titles a table repeats on the page it continues on (title, 编制部门 line and header again).
  const continued = new Set<number>();
  let last: (typeof titles)[number] | undefined;
  for (const t of titles) {
    const prev = chosen.get(t.no);
    if (prev && headed(prev.at)) {
      // The table so far has not ended (no 合计/总计 line yet) and no other table came between: it goes on.
      if (last === prev && !tableEnded(t.no, lines.slice(prev.at + 1, t.at))) {
        continued.add(t.at);
        continue;
      }
      if (headed(t.at)) warn({ table: t.no, line: lines[t.at]!.line, message: '本表标题重复出现，后一份已略去' });
      continue;
    }
    chosen.set(t.no, t);
    last = t;
  }
  const starts = [...chosen.values()].sort((a, b) => a.at - b.at);
  const packetYr = packetYear(texts);
  const regions = new Map<number, { title: Line; lines: Line[]; year: number | undefined }>();
  starts.forEach((t, k) => {
    const end = titles.find((x) => x.at > t.at && !continued.has(x.at))?.at ?? lines.length;
    const body = lines.slice(t.at + 1, Math.min(end, starts[k + 1]?.at ?? lines.length));
    // A continuation's repeated title is not a row (its 编制部门 line and header are skipped as on the first page).
    regions.set(t.no, { title: lines[t.at]!, lines: body.map((l, j) => (continued.has(t.at + 1 + j) ? { ...l, text: '' } : l)), year: t.year });
  });
  if (cellsOnOwnLines([...regions.values()].flatMap((r) => r.lines.map((l) => l.text)))) return { ok: false, error: CELLS_ON_OWN_LINES_ERROR };
  const meta = [...regions.values()].flatMap((r) => r.lines.slice(0, 3).map((l) => l.text)).join('\n');
  const department = /编制(?:部门|单位)[:：]\s*(\S+)/.exec(meta)?.[1];
  if (!department) return { ok: false, error: '无法确定编制部门（表头“编制部门：”或“编制单位：”缺失），未导入。' };
  const year = regions.get(1)?.year ?? [...regions.values()].find((r) => r.year !== undefined)?.year ?? packetYr;
  if (year === undefined) return { ok: false, error: '无法确定预算年度（表名和封面都没有印“20XX年”），未导入。' };
  const doc = newDocument(department, year, '元', format.id);
  const printed: Printed[] = [];
  const emptyTables: number[] = [];
  let rowCount = 0;

  for (const t of format.tables) {
    const region = regions.get(t.no);
    if (!region) {
      warn({ table: t.no, message: `没有找到表${t.no}“${t.title}”` });
      continue;
    }
    const unitText = /单位[:：]\s*(万元|元)/.exec(region.lines.slice(0, 3).map((l) => l.text).join(' '))?.[1];
    const unit = (unitText ?? t.printUnit ?? '万元') as '元' | '万元';
    if (unitText && unitText !== (t.printUnit ?? '万元')) warn({ table: t.no, line: region.title.line, message: `本表单位印为“${unitText}”，按${unitText}读取` });
    const body = region.lines.filter((l) => !/编制(部门|单位)/.test(l.text));
    const n =
      t.kind === 'hier'
        ? readHier(t, body, unit, doc, printed, warn)
        : t.no === 9
          ? readSingleRow(t, body, unit, doc, printed, warn)
          : readTwoSided(t, body, unit, doc, printed, warn);
    if (n === 0) emptyTables.push(t.no);
    rowCount += n;
  }

  // The explanation text, for the audit of its figures against these tables.
  Object.assign(doc.narrative.printed, shanghaiPrintedText(lines.map((l) => l.text)));
  doc.profile.functions = shanghaiFunctionsText(lines.map((l) => l.text));
  // 项目经费情况说明: kept as printed for the audit, and as the inputs that print it again.
  const notes = shanghaiProjectNotesText(lines.map((l) => l.text));
  if (notes && format.narrative?.some((s) => s.writer === 'sh-project-notes')) {
    doc.narrative.printed[SH_PRINTED.projects] = notes.text;
    doc.narrative.projectNotes = notes.names;
    for (const n of notes.names) doc.narrative.projects[n] = { ...doc.narrative.projects[n], ...notes.fields[n] };
  }
  const glossary = shanghaiGlossaryText(lines.map((l) => l.text));
  if (glossary.length > 0) doc.glossary = glossary;

  // Every printed number must be what the imported tables compute: the identities hold as printed.
  const session = BudgetSession.open(doc);
  // What the explanation text states beyond the tables (last year's figures, reasons, counts): the inputs it prints from.
  fillShanghaiInputs(doc, session);
  // A part of a packet: a number the format takes from a table the text does not have cannot be checked here.
  const missing = new Set(format.tables.filter((t) => !regions.has(t.no)).map((t) => t.no));
  const unchecked = new Map<number, Set<number>>();
  for (const p of printed) {
    const from = missing.size > 0 ? missingSources(format.tables, p.table, p.row, p.col, missing) : [];
    if (from.length > 0) {
      const set = unchecked.get(p.table) ?? new Set<number>();
      for (const m of from) set.add(m);
      unchecked.set(p.table, set);
      continue;
    }
    const shown = session.display(p.table, p.row, p.col);
    const unit = format.tables.find((x) => x.no === p.table)?.printUnit ?? '万元';
    if (shown !== p.fen) {
      warn({ table: p.table, line: p.line, message: `印制数 ${formatIn(p.fen, unit)} 与按本表明细计算的 ${formatIn(shown, unit)} 不符（第${p.col}栏）` });
    }
  }
  for (const [no, from] of unchecked) {
    const list = [...from].sort((a, b) => a - b).map((m) => `表${m}`).join('、');
    warn({ table: no, message: `本表部分数由文件中没有的${list}计算（现按 0 计），这些印制数未能核对` });
  }
  return { ok: true, doc, warnings, summary: { tables: [...regions.keys()].sort((a, b) => a - b), rows: rowCount, emptyTables } };
}

/** The missing tables a cell's number is computed from (through the cells it sums), none when it is all in the text. */
function missingSources(tables: readonly TableTemplate[], table: number, row: string, col: string, missing: ReadonlySet<number>): number[] {
  const out = new Set<number>();
  const seen = new Set<string>();
  const walk = (no: number, r: string, c: string) => {
    const key = `${no}|${r}|${c}`;
    if (seen.has(key) || seen.size > 500) return;
    seen.add(key);
    if (missing.has(no)) {
      out.add(no);
      return;
    }
    const t = tables.find((x) => x.no === no);
    if (t?.kind !== 'fixed') return;
    const cell = t.rows.find((x) => x.key === r)?.cells[c];
    if (cell && 'terms' in cell) for (const term of cell.terms) walk(term.table ?? no, term.row, term.col);
  };
  walk(table, row, col);
  return [...out];
}

/**
 * Whether the lines of a table (from its title on) already hold its closing line: the 合计 /
 * 收入总计 / 支出总计 row with its amounts, or for table 9 its line of amounts. A title printed
 * again before that starts the table's next page, not a second copy of the table.
 */
function tableEnded(no: number, lines: readonly Line[]): boolean {
  return lines.some((l) => {
    const toks = l.text.split(/\s+/).filter(Boolean);
    if (toks.length === 0) return false;
    if (no === 9) return toks.every(isAmount);
    // `合计 91,016,775.35`, `收入总计 …`, also with the label spaced out (`合 计`).
    return /(?:合计|总计)(?:\d|[-—–－](?:\d|$))/.test(toks.join(''));
  });
}

function entered(t: TableTemplate, col: string): boolean {
  return t.columns.find((c) => c.no === col)?.role === 'entered';
}

function readHier(t: HierTableTemplate, body: Line[], unit: '元' | '万元', doc: BudgetDocument, printed: Printed[], warn: (w: ImportWarning) => void): number {
  const economic = t.rowSet === 'economic';
  const rows = codedLines(body, economic).filter((r) => r.amounts.length > 0 && (r.total || r.code));
  const leafLen = economic ? 5 : 7;
  const index = new Map<string, number>();
  const totalAt = rows.findIndex((r) => r.total);
  const assignRows: AssignRow[] = rows.map((r) => {
    const amounts = r.amounts.map((a) => amountToFen(a, unit));
    if (r.total) return { amounts };
    const code = r.code!;
    index.set(code, rows.indexOf(r));
    const parentCode = code.length > 3 ? code.slice(0, code.length - 2) : undefined;
    const parent = parentCode ? index.get(parentCode) : totalAt >= 0 ? totalAt : undefined;
    return parent === undefined ? { amounts } : { amounts, parent };
  });
  const active = activeColumns(t.no, printed);
  const placed = assignColumns(active ? { columns: assignCols(t), rows: assignRows, active } : { columns: assignCols(t), rows: assignRows });
  for (const i of placed.uncertain) warn({ table: t.no, line: rows[i]!.line, message: '本行金额属于哪一栏无法唯一确定，已按最可能的一种读取，请核对' });
  for (const i of placed.inconsistent) warn({ table: t.no, line: rows[i]!.line, message: '本行金额与本行合计不符' });
  let leaves = 0;
  rows.forEach((r, i) => {
    const cols = placed.cols[i]!;
    const key = r.total ? 'total' : r.code!;
    r.amounts.forEach((a, k) => {
      printed.push({ table: t.no, row: key, col: cols[k]!, fen: amountToFen(a, unit), line: r.line });
    });
    if (r.total) return;
    const code = r.code!;
    if (code.length !== leafLen) {
      if (r.name) doc.names[code] = r.name;
      return;
    }
    leaves++;
    const list = economic ? doc.economicRows : doc.functionRows;
    let row = list.find((x) => x.code === code);
    if (!row) {
      row = { code, values: {} };
      list.push(row);
    }
    if (r.name && !row.name) row.name = r.name;
    r.amounts.forEach((a, k) => {
      const col = cols[k]!;
      const fen = amountToFen(a, unit);
      if (fen !== 0 && entered(t, col)) row.values[`${t.no}.${col}`] = formatExact(fen, doc.unit);
    });
  });
  return leaves;
}

/** Split a two-sided line into its labelled parts: `一、财政拨款收入 91,016,775.35 一、一般公共服务支出 82,096,797.42`. */
function labelledParts(text: string): Array<{ label: string; amounts: string[] }> {
  const parts: Array<{ label: string; amounts: string[] }> = [];
  for (const tok of text.split(/\s+/).filter(Boolean)) {
    const last = parts.at(-1);
    if (isAmount(tok) && last) last.amounts.push(tok);
    else if (isAmount(tok)) continue;
    else if (!last || last.amounts.length > 0 || /^[一二三四五六七八九十]+[、.．]|^\d+[、.．]|^(收入|支出)总计$/.test(tok)) parts.push({ label: tok, amounts: [] });
    else last.label += tok;
  }
  return parts;
}

function readTwoSided(t: FixedTableTemplate, body: Line[], unit: '元' | '万元', doc: BudgetDocument, printed: Printed[], warn: (w: ImportWarning) => void): number {
  const income = t.rows.filter((r) => r.side === 'income');
  const outCols = t.columns.filter((c) => t.rows.some((r) => r.side === 'expenditure' && r.cells[c.no])).map((c) => c.no);
  const inCols = t.columns.filter((c) => income.some((r) => r.cells[c.no])).map((c) => c.no);
  const out: Array<{ key: string; amounts: Fen[]; line: number }> = [];
  let n = 0;
  for (const l of body) {
    for (const p of labelledParts(l.text)) {
      const name = stripNumbering(p.label);
      const inRow = income.find((r) => stripNumbering(r.label) === name);
      if (inRow) {
        n++;
        p.amounts.forEach((a, k) => {
          const col = inCols[k];
          if (!col) return;
          const fen = amountToFen(a, unit);
          printed.push({ table: t.no, row: inRow.key, col, fen, line: l.line });
          if (fen !== 0 && 'entered' in (inRow.cells[col] ?? {})) setFixed(doc, t.no, inRow.key, col, formatExact(fen, doc.unit));
        });
        continue;
      }
      const code = CLASS_BY_NAME.get(name);
      const key = code ? `out.${code}` : name === '支出总计' ? 'out.total' : undefined;
      if (key) {
        n++;
        if (p.amounts.length) out.push({ key, amounts: p.amounts.map((a) => amountToFen(a, unit)), line: l.line });
      } else if (p.amounts.length > 0 && !/^项目|预算数/.test(name)) warn({ table: t.no, line: l.line, message: `不认识的行“${p.label}”，已略去` });
    }
  }
  // Expenditure amounts may leave columns blank: place them by the row sums and the 支出总计.
  const firstClass = t.rows.find((r) => r.side === 'expenditure')!.key;
  const columns = rowSums(t, firstClass).filter((c) => outCols.includes(c.no));
  const totalAt = out.findIndex((o) => o.key === 'out.total');
  const active = activeColumns(t.no, printed);
  const rows = out.map((o, i) => (i !== totalAt && totalAt >= 0 ? { amounts: o.amounts, parent: totalAt } : { amounts: o.amounts }));
  const placed = assignColumns(active ? { columns, rows, active } : { columns, rows });
  out.forEach((o, i) => {
    o.amounts.forEach((fen, k) => {
      const col = placed.cols[i]![k]!;
      printed.push({ table: t.no, row: o.key, col, fen, line: o.line });
      const row = t.rows.find((r) => r.key === o.key);
      if (fen !== 0 && row && 'entered' in (row.cells[col] ?? {})) setFixed(doc, t.no, o.key, col, formatExact(fen, doc.unit));
    });
  });
  for (const i of placed.uncertain) warn({ table: t.no, line: out[i]!.line, message: '本行金额属于哪一栏无法唯一确定，已按最可能的一种读取，请核对' });
  return n;
}

/** Table 9: one line of amounts under a header; blank cells are left out, so place by the sums. */
function readSingleRow(t: FixedTableTemplate, body: Line[], unit: '元' | '万元', doc: BudgetDocument, printed: Printed[], warn: (w: ImportWarning) => void): number {
  const line = body.find((l) => {
    const toks = l.text.split(/\s+/).filter(Boolean);
    return toks.length > 0 && toks.every(isAmount);
  });
  if (!line) return 0;
  const row = t.rows[0]!;
  const amounts = line.text.split(/\s+/).filter(Boolean).map((a) => amountToFen(a, unit));
  const placed = assignColumns({ columns: rowSums(t, row.key), rows: [{ amounts }] });
  if (placed.uncertain.length) warn({ table: t.no, line: line.line, message: '本行金额属于哪一栏无法唯一确定，已按最可能的一种读取，请核对' });
  amounts.forEach((fen, k) => {
    const col = placed.cols[0]![k]!;
    printed.push({ table: t.no, row: row.key, col, fen, line: line.line });
    if (fen !== 0 && 'entered' in (row.cells[col] ?? {})) setFixed(doc, t.no, row.key, col, formatExact(fen, doc.unit));
  });
  return 1;
}

function setFixed(doc: BudgetDocument, table: number, row: string, col: string, amount: string): void {
  const t = doc.fixed[String(table)] ?? {};
  doc.fixed[String(table)] = t;
  const r = t[row] ?? {};
  t[row] = r;
  r[col] = amount;
}
