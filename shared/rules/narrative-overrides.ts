import type { GeneratedNarrative } from '../narrative/generate';
import { numbersInRuns, numbersInText } from '../narrative/numbers';
import { formatBasisPoints } from '../narrative/shares';
import { paragraphText } from '../narrative/types';
import { formatWan } from '../money';
import type { Finding } from './finding';

/**
 * A paragraph the accountant rewrote by hand is checked against the one the tables would
 * give: every amount (万元) and percentage it states must be one the generated paragraph
 * states. A number that is not (a typo, a stale figure, a wrong share) is an error that names
 * the paragraph and the figures the tables give. Numbers may be left out or reordered.
 */
export function overrideFindings(n: GeneratedNarrative): Finding[] {
  const out: Finding[] = [];
  for (const s of n.sections) {
    for (const p of s.paragraphs) {
      if (!p.overridden || !p.generated) continue;
      const expected = numbersInRuns(p.generated);
      const pool = new Map<string, number>();
      for (const e of expected) pool.set(`${e.kind}|${e.value}`, (pool.get(`${e.kind}|${e.value}`) ?? 0) + 1);
      const wrong = numbersInText(paragraphText(p.runs)).filter((x) => {
        const k = `${x.kind}|${x.value}`;
        const left = pool.get(k) ?? 0;
        if (left > 0) {
          pool.set(k, left - 1);
          return false;
        }
        return true;
      });
      if (wrong.length === 0) continue;
      const show = (x: { kind: string; value: number }) => (x.kind === 'amount' ? `${formatWan(x.value)}万元` : `${formatBasisPoints(x.value)}%`);
      const expectedText = expected.map(show).join('、') || '（无数字）';
      const actualText = wrong.map((w) => (w.kind === 'amount' ? `${w.text}万元` : `${w.text}%`)).join('、');
      out.push({
        id: `narrative.override.number|${p.id}`,
        rule: 'narrative.override.number',
        severity: 'error',
        table: 0,
        rowKey: p.id,
        row: `第三部分${s.numeral}、${s.title}`,
        column: '',
        expected: expectedText,
        actual: actualText,
        message: `第三部分“${s.numeral}、”中手工改写的段落写有 ${actualText}，与预算表不符（按表应为：${expectedText}）`,
      });
    }
  }
  return out;
}

/** Inputs the generated text needs and lacks, as warnings (nothing is invented in their place). */
export function missingInputFindings(n: GeneratedNarrative): Finding[] {
  const seen = new Set<string>();
  const unique = n.missing.filter((m) => !seen.has(m.field) && seen.add(m.field));
  return unique.map((m) => ({
    id: `narrative.input.missing|${m.field}`,
    rule: 'narrative.input.missing',
    severity: 'warning',
    table: 0,
    rowKey: m.paragraph,
    row: '第三部分 部门预算情况说明',
    column: '',
    expected: m.label,
    actual: '',
    message: `情况说明缺少：${m.label}（请在“情况说明”中填写）`,
  }));
}

/** A written 主要原因 that speaks of an increase where the figure now decreases (or the reverse). */
export function reasonDirectionFindings(n: GeneratedNarrative): Finding[] {
  const word = (d: 'up' | 'down') => (d === 'up' ? '增加' : '减少');
  return n.reasonConflicts.map((c) => ({
    id: `narrative.reason.direction|${c.field}`,
    rule: 'narrative.reason.direction',
    severity: 'warning',
    table: 0,
    rowKey: c.paragraph,
    row: '第三部分 部门预算情况说明',
    column: '',
    expected: `说明${word(c.change)}的原因`,
    actual: c.reason,
    message:
      c.versus === 'budget'
        ? `${c.label}决算数${c.change === 'up' ? '大于' : '小于'}年初预算，但填写的主要原因说的是${word(c.change === 'up' ? 'down' : 'up')}（“${c.reason}”），请复核`
        : `${c.label}比上年${word(c.change)}，但填写的主要原因说的是${word(c.change === 'up' ? 'down' : 'up')}（“${c.reason}”），请复核`,
  }));
}
