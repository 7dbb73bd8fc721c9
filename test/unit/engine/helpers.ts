import { type BudgetDocument, newDocument } from '../../../shared/model';

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
