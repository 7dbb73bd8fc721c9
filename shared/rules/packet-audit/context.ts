import type { BudgetSession } from '../../engine/session';
import { centsText, looseCents } from '../../importers/packet/tokens';
import { FEN_PER_WAN_CENT } from '../../money';
import { tableViewCell } from '../../views/table-view';
import { RULES, type RuleId } from '../catalog';
import type { Finding } from '../finding';

/**
 * What every check of an imported packet's printed text needs: the printed sections (squashed),
 * table cells as printed (hundredths of 万元, like the narrative), and one way to make a finding.
 */
export interface AuditContext {
  session: BudgetSession;
  /** Printed text of 第三部分 section n (1–12), whitespace removed. */
  text(n: number): string;
  /** A table cell as the packet shows it (printed, else computed), in hundredths of 万元. */
  cell(table: number, row: string, col: string): number;
  /** A table cell as its parts add up (ignoring what was printed), in hundredths of 万元. */
  computed(table: number, row: string, col: string): number;
}

export const SECTION = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export function auditContext(session: BudgetSession): AuditContext {
  const printed = session.document.narrative.printed;
  const texts = new Map<number, string>();
  return {
    session,
    text(n) {
      let t = texts.get(n);
      if (t === undefined) {
        t = (printed[String(n)] ?? '').replace(/\s+/g, '');
        texts.set(n, t);
      }
      return t;
    },
    cell(table, row, col) {
      const c = tableViewCell(session, table, row, col);
      return c?.text ? (looseCents(c.text) ?? 0) : 0;
    },
    computed(table, row, col) {
      // Fen (分) → hundredths of 万元: every table amount has whole hundredths once rounded.
      return Math.round(session.value(table, row, col) / FEN_PER_WAN_CENT);
    },
  };
}

/** A finding of these checks; `link` names a table cell whose finding has the same root cause. */
export type AuditFinding = Finding & { link?: string };

export interface AuditFindingParts {
  rule: RuleId;
  key: string;
  table?: number;
  rowKey: string;
  row: string;
  column?: string;
  expected: string;
  actual: string;
  message: string;
  severity?: Finding['severity'];
  link?: string;
}

export function auditFinding(p: AuditFindingParts): AuditFinding {
  const f: AuditFinding = {
    id: `${p.rule}|${p.key}`,
    rule: p.rule,
    severity: p.severity ?? RULES[p.rule].severity,
    table: p.table ?? 0,
    rowKey: p.rowKey,
    row: p.row,
    column: p.column ?? '',
    expected: p.expected,
    actual: p.actual,
    message: p.message,
  };
  if (p.link) f.link = p.link;
  return f;
}

/** `1234.5` → `1,234.50` (hundredths of 万元 as a reader writes them). */
export function wan(cents: number): string {
  const t = centsText(cents);
  const [i = '0', f = '00'] = t.replace('-', '').split('.');
  return `${cents < 0 ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

/** A number written in the text (`1,234.50`, `15`) in hundredths of 万元, or null. */
export const amount = (t: string | undefined): number | null => (t === undefined ? null : looseCents(t));

export const NUM = '(-?\\d[\\d,]*(?:\\.\\d+)?)';
