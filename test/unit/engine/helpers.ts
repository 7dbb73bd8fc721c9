import { type BudgetDocument, newDocument } from '../../../shared/model';
import { amountToFen, formatExact } from '../../../shared/money';

/** A small consistent department shaped like the 003 packet (amounts in 万元). */
export function smallDocument(): BudgetDocument {
  const d = newDocument('测试联络处', 2024);
  d.functionRows.push(
    { code: '2010302', values: { '2.3': '72.00', '2.10': '110.00', '3.3': '182.00', '5.3': '72.00' } },
    { code: '2010350', values: { '2.3': '116.75', '3.2': '116.75', '5.2': '116.75' } },
    { code: '2080505', values: { '2.3': '15.28', '3.2': '15.28', '5.2': '15.28' } },
  );
  d.economicRows.push(
    { code: '30101', values: { '6.2': '100.00' } },
    { code: '30113', values: { '6.2': '12.03' } },
    { code: '30217', values: { '6.3': '0.16' } },
    { code: '30231', values: { '6.3': '4.80' } },
    { code: '30201', values: { '6.3': '15.04' } },
  );
  d.projectRows.push({ id: 'p1', code: '2010302', project: '机构运行补助经费', values: { '7.3': '72.00' } });
  d.fixed['1'] = { 'in.unit.other': { '1': '110.00' } };
  d.fixed['10'] = { reception: { '2': '0.16' }, 'vehicle.running': { '2': '4.80' } };
  return d;
}

/**
 * The same department entered in 元 (every amount × 10,000, plus up to 99.99 元 so that most
 * cells fall between two 0.01 万元 and siblings compete for the cents), so the tables need a tie-out.
 */
export function inYuan(doc: BudgetDocument): BudgetDocument {
  const d = structuredClone(doc);
  let n = 0;
  const conv = (v: Record<string, string>) => {
    for (const k of Object.keys(v)) v[k] = formatExact(amountToFen(v[k]!, '万元') + ((n++ * 7919) % 10_000), '元');
  };
  for (const r of [...d.functionRows, ...d.economicRows, ...d.projectRows, ...d.carryoverRows]) conv(r.values);
  for (const t of Object.values(d.fixed)) for (const row of Object.values(t)) conv(row);
  d.unit = '元';
  return d;
}
