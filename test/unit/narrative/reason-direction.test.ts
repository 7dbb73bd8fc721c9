import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { allFindings } from '../../../shared/rules/all-findings';
import { statedDirection } from '../../../shared/narrative/reason-direction';
import { importedDocument, withNarrativeInputs } from './published-fixtures';

describe('a written reason is re-checked when the change flips', () => {
  it('reads which way a reason speaks, and only when it speaks one way', () => {
    expect(statedDirection('在职人员增加2人')).toBe('up');
    expect(statedDirection('1人因退休，在职人员减少1人')).toBe('down');
    expect(statedDirection('人员减少，但项目增加')).toBeUndefined();
    expect(statedDirection('工作任务没有变化')).toBeUndefined();
  });

  it('warns when 单位资金 turns from an increase into a decrease while the reason still says 增加', () => {
    const doc = withNarrativeInputs('003', importedDocument('003')).doc;
    // Edited as a draft (no printed figures or text): the app writes the text, so its reasons are re-checked.
    doc.printed = {};
    doc.narrative.printed = {};
    doc.narrative.reasons['income.unit'] = '新增信访工作项目，单位资金安排增加';
    const s = BudgetSession.open(doc);
    const of = () => allFindings(s).filter((f) => f.rule === 'narrative.reason.direction');
    // 003: 单位资金 110.00 against 110.00 last year: no change, nothing to re-check.
    expect(of()).toEqual([]);
    expect(s.setCell(2, '2010302', '10', '120').ok).toBe(true);
    expect(of()).toEqual([]);
    expect(s.setCell(2, '2010302', '10', '100').ok).toBe(true);
    const f = of();
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe('单位资金比上年减少，但填写的主要原因说的是增加（“新增信访工作项目，单位资金安排增加”），请复核');
  });

  it.each(['000', '003', '004'] as const)('raises no false alarm on the reasons packet %s publishes', (id) => {
    const s = BudgetSession.open(withNarrativeInputs(id, importedDocument(id)).doc);
    expect(allFindings(s).filter((f) => f.rule === 'narrative.reason.direction')).toEqual([]);
  });
});
