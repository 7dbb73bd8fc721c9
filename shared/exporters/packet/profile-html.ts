import type { BudgetDocument } from '../../model';
import { esc } from './html';

/** 第一部分 部门概况: 主要职能 and 机构设置及人员情况 (or, `composition`, the 部门决算单位构成), worded as the packets word them. */
export function profileHtml(doc: BudgetDocument, heading = `第一部分 ${doc.year}年${doc.department}部门概况`, composition = false): string {
  const p = doc.profile;
  const functions = p.functions.trim()
    ? p.functions
        .split(/\n+/)
        .map((x) => `<p>${esc(x.trim())}</p>`)
        .join('')
    : '<p class="missing">（主要职能未填写）</p>';
  const head = `<h2 class="part">${esc(heading)}</h2>
<h3>一、主要职能</h3>${functions}`;
  if (composition) return `${head}\n${compositionHtml(doc)}`;
  return `${head}
<h3>二、机构设置及人员情况</h3>
<p>${esc(unitsSentence(doc))}</p>
<p>${esc(staffSentence(doc))}</p>`;
}

export function unitsSentence(doc: BudgetDocument): string {
  const d = doc.department;
  const subs = doc.subUnits;
  const offices = doc.profile.offices;
  const units = subs.length ? `有下属预算单位${subs.length}个，分别是：${subs.join('、')}` : '无下属预算单位';
  const off = offices.length ? `，下设${offices.length}个科室，分别是：${offices.join('、')}` : '';
  return `${d}${units}${off}。`;
}

export function staffSentence(doc: BudgetDocument): string {
  const s = doc.profile.staff;
  const n = (v: number | undefined) => String(v ?? 0);
  const ch = (v: number | undefined) => ((v ?? 0) < 0 ? `减少${-(v ?? 0)}人` : `增加${v ?? 0}人`);
  return `${doc.department}编制数${n(s.authorized)}，实有人数${n(s.actual)}人，其中：在职${n(s.active)}人，${ch(s.activeChange)}；退休${n(s.retired)}人，${ch(s.retiredChange)}；离休${n(s.veteran)}人，${ch(s.veteranChange)}。`;
}

/** The units of a 部门决算: as the document lists them (`profile.units`), else the department and its sub-units. */
export function compositionUnits(doc: BudgetDocument): Array<{ name: string; note?: string }> {
  return doc.profile.units?.length ? doc.profile.units : [{ name: `${doc.department}（本级）` }, ...doc.subUnits.map((name) => ({ name }))];
}

/** 二、部门决算单位构成: the sentence of the template and the table 序号 / 单位名称 / 备注. */
function compositionHtml(doc: BudgetDocument): string {
  const d = doc.department;
  const rows = compositionUnits(doc)
    .map((u, i) => `<tr><td class="code">${i + 1}</td><td class="name">${esc(u.name)}</td><td class="name">${esc(u.note ?? '')}</td></tr>`)
    .join('');
  return `<h3>二、部门决算单位构成</h3>
<p>从预算单位构成看，${esc(d)}部门决算包括：${esc(d)}本级决算、下属行政事业单位决算。纳入${esc(d)}${doc.year}年度部门决算编制范围的单位包括：</p>
<table class="budget composition"><thead><tr><th>序号</th><th>单位名称</th><th>备注</th></tr></thead><tbody>${rows}</tbody></table>`;
}
