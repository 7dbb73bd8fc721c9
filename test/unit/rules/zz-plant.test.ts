import { it } from 'vitest';
import { audit, brief, corrected003, edit } from './packet-audit-support';
import { importPacketText } from '../../../shared/importers/packet/import-text';
it('x', () => {
  const base = corrected003();
  const unitRow = '\t\t\t昌吉回族自治州人民政府驻北京联络处\t\t72.00';
  const variants: Record<string, string> = {
    projcol: '\t\t\t\t65230024T000000012345\t72.00',
    projcolName: '\t\t\t\t机构运行补助经费\t72.00',
    both: '\t\t\t机构运行补助经费\t65230024T000000012345\t72.00',
    codeAndName: '\t\t\t65230024T000000012345 机构运行补助经费\t\t72.00',
    fnCode: '201\t03\t02\t一般行政管理事务\t\t72.00',
    suffix: '\t\t\t办公经费\t\t72.00',
  };
  for (const [k, row] of Object.entries(variants)) {
    const t = edit(base, unitRow, row);
    const r = importPacketText(t);
    const f = audit(t);
    console.log(k, r.ok && JSON.stringify([r.doc.subUnits, r.doc.projectRows.map((p) => [p.project, p.unit ?? '']), r.warnings.filter((w) => w.table === 7)]), f.map((x) => `${brief(x)} | ${x.message.slice(0, 90)}`));
  }
});
