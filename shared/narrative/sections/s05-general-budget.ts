import { Para } from '../builder';
import type { NarrativeContext } from '../context';
import type { Paragraph } from '../types';
import { sharesOf } from './common';

/** 五 一般公共预算当年拨款: (一) basic/project and change, (二) each 类's share, (三) each 项. */
export function generalBudgetSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const total = fig.cell(5, 'total', '1');
  const out: Paragraph[] = [
    new Para('s5.1.h', 'heading').t('（一）一般公共预算当年拨款规模变化情况').build(),
    new Para('s5.1.intro').t(`${dept}${year}年一般公共预算拨款合计`).amount(total, '一般公共预算支出合计（表5 总计）').t('万元，其中：').build(),
  ];
  for (const l of [
    { key: 'basic', prior: 'gbBasic', name: '基本支出', col: '2' },
    { key: 'project', prior: 'gbProject', name: '项目支出', col: '3' },
  ]) {
    const id = `s5.1.${l.key}`;
    const amount = fig.cell(5, 'total', l.col);
    const p = new Para(id).t(l.name).amount(amount, `一般公共预算${l.name}（表5 总计行）`).t('万元');
    const prior = ctx.prior(l.prior, id, `一般公共预算${l.name}`);
    if (prior) p.t('，比上年预算').change(amount, prior, `一般公共预算${l.name}`);
    const reason = ctx.changeReason(`gb.${l.key}`, id, `一般公共预算${l.name}`, amount, prior);
    if (reason) p.t(`。主要原因是${reason}`);
    out.push(p.t('。').build());
  }

  out.push(new Para('s5.2.h', 'heading').t('（二）一般公共预算当年拨款结构情况').build());
  const classes = fig.rowsWithMoney(5, 'class', '1');
  const amounts = classes.map((r) => fig.cell(5, r.key, '1'));
  const shares = sharesOf(amounts, total);
  classes.forEach((r, i) => {
    out.push(
      new Para(`s5.2.${r.key}`, 'item')
        .t(`${i + 1}、${r.name}（类）`)
        .amount(amounts[i]!, `${r.code} ${r.name}（表5）`)
        .t('万元，占')
        .percent(shares[i]!.bp, shares[i]!.source, `${r.name}占一般公共预算支出的比重`)
        .t('%。')
        .build(),
    );
  });

  out.push(new Para('s5.3.h', 'heading').t('（三）一般公共预算当年拨款具体使用情况').build());
  const byCode = new Map(fig.layoutRows(5).filter((r) => r.code).map((r) => [r.code!, r.name]));
  fig.rowsWithMoney(5, 'leaf', '1').forEach((r, i) => {
    const code = r.code ?? '';
    const id = `s5.3.${r.key}`;
    const label = `${byCode.get(code.slice(0, 3)) ?? ''}（类）${byCode.get(code.slice(0, 5)) ?? ''}（款）${r.name}（项）`;
    const amount = fig.cell(5, r.key, '1');
    const p = new Para(id, 'item').t(`${i + 1}、${label}：${year}年预算数为`).amount(amount, `${code} ${r.name}（表5）`).t('万元');
    const prior = ctx.prior(`gbItems.${code}`, id, `${code} ${r.name}`);
    if (prior) p.t('，比上年预算').change(amount, prior, r.name);
    const reason = ctx.changeReason(`gb.${code}`, id, `${code} ${r.name}`, amount, prior);
    if (reason) p.t(`。主要原因是${reason}`);
    out.push(p.t('。').build());
  });
  return out;
}
