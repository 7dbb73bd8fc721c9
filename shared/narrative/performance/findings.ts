import type { BudgetSession } from '../../engine/session';
import { formatWan } from '../../money';
import type { Finding } from '../../rules/finding';
import { Figures } from '../figures';
import { resolveOverall, resolveProjects } from './resolve';

/** Weights are whole or decimal numbers; sum them in hundredths so 33.33 + … adds exactly. */
function weightHundredths(w: string): number | null {
  const t = w.replace(/[\s分%]/g, '');
  if (t === '') return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const [i = '0', f = ''] = t.split('.');
  return Number(i) * 100 + Number(f.padEnd(2, '0'));
}

function finding(rule: Finding['rule'], rowKey: string, row: string, expected: string, actual: string, message: string): Finding {
  const severity = 'error';
  return { id: `${rule}|${rowKey}`, rule, severity, table: 0, rowKey, row, column: '', expected, actual, message };
}

/**
 * Checks of the 绩效目标表: weights add up to 100; the amounts agree with the tables
 * (overall: 财政资金 and 其他资金 against table 2; a table 7 project against its table 7 amount;
 * every table: 年度预算 = 财政拨款 + 其他资金).
 */
export function performanceFindings(session: BudgetSession, figures?: Figures): Finding[] {
  const fig = figures ?? new Figures(session);
  const out: Finding[] = [];
  const weights = (key: string, label: string, indicators: Array<{ weight: string; level3: string }>) => {
    if (indicators.length === 0) {
      // Not yet filled in: a reminder, not a sum that fails.
      out.push({ ...finding('narrative.input.missing', key, label, '', '', `${label}尚未填写绩效指标`), severity: 'warning' });
      return;
    }
    let sum = 0;
    for (const ind of indicators) {
      const w = weightHundredths(ind.weight);
      if (w === null) {
        out.push(finding('performance.weight.invalid', key, label, '数字', ind.weight, `${label}指标“${ind.level3}”的分值权重“${ind.weight}”不是数字`));
        return;
      }
      sum += w;
    }
    if (sum !== 10000) {
      const actual = `${sum / 100}`;
      out.push(finding('performance.weights', key, label, '100', actual, `${label}各指标分值权重合计为 ${actual}，应为 100`));
    }
  };
  const amounts = (key: string, label: string, what: string, expected: number, actual: number) => {
    if (expected !== actual) {
      out.push(
        finding(
          'performance.amount',
          `${key}|${what}`,
          label,
          formatWan(expected, { thousands: false }),
          formatWan(actual, { thousands: false }),
          `${label}${what}为 ${formatWan(actual)} 万元，与预算表的 ${formatWan(expected)} 万元不一致`,
        ),
      );
    }
  };
  const o = resolveOverall(fig);
  const overallLabel = '部门整体绩效目标表';
  weights('perf:overall', overallLabel, o.indicators);
  amounts('perf:overall', overallLabel, '财政资金（上级安排 + 本级安排）', o.fiscalExpected.fen, o.superior.fen + o.own.fen);
  amounts('perf:overall', overallLabel, '其他资金', o.otherExpected.fen, o.other.fen);
  for (const p of resolveProjects(fig)) {
    const label = `项目支出绩效目标表“${p.name}”`;
    weights(`perf:${p.key}`, label, p.indicators);
    amounts(`perf:${p.key}`, label, '年度预算总额', p.fiscal.fen + p.other.fen, p.total.fen);
    if (p.tableAmount) amounts(`perf:${p.key}`, label, '财政拨款', p.tableAmount.fen, p.fiscal.fen);
  }
  return out;
}
