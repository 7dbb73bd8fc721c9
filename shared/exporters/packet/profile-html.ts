import type { BudgetDocument } from '../../model';
import { esc } from './html';

/** 第一部分 部门概况: 主要职能 and 机构设置及人员情况, worded as the packets word them. */
export function profileHtml(doc: BudgetDocument, heading = `第一部分 ${doc.year}年${doc.department}部门概况`): string {
  const p = doc.profile;
  const functions = p.functions.trim()
    ? p.functions
        .split(/\n+/)
        .map((x) => `<p>${esc(x.trim())}</p>`)
        .join('')
    : '<p class="missing">（主要职能未填写）</p>';
  return `<h2 class="part">${esc(heading)}</h2>
<h3>一、主要职能</h3>${functions}
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
