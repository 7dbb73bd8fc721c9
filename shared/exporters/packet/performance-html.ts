import type { PerformanceIndicator } from '../../model';
import { formatWan } from '../../money';
import type { ResolvedOverall, ResolvedProject } from '../../narrative/performance/resolve';
import { esc } from './html';

/**
 * The head of each table (names, amounts, goal) and its indicators are two tables drawn as one:
 * the indicator header sits in `thead`, so it repeats when the indicators run over a page.
 */

/** Indicator rows with 一级/二级指标 merged down while they repeat, as the packets print them. */
function indicatorRows(list: readonly PerformanceIndicator[], cells: (i: PerformanceIndicator) => string[]): string {
  const rows: string[] = [];
  list.forEach((ind, k) => {
    const first1 = k === 0 || list[k - 1]!.level1 !== ind.level1;
    let span1 = 1;
    while (first1 && k + span1 < list.length && list[k + span1]!.level1 === ind.level1) span1++;
    const first2 = first1 || list[k - 1]!.level2 !== ind.level2;
    let span2 = 1;
    while (first2 && k + span2 < list.length && list[k + span2]!.level2 === ind.level2 && list[k + span2]!.level1 === ind.level1) span2++;
    const c1 = first1 ? `<td rowspan="${span1}">${esc(ind.level1)}</td>` : '';
    const c2 = first2 ? `<td rowspan="${span2}">${esc(ind.level2)}</td>` : '';
    rows.push(`<tr>${c1}${c2}${cells(ind)
      .map((c) => `<td>${esc(c)}</td>`)
      .join('')}</tr>`);
  });
  return rows.join('');
}

export function overallPerformanceHtml(o: ResolvedOverall, year: number): string {
  const w = (f: { fen: number }) => formatWan(f.fen);
  return `<div class="perf"><h4>部门整体绩效目标表</h4><div class="perf-year">（${year}年）</div>
<table class="perf-table"><colgroup><col style="width:11%"><col style="width:11%"><col style="width:24%"><col style="width:13%"><col style="width:29%"><col style="width:12%"></colgroup><tbody>
<tr><th colspan="2">部门名称（盖章）</th><td colspan="4">${esc(o.department)}</td></tr>
<tr><th colspan="2">部门联系人</th><td>${esc(o.contact)}</td><th>联系电话</th><td colspan="2">${esc(o.phone)}</td></tr>
<tr><th colspan="2">年度绩效目标</th><td colspan="4" class="goal">${esc(o.goal)}</td></tr>
<tr><th colspan="2" rowspan="4">年度预算（万元）</th><th colspan="2">资金来源</th><th colspan="2">资金总额（万元）</th></tr>
<tr><th rowspan="2">财政资金（万元）</th><th>上级安排</th><td colspan="2" class="amount">${w(o.superior)}</td></tr>
<tr><th>本级安排</th><td colspan="2" class="amount">${w(o.own)}</td></tr>
<tr><th>其他资金（万元）</th><th>其他</th><td colspan="2" class="amount">${w(o.other)}</td></tr>
</tbody></table>
<table class="perf-table perf-ind"><colgroup><col style="width:11%"><col style="width:11%"><col style="width:24%"><col style="width:13%"><col style="width:29%"><col style="width:12%"></colgroup>
<thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th><th>指标设定依据</th><th>分值权重</th></tr></thead>
<tbody>${indicatorRows(o.indicators, (i) => [i.level3, i.value, i.basis, i.weight])}</tbody></table></div>`;
}

export function projectPerformanceHtml(p: ResolvedProject, year: number): string {
  const w = (f: { fen: number }) => formatWan(f.fen);
  return `<div class="perf"><h4>项目支出绩效目标表</h4><div class="perf-year">（${year}年）</div>
<table class="perf-table"><tbody>
<tr><th colspan="2">预算单位</th><td colspan="7">${esc(p.unit)}</td></tr>
<tr><th colspan="2">项目名称</th><td colspan="4">${esc(p.name)}</td><th>项目负责人</th><td colspan="2">${esc(p.manager)}</td></tr>
<tr><th colspan="2">项目资金（万元）</th><th>年度预算总额</th><td class="amount">${w(p.total)}</td><th>其中：财政拨款</th><td class="amount">${w(p.fiscal)}</td><th>其他资金</th><td colspan="2" class="amount">${w(p.other)}</td></tr>
<tr><th colspan="2">项目总体目标</th><td colspan="7" class="goal">${esc(p.goal)}</td></tr>
</tbody></table>
<table class="perf-table perf-ind"><colgroup><col style="width:8%"><col style="width:9%"><col style="width:22%"><col style="width:11%"><col style="width:11%"><col style="width:9%"><col style="width:8%"><col style="width:12%"><col style="width:10%"></colgroup>
<thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th><th>指标值设置依据</th><th>上年完成值</th><th>指标分值权重</th><th>指标赋分规则</th><th>佐证资料</th></tr></thead>
<tbody>${indicatorRows(p.indicators, (i) => [i.level3, i.value, i.basis, i.lastYear ?? '', i.weight, i.scoring ?? '', i.evidence ?? ''])}</tbody></table></div>`;
}
