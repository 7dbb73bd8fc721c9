import { Para } from '../builder';
import type { NarrativeContext } from '../context';
import type { Paragraph } from '../types';
import { chineseNumeral } from './common';

/** 七 each project of table 7: 政策依据, 预算安排规模, 承担单位, 资金分配情况, 执行时间. */
export function projectsSection(ctx: NarrativeContext): Paragraph[] {
  const { fig, dept, year } = ctx;
  const rows = fig.rowsWithMoney(7, 'leaf', '1');
  if (rows.length === 0) return [new Para('s7.none').t(`${dept}${year}年没有一般公共预算项目支出。`).build()];
  const out: Paragraph[] = [];
  const unitOf = new Map(fig.doc.projectRows.map((p) => [p.id, p.unit]));
  const projects = fig.doc.narrative.projects;
  rows.forEach((r, i) => {
    const id = r.key.slice(2);
    const name = r.project ?? r.name;
    // Inputs are keyed by project id; an imported packet may key them by name.
    const infoKey = projects[id] ? id : projects[name] ? name : id;
    const info = projects[infoKey] ?? {};
    const base = `s7.${r.key}`;
    const need = (field: 'basis' | 'allocation', label: string): string => {
      const v = info[field]?.trim();
      if (v) return v;
      ctx.missing.push({ paragraph: `${base}.${field}`, field: `narrative.projects.${infoKey}.${field}`, label: `项目“${name}”的${label}` });
      return '';
    };
    out.push(new Para(`${base}.name`, 'heading').t(`（${chineseNumeral(i + 1)}）项目名称：${name}`).build());
    out.push(new Para(`${base}.basis`).t(`设立的政策依据：${need('basis', '设立的政策依据')}`).build());
    out.push(new Para(`${base}.scale`).t('预算安排规模：').amount(fig.cell(7, r.key, '1'), `项目“${name}”项目支出合计（表7）`).t('万元').build());
    out.push(new Para(`${base}.undertaker`).t(`项目承担单位：${info.undertaker?.trim() || unitOf.get(id) || dept}`).build());
    out.push(new Para(`${base}.allocation`).t(`资金分配情况：${need('allocation', '资金分配情况')}`).build());
    out.push(new Para(`${base}.period`).t(`资金执行时间：${info.period?.trim() || `${year}年1月1日—${year}年12月31日`}`).build());
  });
  return out;
}
