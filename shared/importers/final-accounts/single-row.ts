import type { FixedTableTemplate } from '../../templates/types';
import { assignColumns } from '../packet/assign';
import { amountToFen } from '../shanghai/amounts';
import type { FixedCellRead, SidedRead } from './sided';
import { centre, isAmount, type Line, nearestColumn, printedCents, tokens  } from './tokens';

/**
 * 表7 (“三公”经费): one line of amounts under a header whose last row names each column
 * (预算数 决算数 × 6). Laid out, each amount goes to the nearest of those; re-typed with blank
 * cells left out, the sums place them (合计 = 出国 + 车 + 接待, 小计 = 购置 + 运行).
 */
export function readSingleRow(t: FixedTableTemplate, body: readonly Line[], laidOut: boolean): SidedRead {
  const row = t.rows[0]!;
  const line = body.find((l) => {
    const toks = tokens(l.text);
    return toks.length > 0 && toks.every((x) => isAmount(x.text));
  });
  if (!line) return { cells: [], unknown: [], uncertain: [] };
  const amounts = tokens(line.text);
  const names = body.map((l) => tokens(l.text)).find((toks) => toks.length === t.columns.length && toks.every((x) => t.columns.some((c) => c.name === x.text)));
  let cols: string[];
  const uncertain: number[] = [];
  if (laidOut && names) {
    const centres = names.map(centre);
    cols = amounts.map((a) => t.columns[nearestColumn(centres, centre(a))]!.no);
  } else {
    const columns = t.columns.map((c) => {
      const cell = row.cells[c.no];
      return cell && 'terms' in cell ? { no: c.no, sum: cell.terms.map((x) => x.col) } : { no: c.no };
    });
    const placed = assignColumns({ columns, rows: [{ amounts: amounts.map((a) => printedCents(a.text)) }] });
    cols = placed.cols[0]!;
    if (placed.uncertain.length) uncertain.push(line.line);
  }
  const cells: FixedCellRead[] = amounts.map((a, k) => ({ row: row.key, col: cols[k]!, fen: amountToFen(a.text, '万元'), text: a.text.replace(/,/g, ''), line: line.line }));
  return { cells, unknown: [], uncertain };
}
