import { restoreDisplacedLines } from './displaced-lines';

/**
 * The 情况说明 of a 部门决算 packet as printed, kept for the audit (`narrative.printed`), one text
 * per section under `fa.<section>` (its 名词解释 is read by part-texts.ts). Sections are told by their headings
 * (“一、收入支出决算总体情况说明”…), recognised by what they name rather than their number, since
 * regions order them differently (Shanghai: 三公 is 七 and 绩效 十; Xinjiang: 三公 九, 绩效 十一).
 * The contents page lists the same headings: the text starts at the last 情况说明 part heading.
 */
export const FA_SECTIONS = [
  'overview',
  'income',
  'expenditure',
  'fiscal',
  'gb',
  'basic',
  'threePublic',
  'fund',
  'soe',
  'performance',
  'other',
] as const;

export type FaSection = (typeof FA_SECTIONS)[number];

export const faPrintedKey = (s: FaSection) => `fa.${s}`;

/** Set (to “未附”) by the import of a 决算 packet that printed no tables: its tables are to be entered. */
export const FA_TABLES_ABSENT = 'fa.tables';

/** True for a document imported from a 决算 packet (its 情况说明 kept under `fa.…`). */
export function hasFinalAccountsText(printed: Readonly<Record<string, string>>): boolean {
  return FA_SECTIONS.some((s) => printed[faPrintedKey(s)] !== undefined);
}

/** Most specific first: a heading is the first section whose words it has. */
const BY_TITLE: ReadonlyArray<readonly [RegExp, FaSection]> = [
  [/三公/, 'threePublic'],
  [/政府性基金/, 'fund'],
  [/国有资本经营/, 'soe'],
  [/基本支出/, 'basic'],
  [/一般公共预算财政拨款支出/, 'gb'],
  [/财政拨款收入支出/, 'fiscal'],
  [/收入支出决算总体/, 'overview'],
  [/收入决算/, 'income'],
  [/支出决算/, 'expenditure'],
  [/绩效/, 'performance'],
  [/其他重要事项/, 'other'],
];

export function faSectionOf(title: string): FaSection | undefined {
  return BY_TITLE.find(([re]) => re.test(title))?.[1];
}

const PART = /^第[一二三四五六七八九十]部分\s*.{0,60}?决算(?:情况)?(?:说明)?$|^第[一二三四五六七八九十]部分\s*.{0,60}?情况说明$/;
const HEADING = /^([一二三四五六七八九十]{1,3})、\s*(.{2,40}?(?:说明|情况))\s*$/;
/** What ends the text: the glossary part, a table title (绩效自评表 printed after it). */
const END = /^(?:第[一二三四五六七八九十]部分\s*)?名词解释$|自评表$|^附件/;
const PAGE_NUMBER = /^[-—–\s]*\d{1,4}[-—–\s]*$/;

export function finalAccountsPrintedText(lines: readonly string[]): Record<string, string> {
  const trimmed = restoreDisplacedLines(lines.map((l) => l.trim()));
  let start = -1;
  for (let i = 0; i < trimmed.length; i++) if (PART.test(trimmed[i]!) && !trimmed[i]!.includes('…') && /决算/.test(trimmed[i]!)) start = i;
  if (start < 0) return {};
  const out: Record<string, string> = {};
  let key: string | undefined;
  let body: string[] = [];
  const flush = () => {
    if (key && body.length && out[key] === undefined) out[key] = body.join('\n');
    body = [];
  };
  for (let i = start + 1; i < trimmed.length && i < start + 5000; i++) {
    const l = trimmed[i]!;
    if (END.test(l)) break;
    const h = HEADING.exec(l);
    const section = h ? faSectionOf(h[2]!) : undefined;
    if (section) {
      flush();
      key = faPrintedKey(section);
      continue;
    }
    if (key && l && !PAGE_NUMBER.test(l)) body.push(l);
  }
  flush();
  return out;
}
