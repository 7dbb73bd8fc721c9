import { type SourceLine, squash } from './lines';
import { PAGE_NUMBER } from './page-number';
import { isAmount } from './tokens';

/** One data line of a table region, after headers, page furniture and sentences are removed. */
export interface DataLine {
  no: number;
  text: string;
  cells?: string[];
}

export interface TableBody {
  /** Department as printed after 编制部门/编制单位 (first occurrence). */
  department?: string;
  /** Header text, spaces removed, for recognising columns by their words. */
  headerText: string;
  /** The `※ ※ 1 2 3` row: its cells when tab-separated, else its tokens. */
  marker?: { cells: string[]; tabbed: boolean; line: number };
  data: DataLine[];
  notes: string[];
  /** The table says it is empty (…为空表). */
  emptyStated?: string;
  /** The table states 单位：元 rather than 万元. */
  unitYuan?: boolean;
}

const REPEATED_HEADER = /科目编码|科目名称|^类款项?$|^科目|资金来源|^项目名称总计/;

function isDeptLine(s: string): boolean {
  return /^编制(部门|单位)[:：]/.test(s);
}

/** The name after 编制部门：, up to a 单位： on the same line (cut by index: a lazy regex rescans runs of spaces). */
function deptOf(text: string): string | undefined {
  const m = /编制(?:部门|单位)\s{0,8}[:：]/.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m.index + m[0].length);
  const unit = /\S\s{0,8}单位\s{0,8}[:：]/.exec(rest);
  const d = (unit ? rest.slice(0, unit.index + 1) : rest).replace(/\s+/g, '');
  return d ? d : undefined;
}

/** A bracketed remark about the table (`（表7中不包含…）`, `（注：…）`, `（本表…）`), carrying no amount. */
function isBracketedNote(s: string, text: string): boolean {
  if (!/^[（(]/.test(s) || isAmount(text.split(/\s+/).pop() ?? '')) return false;
  return /^[（(](表\d|注|说明|本表|此表|以上|上表)/.test(s) || /^[（(].{0,60}(不包含|不含|未包含|包含|包括)/.test(s);
}

/** A line that starts the data of a table without a `※` row (tables 1 and 4). */
function fixedDataStart(text: string): boolean {
  const s = squash(text);
  return /^一、/.test(s) || /^\d{3}[^\d]/.test(s.replace(/^.*?\t/, ''));
}

/**
 * Separate a table region into header, data lines, notes and the empty-table sentence.
 * A repeated header after a page break (编制部门 … ※ row) is skipped wherever it appears.
 */
export function readBody(lines: readonly SourceLine[], hasMarker: boolean): TableBody {
  const body: TableBody = { headerText: '', data: [], notes: [] };
  let state: 'header' | 'data' | 'sentence' | 'note' = 'header';
  let repeatHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (text === '') continue;
    const s = squash(text);
    if (/单位[:：]元$/.test(s)) body.unitYuan = true;
    if (isDeptLine(s)) {
      body.department ??= deptOf(text);
      if (body.marker || body.data.length > 0) repeatHeader = true;
      state = state === 'sentence' ? 'sentence' : 'header';
      continue;
    }
    if (/^(金额)?单位[:：]?(万元|元)$/.test(s)) continue;
    if (PAGE_NUMBER.test(text) && (state !== 'data' || !/^\d{3}$/.test(text) || nextIsPage(lines, i))) continue;
    if (s.startsWith('※')) {
      if (!body.marker) body.marker = { cells: line.cells ?? text.split(/\s+/), tabbed: line.cells !== undefined, line: line.no };
      repeatHeader = false;
      state = 'data';
      continue;
    }
    if (/为空表|^(本|该)?(部门|单位)?.{0,40}没有.{0,30}(支出|收入|安排|预算)/.test(s) && !isAmount(text.split(/\s+/).pop() ?? '')) {
      body.emptyStated = (body.emptyStated ? body.emptyStated : '') + s;
      state = /[。.]$/.test(s) ? 'data' : 'sentence';
      continue;
    }
    if (state === 'sentence') {
      body.emptyStated += s;
      if (/[。.]$/.test(s)) state = 'data';
      continue;
    }
    if (/^注[:：\d１-９、]/.test(s) || /^说明[:：]/.test(s)) {
      body.notes.push(text);
      state = 'note';
      continue;
    }
    if (isBracketedNote(s, text)) {
      // `（表7中不包含结转结余资金，…）` under a table is its note; short enough to pass for a
      // wrapped name, it would otherwise be glued onto the last row's name.
      body.notes.push(text);
      if (!/[）)]$/.test(s)) state = 'note';
      continue;
    }
    if (state === 'note') {
      if (!/\d/.test(s) || !/\.\d{2}(\s|$)/.test(text)) {
        body.notes[body.notes.length - 1] += text;
        continue;
      }
      state = 'data';
    }
    if (state === 'data' && hasMarker && REPEATED_HEADER.test(s) && !/\d\.\d{2}/.test(text)) {
      // A page break repeated the header without the 编制部门 line.
      repeatHeader = true;
      continue;
    }
    if (state === 'header' || repeatHeader) {
      if (!hasMarker && fixedDataStart(line.cells ? line.cells.join('\t') : text)) {
        state = 'data';
        repeatHeader = false;
      } else {
        if (!repeatHeader) body.headerText += s;
        continue;
      }
    }
    const d: DataLine = { no: line.no, text };
    if (line.cells) d.cells = line.cells;
    body.data.push(d);
  }
  return body;
}

/** A lone 3-digit line is a page number when a table title, header or page furniture follows. */
function nextIsPage(lines: readonly SourceLine[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    const t = lines[j]!.text;
    if (t === '') continue;
    const s = squash(t);
    return /^((?:附)?表(?:\d|[一二三四五六七八九十]{1,3}$)|编制|第[一二三四]部分)/.test(s) || j === lines.length;
  }
  return true;
}
