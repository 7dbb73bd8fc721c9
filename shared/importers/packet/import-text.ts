import { BUILTIN_FUNCTION } from '../../classification/builtin';
import { INPUT_BOUNDS } from '../../limits/input-bounds';
import { CELLS_ON_OWN_LINES_ERROR, cellsOnOwnLines } from '../cells-on-own-lines';
import { documentBoundError } from '../../model/document-bounds';
import { newDocument } from '../../model/new-document';
import type { BudgetDocument } from '../../model/schema';
import { FEN_PER_WAN_CENT } from '../../money/fen';
import { budget2024 } from '../../templates/budget-2024';
import type { FixedTableTemplate, HierTableTemplate, TableTemplate } from '../../templates/types';
import { readBody } from './body';
import { DocumentFiller } from './build-doc';
import { type ParsedFixedTable, parseThreePublic, parseTwoSided } from './fixed';
import { isCodeLabel, type ParsedHierTable, parseHierTable } from './hier';
import { splitLines, squash } from './lines';
import { readNarrative } from './narrative';
import { basicOrProject, carryoverPrior, economicPrior, projectEvidence, table11Active, table2Active, table4Active } from './priors';
import { segment } from './segment';
import { centsText } from './tokens';
import { type ImportWarning, WarningList } from './warnings';

export interface PacketImport {
  ok: true;
  doc: BudgetDocument;
  warnings: ImportWarning[];
  summary: { tables: number[]; rows: number; emptyTables: number[] };
}

export type PacketImportResult = PacketImport | { ok: false; error: string };

const MIN_TABLES = 6;
const BUILTIN_NAMES = new Map(BUILTIN_FUNCTION.map(([c, n]) => [c, n]));

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function yearOf(text: string): number | undefined {
  const head = text.slice(0, 20_000);
  const m = /(20\d{2})\s*年\s*(?:度\s*)?(?:部门|单位)?\s*预\s*算/.exec(head) ?? /(20\d{2})\s*年/.exec(head);
  return m ? Number(m[1]) : undefined;
}

/**
 * Tables printed in 元 (`单位：元`) hold 分 as parsed. Amounts in whole hundreds of 元 become
 * 万元 with 2 decimals exactly (÷ 10,000 in integers); a table with finer amounts keeps its 分,
 * written as 万元 with up to 6 decimals (returned, for the filler). Each is reported.
 */
function tablesInYuan(
  bodies: ReadonlyMap<number, { region: { titleLine: number }; body: { unitYuan?: boolean } }>,
  fixed: ReadonlyMap<number, ParsedFixedTable>,
  hier: ReadonlyMap<number, ParsedHierTable>,
  warn: (w: ImportWarning) => void,
): Set<number> {
  const exactOnly = new Set<number>();
  for (const [no, b] of bodies) {
    if (!b.body.unitYuan) continue;
    const maps: Array<Map<string, number>> = [...(fixed.get(no)?.cells.values() ?? []), ...(hier.get(no)?.rows.map((r) => r.values) ?? [])];
    const whole = maps.every((m) => [...m.values()].every((v) => v % FEN_PER_WAN_CENT === 0));
    if (whole) {
      for (const m of maps) for (const [c, v] of m) m.set(c, v / FEN_PER_WAN_CENT);
      warn({ table: no, line: b.region.titleLine, message: '本表单位为“元”，金额已按 1 万元 = 10,000 元换算为万元（均为整百元，换算无误差）' });
    } else {
      exactOnly.add(no);
      warn({
        table: no,
        line: b.region.titleLine,
        message: '本表单位为“元”，金额已按 1 万元 = 10,000 元换算为万元；其中有不足 100 元的尾数，按元精确保存（万元最多 6 位小数），表中按 0.01 万元四舍五入列示',
      });
    }
  }
  return exactOnly;
}

/**
 * Read the text of a published 部门预算公开 packet into a budget document: all 11 tables as
 * printed, part 1, the narrative of part 3 and last year's figures it implies. Anything it
 * cannot read is a warning naming the table and line; a file that is not a packet is refused.
 */
