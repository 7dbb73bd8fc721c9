import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { importAnyPacketText } from '../../../shared/importers/detect-format';
import { restoreDisplacedLines } from '../../../shared/importers/final-accounts/displaced-lines';
import { checkFindings } from '../../../shared/rules/all-findings';

/**
 * The Putuo 2024 决算 as `pdftotext -layout` text: its 情况说明 read from the layout text must give the
 * same narrative findings as the PDF path — only the packet's two real misprints.
 */
const LAYOUT = new URL('../../fixtures/shanghai/putuo-finance-2024-final-accounts.layout.txt', import.meta.url);

describe('final-accounts: 情况说明 read from pdftotext -layout text', () => {
  it('only the three misprints (四 0.3 万元; 五（二） 71.73%; 政府采购 251.25 ≠ 251.26), as from the PDF', () => {
    const r = importAnyPacketText(readFileSync(LAYOUT, 'utf8'));
    if (!r.ok) throw new Error(r.error);
    // The two lines printed one line too high are back under the words they continue.
    expect(r.doc.narrative.printed['fa.expenditure']).toContain('项目支出\n603.14万元，占20.51%；');
    expect(r.doc.narrative.printed['fa.gb']).toContain('支出决算为\n449.52万元。决算数小于预算数');
    const found = checkFindings(BudgetSession.open(r.doc))
      .filter((f) => f.rule.startsWith('packet.') || f.rule.startsWith('text.'))
      .map((f) => `${f.rule}|${f.severity}|${f.message}`);
    expect(found).toEqual([
      'packet.narrative.table|error|财政拨款收入支出决算总体情况说明所述财政拨款收入支出总计 0.30 万元与表4（2,961.68 万元）不一致',
      'packet.narrative.share|error|一般公共预算财政拨款支出决算情况说明所述一般公共服务支出（类） 2,106.66 万元占 71.73%，按合计 2,940.05 万元应为 71.65%',
      'packet.narrative.parts|error|情况说明十一所述政府采购 251.25 万元，而所列各项之和为 251.26 万元（货物 4.79 + 工程 0.00 + 服务 246.47）（相差 0.01 万元，可能是尾差）',
    ]);
  });

  it('a line is moved only after a blank gap and above a line broken mid-phrase', () => {
    const wrapped = ['本年支出合计2940.05万元，其中：项目支出', '603.14万元，占20.51%；', '其他支出'];
    expect(restoreDisplacedLines(wrapped)).toEqual(wrapped);
    expect(restoreDisplacedLines(['', '603.14万元，占20.51%；', '本年支出合计，其中：项目支出'])).toEqual(['', '本年支出合计，其中：项目支出', '603.14万元，占20.51%；']);
    expect(restoreDisplacedLines(['', '603.14万元，占20.51%；', '下一段。'])).toEqual(['', '603.14万元，占20.51%；', '下一段。']);
  });

  it('a figure a section states twice is checked both times: 五（二） restating 五（一）’s 2,940.05 as 2,904.05', () => {
    const text = readFileSync(LAYOUT, 'utf8');
    const from = '一般公共预算财政拨款支出2940.05万元，主要用于以下方面';
    expect(text.split(from).length - 1).toBe(1);
    const r = importAnyPacketText(text.replace(from, '一般公共预算财政拨款支出2904.05万元，主要用于以下方面'));
    if (!r.ok) throw new Error(r.error);
    const found = checkFindings(BudgetSession.open(r.doc)).filter((f) => f.rule === 'packet.narrative.table').map((f) => `${f.row}|${f.expected}|${f.actual}`);
    expect(found).toContain('一般公共预算财政拨款支出决算情况说明：一般公共预算财政拨款支出|2,940.05|2,904.05');
  });
});
