import { type Figure, Para } from '../../builder';
import type { NarrativeContext } from '../../context';
import type { Paragraph } from '../../types';

/** Function tables whose 项 lines 编制说明 lists as 财政拨款支出主要内容 (一般公共预算, 基金, 国资). */
const FISCAL_TABLES = [5, 6, 7] as const;

/**
 * 部门预算编制说明 (Shanghai): income and expenditure totals by source (表1, 表4) with the change
 * of 财政拨款 against last year's budget, its main reason, and every 财政拨款 项 line with what
 * it is mainly used for. Amounts are the tables' 元 rounded to 0.01 万元.
 */
export function shanghaiCompilationSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const than = `${year - 1}年预算`;
  const cell = (t: number, row: string, col: string) => fig.cell(t, row, col);
  const versus = (p: Para, cur: Figure, key: string, label: string) => {
    const prior = ctx.prior(`income.${key}`, p.id, label);
    if (prior) p.t('，').versus(cur, prior, label, than);
    return prior;
  };

  const fiscalIn = cell(1, 'in.fiscal', '1');
  const income = new Para('sh1.income')
    .t(`${year}年，${dept}收入预算`)
    .wan(cell(1, 'in.total', '1'), '收入总计（表1）')
    .t('万元，其中：财政拨款收入')
    .wan(fiscalIn, '财政拨款收入（表1）')
    .t('万元');
  const fiscalPrior = versus(income, fiscalIn, 'fiscal', '财政拨款收入');
  income
    .t('；事业收入')
    .wan(cell(1, 'in.business', '1'), '事业收入（表1）')
    .t('万元；事业单位经营收入')
    .wan(cell(1, 'in.operating', '1'), '事业单位经营收入（表1）')
    .t('万元；其他收入')
    .wan(cell(1, 'in.other', '1'), '其他收入（表1）')
    .t('万元。');

  const fiscalOut = cell(4, 'out.total', '2');
  const spend = new Para('sh1.spend')
    .t('支出预算')
    .wan(cell(1, 'out.total', '2'), '支出总计（表1）')
    .t('万元，其中：财政拨款支出预算')
    .wan(fiscalOut, '财政拨款支出合计（表4）')
    .t('万元');
  if (fiscalPrior) spend.t('，').versus(fiscalOut, fiscalPrior, '财政拨款支出', than);
  spend.t('。财政拨款支出预算中，');
  [
    { key: 'gb', col: '3', name: '一般公共预算拨款支出预算' },
    { key: 'fund', col: '4', name: '政府性基金拨款支出预算' },
    { key: 'soe', col: '5', name: '国有资本经营预算拨款支出预算' },
  ].forEach((k, i) => {
    const cur = cell(4, 'out.total', k.col);
    spend.t(`${i ? '；' : ''}${k.name}`).wan(cur, `${k.name}（表4）`).t('万元');
    versus(spend, cur, k.key, k.name);
  });
  const out = [income.build(), spend.t('。').build()];

  const d = fiscalPrior ? fiscalOut.fen - fiscalPrior.fen : 0;
  if (d !== 0) {
    const reason = ctx.changeReason('fiscal', 'sh1.reason', '财政拨款收入支出', fiscalOut, fiscalPrior);
    if (reason) out.push(new Para('sh1.reason').t(`财政拨款收入支出${d > 0 ? '增加' : '减少'}的主要原因是${reason}。`).build());
  }

  const items = FISCAL_TABLES.flatMap((t) => itemLines(ctx, t));
  if (items.length) {
    out.push(new Para('sh1.items.h').t('财政拨款支出主要内容如下：').build());
    items.forEach((it, i) => {
      const p = new Para(`sh1.item.${it.table}.${it.code}`, 'item').t(`${i + 1}. “${it.path}”科目`).wan(it.figure, `${it.path}（表${it.table} 合计）`).t('万元');
      const purpose = ctx.text(`purposes.${it.code}`, p.id, `${it.code} ${it.name} 主要用于`);
      out.push(p.t(purpose ? `，主要用于${purpose}。` : '。').build());
    });
  }
  return out;
}

/** 项 lines of a function table with money in 合计, named 类-款-项 as the text quotes them. */
function itemLines(ctx: NarrativeContext, table: number) {
  const view = ctx.fig.viewOf(table);
  if (view?.template.kind !== 'hier') return [];
  const out: Array<{ table: number; code: string; name: string; path: string; figure: Figure }> = [];
  let cls = '';
  let kuan = '';
  for (const r of view.rows) {
    if (r.level === 'class') cls = r.name;
    else if (r.level === 'kuan') kuan = r.name;
    else if (r.level === 'leaf' && r.code && r.cells['1']?.text) {
      out.push({ table, code: r.code, name: r.name, path: [cls, kuan, r.name].filter(Boolean).join('-'), figure: ctx.fig.cell(table, r.key, '1') });
    }
  }
  return out;
}