export function importPacketText(raw: string): PacketImportResult {
  const split = splitLines(raw);
  if (!split.ok) return split;
  const lines = split.lines;
  const seg = segment(lines);
  if (seg.tables.length === 0) {
    if (/部门决算|决算公开/.test(raw.slice(0, 5000))) {
      return { ok: false, error: '文件提到“部门决算”，但其中既没有决算公开表（如“收入支出决算总表”），也没有可识别的“部门决算情况说明”各节（如“一、收入支出决算总体情况说明”），无法导入。' };
    }
    return { ok: false, error: '文件中没有找到部门预算公开表（如“部门收支总体情况表”），不是可导入的部门预算公开文件。' };
  }
  if (seg.tables.length < MIN_TABLES) {
    const found = seg.tables.map((t) => `表${t.no}`).join('、');
    return { ok: false, error: `文件中只找到 ${seg.tables.length} 张公开表（${found}），文件可能不完整或被截断，未导入。` };
  }
  if (cellsOnOwnLines(seg.tables.flatMap((t) => t.lines.map((l) => l.text)))) return { ok: false, error: CELLS_ON_OWN_LINES_ERROR };
  for (const t of seg.tables) {
    if (t.lines.length > INPUT_BOUNDS.maxTableRows) {
      return { ok: false, error: `表${t.no}（第 ${t.titleLine} 行起）有 ${t.lines.length.toLocaleString('en-US')} 行，超过了一张表可导入的上限（${INPUT_BOUNDS.maxTableRows.toLocaleString('en-US')} 行），未导入。` };
    }
  }
  const warnings = new WarningList(INPUT_BOUNDS.maxWarnings);
  const warn = (w: ImportWarning) => warnings.add(w);
  for (const no of split.cut) warn({ line: no, message: `本行超过 ${INPUT_BOUNDS.maxLineChars.toLocaleString('en-US')} 个字符，只读取了前 ${INPUT_BOUNDS.maxLineChars.toLocaleString('en-US')} 个字符` });
  if (seg.part3.length === 0) warn({ message: '未找到“第三部分 部门预算情况说明”，文件可能不完整；只导入了公开表' });
  else if (seg.part4.length === 0) warn({ message: '未找到“第四部分 名词解释”，文件可能在第三部分中途被截断，情况说明可能不全' });
  for (const d of seg.duplicates) warn({ table: d.no, line: d.titleLine, message: '本表标题重复出现，后一份已略去' });
  for (const u of seg.unknown) {
    warn({ line: u.titleLine, message: `“${u.title}”不是本格式（${budget2024.tables.length} 张公开表）中的表，其内容（${u.lines} 行）未导入` });
  }
  for (const t of seg.tables) {
    if (t.printedNo !== undefined) warn({ table: t.no, line: t.titleLine, message: `标题前印的表号是“表${t.printedNo}”，按标题识别为表${t.no}` });
  }

  const template = budget2024;
  const tpl = (no: number): TableTemplate => template.tables.find((t) => t.no === no)!;
  const bodies = new Map(seg.tables.map((r) => [r.no, { region: r, body: readBody(r.lines, tpl(r.no).kind === 'hier' || r.no === 10) }]));

  const department =
    mostCommon([...bodies.values()].map((b) => b.body.department).filter((d): d is string => Boolean(d))) ??
    lines.find((l) => l.text !== '')?.text.replace(/\s+/g, '');
  if (!department || department.length > 60) return { ok: false, error: '无法确定编制部门（表头“编制部门：”缺失），未导入。' };
  const year = yearOf(raw);
  if (year === undefined) return { ok: false, error: '无法确定预算年度（文中没有“20XX 年部门预算”），未导入。' };

  const narrative = readNarrative(seg, department, warn);

  const fixed = new Map<number, ParsedFixedTable>();
  const hier = new Map<number, ParsedHierTable>();
  const t1 = bodies.get(1);
  if (t1) fixed.set(1, parseTwoSided(tpl(1) as FixedTableTemplate, t1.body, warn));
  const t4 = bodies.get(4);
  if (t4) {
    const first = parseTwoSided(tpl(4) as FixedTableTemplate, t4.body, () => {});
    fixed.set(4, parseTwoSided(tpl(4) as FixedTableTemplate, t4.body, warn, table4Active(first.cells)));
  }
  const t10 = bodies.get(10);
  if (t10) fixed.set(10, parseThreePublic(tpl(10) as FixedTableTemplate, t10.body, warn));

  const names = new Map<string, string>();
  const functionName = (code: string) => names.get(code) ?? BUILTIN_NAMES.get(code);
  const projectCodes = new Set<string>();
  // Table 7 first when its columns are explicit? Its codes tell tables 3 and 5 which 项 hold projects,
  // and its placement needs names from table 2; read 2, then 7, then the rest.
  const order = [2, 7, 3, 5, 6, 8, 9, 11];
  const t7evidence = projectEvidence((p) => narrative.projectText(p));
  for (const no of order) {
    const b = bodies.get(no);
    if (!b) continue;
    const t = tpl(no) as HierTableTemplate;
    const ctx: Parameters<typeof parseHierTable>[2] = { department, functionName };
    if (no === 2) {
      const active = table2Active(fixed.get(1));
      if (active) ctx.active = active;
      ctx.prior = (_r, col) => (col === '3' ? 2 : col === '10' ? 1 : 0);
    } else if (no === 3 || no === 5) ctx.prior = basicOrProject(projectCodes, ['2'], '3');
    else if (no === 8 || no === 9) ctx.prior = basicOrProject(projectCodes, ['2', '3'], '4');
    else if (no === 6) ctx.prior = economicPrior;
    else if (no === 7) ctx.prior = t7evidence.prior;
    else if (no === 11) {
      const active = table11Active(fixed.get(1));
      if (active) ctx.active = active;
      ctx.prior = carryoverPrior;
    }
    const parsed = parseHierTable(t, b.body, ctx, warn);
    hier.set(no, parsed);
    if (no === 7) {
      // An amount the description gives to a recipient whose name holds another column's word: a guess, said so.
      for (const r of parsed.rows) {
        if (r.kind !== 'leaf' || !r.inferred) continue;
        for (const [col, v] of r.values) {
          if (col === '1') continue;
          const d = t7evidence.doubt(r, col, v);
          if (!d) continue;
          const name = (c: string) => t.columns.find((x) => x.no === c)?.name ?? c;
          warn({
            table: 7,
            line: r.line,
            message: `“${r.project || r.name}”的 ${centsText(v)} 属于哪一栏无法唯一确定：资金分配情况写的是拨给“${d.recipient}”，没有说明支出经济分类，已按“${name(col)}”（第${col}栏）读取，也可能是“${name(d.col)}”（第${d.col}栏），请核对`,
          });
        }
      }
    }
    for (const r of parsed.rows) {
      if (r.code && r.name && r.kind !== 'leaf') names.set(r.code, r.name);
      if (r.code && r.name && r.kind === 'leaf' && no !== 7) names.set(r.code, r.name);
      if (no === 7 && r.kind === 'leaf' && r.code) projectCodes.add(r.code);
    }
    if (parsed.rows.length === 0 && !parsed.emptyStated && b.body.data.length === 0) {
      warn({ table: no, line: b.region.titleLine, message: '本表没有数据行，也没有“为空表”的说明' });
    }
  }
  for (const no of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) {
    if (!bodies.has(no)) warn({ table: no, message: `未找到“${tpl(no).title}”，该表按空表处理` });
  }

  const yuanTables = tablesInYuan(bodies, fixed, hier, warn);
  const doc = newDocument(department, year, '万元');
  const filler = new DocumentFiller(doc, warn, yuanTables);
  for (const no of [2, 3, 5, 8, 9, 6, 7, 11]) {
    const p = hier.get(no);
    if (p) filler.hier(tpl(no) as HierTableTemplate, p);
  }
  for (const [no, p] of fixed) filler.fixed(tpl(no) as FixedTableTemplate, p);
  narrative.fill(doc);
  // Notes printed under tables (e.g. “注：一般公共预算含上级转移支付…”) are kept with the printed text.
  for (const [no, b] of bodies) {
    if (b.body.notes.length > 0) doc.narrative.printed[`note.t${no}`] = b.body.notes.join('\n');
    // The empty-table sentence as printed ('' when the table has none), for the audit of the text.
    doc.narrative.printed[`empty.t${no}`] = b.body.emptyStated ?? '';
    const p = hier.get(no);
    // Rows that make no sense as printed, for the audit: coded rows without a name, unit rows labelled with a code.
    const unnamed = p?.rows.filter((r) => r.code && r.kind !== 'total' && r.kind !== 'unit' && !r.name && !r.project).map((r) => r.code!) ?? [];
    if (unnamed.length > 0) doc.narrative.printed[`row.unnamed.t${no}`] = unnamed.join('、');
    const coded = p?.rows.filter((r) => r.kind === 'unit' && (isCodeLabel(r.name) || r.misprinted?.as === 'code')).map((r) => r.misprinted?.label ?? r.name) ?? [];
    if (coded.length > 0) doc.narrative.printed[`row.unitcode.t${no}`] = coded.join('、');
    const named = p?.rows.filter((r) => r.misprinted?.as === 'project').map((r) => r.misprinted!.label) ?? [];
    if (named.length > 0) doc.narrative.printed[`row.unitproject.t${no}`] = named.join('、');
    if (p?.rows.some((r) => r.misprinted?.as === 'none')) doc.narrative.printed[`row.unitunnamed.t${no}`] = '1';
    if (b.body.emptyStated && p && p.rows.length > 0) {
      warn({ table: no, line: b.region.titleLine, message: '本表印有数据行，却又写明“为空表”，请核对' });
    }
  }
  if (seg.part1.length === 0) warn({ message: '未找到“第一部分 部门概况”，主要职能和人员情况未导入' });
  else if (doc.profile.staff.authorized === undefined && doc.profile.staff.actual === undefined) {
    warn({ message: '第一部分中没有读到编制数和实有人数' });
  }

  const bound = documentBoundError(doc); // the one amount bound: an imported document must open and save
  if (bound) return { ok: false, error: `文件中的金额超出本程序可处理的范围，未导入：${bound}` };
  const rows = [...hier.values()].reduce((n, p) => n + p.rows.length, 0) + [...fixed.values()].reduce((n, p) => n + p.cells.size, 0);
  const emptyTables = [...hier.values()].filter((p) => p.rows.length === 0).map((p) => p.no);
  return { ok: true, doc, warnings: warnings.list(), summary: { tables: seg.tables.map((t) => t.no).sort((a, b) => a - b), rows, emptyTables } };
}

export { squash };
