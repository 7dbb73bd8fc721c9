import { Para } from '../builder';
import type { NarrativeContext } from '../context';
import type { Paragraph } from '../types';
import { lineName } from './common';

const KINDS = [
  { key: 'gb', line: 'in.gb', col: '3', income: '一般公共预算拨款', spend: '一般公共预算支出' },
  { key: 'fund', line: 'in.fund', col: '4', income: '政府性基金预算拨款', spend: '政府性基金预算支出' },
  { key: 'soe', line: 'in.soe', col: '5', income: '国有资本经营预算拨款', spend: '国有资本经营预算支出' },
] as const;

/** 四 财政拨款 totals (table 4) and, per budget and 类, the amount and what it is mainly for. */
export function fiscalSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const t4 = fig.view(4);
  const out: Paragraph[] = [
    new Para('s4.total').t(`${dept}${year}年财政拨款收支总预算`).amount(fig.cell(4, 'in.total', '1'), '财政拨款收入总计（表4）').t('万元。').build(),
  ];
  const incomes = KINDS.map((k) => ({ ...k, fig: fig.cell(4, k.line, '1') }));
  const present = incomes.filter((k) => k.fig.fen !== 0);
  if (present.length === 1 && present[0]!.key === 'gb') {
    out.push(new Para('s4.only').t('收入全部为一般公共预算拨款，无政府性基金预算拨款和国有资本经营预算。').build());
  }
  if (present.length > 0) {
    const p = new Para('s4.income').t('收入预算包括：');
    present.forEach((k, i) => {
      p.t(`${i ? '、' : ''}${k.income}`).amount(k.fig, `${k.income}（表4）`).t('万元');
    });
    out.push(p.t('。').build());
  }
  for (const k of present) {
    const id = `s4.spend.${k.key}`;
    const rows = t4.rows.filter((r) => r.side === 'expenditure' && r.key !== 'out.total' && r.cells[k.col]?.text !== undefined);
    if (rows.length === 0) continue;
    const p = new Para(id).t(`${k.spend}包括：`);
    rows.forEach((r, i) => {
      const code = r.key.slice(4);
      const name = lineName(r.name);
      p.t(`${i ? '；' : ''}${name}`).amount(fig.cell(4, r.key, k.col), `${name}（表4 ${k.spend}）`).t('万元');
      const purpose = ctx.text(`purposes.${code}`, id, `${name}（${code}）主要用于`);
      if (purpose) p.t(`，主要用于${purpose}`);
    });
    out.push(p.t('。').build());
  }
  return out;
}
