import type { AuditContext, AuditFinding } from './context';
import { scan } from './text-scan';
import { textFinding } from './wording';

/**
 * Another department's name where the text names its own, the usual trace of a packet drafted
 * from another department's: “昌吉市商务和工业信息化局 2024 年支出预算…” in the 工商联's packet.
 * Only a name that opens a sentence (or follows 关于) before the year, or follows the year as the
 * sentence's subject (“2025年上海市XX局下属…”, “2024年度XX局（行政单位…”), is taken as the
 * department speaking of itself, and only one of the same place (its first two characters the
 * department's): the text rightly names other bodies elsewhere (州财政局, 主管部门).
 */
const ORG = '(?:局|委员会|办公室|厅|联络处|联合会|中心|政府|委|办|院|会|所|站|馆|队|社)';
const SUBJECT = new RegExp(`(?<=^|[。；：:，,]|关于|情况|说明)(?!说明|情况|关于)([\\u4e00-\\u9fff（）()]{5,40}?${ORG})(?=\\d{4}年)`, 'g');
const AFTER_YEAR = new RegExp(`\\d{4}年度?([\\u4e00-\\u9fff]{5,40}?${ORG})(?=[（(]|下属|机关运行|的|收入|支出|部门|面向|政府采购|无|共有|本年)`, 'g');
const NOT_A_NAME = /根据|按照|依据|经过|通过|会同|配合|其中|以及|主要|用于|本部门|本单位/;

export function departmentNameFindings(ctx: AuditContext): AuditFinding[] {
  const own = ctx.session.document.department.replace(/\s+/g, '');
  if (own.length < 4) return [];
  const region = own.slice(0, 2);
  const other = (name: string) => name !== own && !own.endsWith(name) && !name.endsWith(own) && name.startsWith(region) && !NOT_A_NAME.test(name);
  // One finding per name, with every place.
  const places = new Map<string, string[]>();
  for (const re of [SUBJECT, AFTER_YEAR]) {
    for (const m of scanNames(ctx, re, other)) places.set(m.name, [...(places.get(m.name) ?? []), ...m.places.filter((p) => !places.get(m.name)?.includes(p))]);
  }
  return [...places].map(([name, where]) => textFinding('text.department', name, `写的是“${name}”，本文件的部门是“${own}”`, where));
}

function scanNames(ctx: AuditContext, re: RegExp, accept: (name: string) => boolean): Array<{ name: string; places: string[] }> {
  const byName = new Map<string, string[]>();
  // scan groups by the whole match: the name, after the year for AFTER_YEAR.
  for (const h of scan(ctx, re, (m) => accept(m[1]!))) {
    const name = h.match.replace(/^\d{4}年度?/, '');
    byName.set(name, [...(byName.get(name) ?? []), ...h.places]);
  }
  return [...byName].map(([name, places]) => ({ name, places }));
}
