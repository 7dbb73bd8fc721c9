import type { Finding } from '../../rules/finding';
import { FINDINGS_SHEET } from './sheet-name';
import { displayWidth } from './text-width';
import { type LayoutCell, type Merge, PAGE_FOOTER, type SheetLayout } from './types';

const HEADERS = ['序号', '类别', '表', '行', '栏', '应为', '实为', '说明'];
const WIDTHS = [6, 8, 6, 30, 6, 12, 12, 100];
/** Title and the department line sit above the header row. */
const HEADER_ROW = 2;

/** The sheet `检查结果`: one line per finding, so the finance bureau sees what is still open. */
export function findingsSheet(findings: readonly Finding[], department: string): SheetLayout {
  const text = (v: string | number): LayoutCell => ({ v, s: 'finding' });
  const blank = (): LayoutCell[] => WIDTHS.map(() => ({ s: 'blank' as const }));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const title = blank();
  title[0] = { v: '检查结果', s: 'title' };
  const meta = blank();
  meta[0] = { v: `编制部门：${department}　共 ${findings.length} 条：错误 ${errors} 条，提示 ${findings.length - errors} 条`, s: 'meta' };
  const rows: LayoutCell[][] = [title, meta, HEADERS.map((v) => ({ v, s: 'findingHeader' as const }))];
  const merges: Merge[] = [
    { top: 0, left: 0, bottom: 0, right: WIDTHS.length - 1 },
    { top: 1, left: 0, bottom: 1, right: WIDTHS.length - 1 },
  ];
  const heights: Record<number, number> = { 0: 30 };
  for (const [i, f] of findings.entries()) {
    rows.push([
      text(i + 1),
      text(f.severity === 'error' ? '错误' : '提示'),
      // A finding of the text (第三部分, 情况说明) belongs to no table.
      text(f.table > 0 ? `表${f.table}` : '文字'),
      text(f.row),
      text(f.column),
      text(f.expected),
      text(f.actual),
      text(f.message),
    ]);
    const lines = Math.ceil(displayWidth(f.message) / (WIDTHS[7]! - 4));
    if (lines > 1) heights[rows.length - 1] = 15 * lines;
  }
  return {
    name: FINDINGS_SHEET,
    widths: WIDTHS,
    rows,
    heights,
    merges,
    frozenRows: HEADER_ROW + 1,
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, repeatRows: [HEADER_ROW, HEADER_ROW], footer: PAGE_FOOTER },
  };
}
