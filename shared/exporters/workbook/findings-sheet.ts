import type { Finding } from '../../rules/finding';
import { FINDINGS_SHEET } from './sheet-name';
import { displayWidth } from './text-width';
import { type LayoutCell, PAGE_FOOTER, type SheetLayout } from './types';

const HEADERS = ['序号', '类别', '表', '行', '栏', '应为', '实为', '说明'];
const WIDTHS = [6, 8, 6, 30, 6, 12, 12, 100];

/** The sheet `检查结果`: one line per finding, so the finance bureau sees what is still open. */
export function findingsSheet(findings: readonly Finding[]): SheetLayout {
  const text = (v: string | number): LayoutCell => ({ v, s: 'finding' });
  const rows: LayoutCell[][] = [HEADERS.map((v) => ({ v, s: 'findingHeader' as const }))];
  const heights: Record<number, number> = {};
  findings.forEach((f, i) => {
    rows.push([
      text(i + 1),
      text(f.severity === 'error' ? '错误' : '提示'),
      text(`表${f.table}`),
      text(f.row),
      text(f.column),
      text(f.expected),
      text(f.actual),
      text(f.message),
    ]);
    const lines = Math.ceil(displayWidth(f.message) / (WIDTHS[7]! - 4));
    if (lines > 1) heights[i + 1] = 15 * lines;
  });
  return {
    name: FINDINGS_SHEET,
    widths: WIDTHS,
    rows,
    heights,
    merges: [],
    frozenRows: 1,
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, repeatRows: [0, 0], footer: PAGE_FOOTER },
  };
}
