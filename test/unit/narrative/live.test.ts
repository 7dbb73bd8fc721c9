import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { allFindings } from '../../../shared/rules/all-findings';
import { generateNarrative } from '../../../shared/narrative/generate';
import { narrativeInputs, writeInput } from '../../../shared/narrative/inputs';
import { performanceFindings } from '../../../shared/narrative/performance/findings';
import { paragraphText } from '../../../shared/narrative/types';
import { overrideFindings } from '../../../shared/rules/narrative-overrides';
import { importedDocument, PERFORMANCE_003, withNarrativeInputs } from './published-fixtures';

const para = (s: BudgetSession, id: string) => {
  for (const sec of generateNarrative(s).sections) for (const p of sec.paragraphs) if (p.id === id) return p;
  throw new Error(id);
};

describe('the narrative follows the tables', () => {
  it('an edit in table 2 changes amount, share and change in 二 at once', () => {
    // A document drafted in the app: no printed figures of an imported packet (those win in tableView).
    const doc = withNarrativeInputs('003', importedDocument('003')).doc;
    doc.printed = {};
    const s = BudgetSession.open(doc);
    expect(paragraphText(para(s, 's2.income.unit').runs)).toContain('单位资金110.00万元，占32.13%，与上年预算持平');
    const r = s.setCell(2, '2010302', '10', '120');
    expect(r.ok).toBe(true);
    const text = paragraphText(para(s, 's2.income.unit').runs);
    // 120.00 of 352.31: 34.06%; +10.00 against 110.00: 9.09%.
    expect(text).toContain('单位资金120.00万元，占34.06%，比上年预算增加10.00万元，增长9.09%');
    expect(paragraphText(para(s, 's2.income.gb').runs)).toContain('占65.94%');
  });
});

describe('overridden paragraphs', () => {
  it('are marked, keep the generated runs, and a wrong number is a finding naming the right ones', () => {
    const doc = withNarrativeInputs('003', importedDocument('003')).doc;
    doc.narrative.overrides['s3.basic'] = '基本支出160.31万元，占46.83%，比上年预算减少7.78万元，下降4.68%，主要原因是自有资金安排的基本支出纳入项目支出管理。';
    doc.narrative.overrides['s3.project'] = '项目支出182.00万元，比上年增长26.39%。';
    const s = BudgetSession.open(doc);
    const n = generateNarrative(s);
    const p = n.sections[2]!.paragraphs.find((x) => x.id === 's3.basic')!;
    expect(p.overridden).toBe(true);
    expect(p.generated?.length).toBeGreaterThan(1);
    const f = overrideFindings(n);
    expect(f).toHaveLength(1);
    expect(f[0]!.rule).toBe('narrative.override.number');
    expect(f[0]!.rowKey).toBe('s3.basic');
    expect(f[0]!.actual).toBe('7.78万元');
    expect(f[0]!.expected).toContain('7.87万元');
    expect(allFindings(s, n).some((x) => x.id === f[0]!.id)).toBe(true);
  });
});

describe('performance-target tables', () => {
  it('003’s three published tables: each one’s weights add to 90, not 100; amounts agree with the tables', () => {
    const doc = withNarrativeInputs('003', importedDocument('003')).doc;
    doc.performanceTargets = structuredClone(PERFORMANCE_003);
    const f = performanceFindings(BudgetSession.open(doc));
    expect(f.map((x) => `${x.row}:${x.actual}`)).toEqual([
      '部门整体绩效目标表:90',
      '项目支出绩效目标表“机构运行保障经费”:90',
      '项目支出绩效目标表“机构运行补助经费”:90',
    ]);
  });

  it('003 as published: weights add to 90 (a finding); amounts agree with table 2 and table 7', () => {
    const doc = withNarrativeInputs('003', importedDocument('003')).doc;
    const ind = (level3: string, weight: string) => ({ level1: '履职效能', level2: '数量指标', level3, value: '≥4次', basis: '', weight });
    doc.performanceTargets = {
      overall: {
        goal: '认真完成好驻京联络处各项工作职责。',
        superior: '0.00',
        own: '232.31',
        other: '110.00',
        indicators: [ind('提高招商引资服务工作', '20'), ind('不断推介昌吉州特色产品知名度', '20'), ind('做好昌吉籍务工人员服务管理工作', '30'), ind('加强自治区驻京信访工作组后勤保障', '20')],
      },
      projects: [
        { name: '机构运行保障经费', total: '110.00', fiscal: '0.00', other: '110.00', goal: '', indicators: [ind('a', '50'), ind('b', '50')] },
        { name: '机构运行补助经费', goal: '', indicators: [ind('a', '100')] },
      ],
    };
    const f = performanceFindings(BudgetSession.open(doc));
    expect(f.map((x) => [x.rule, x.row, x.actual])).toEqual([['performance.weights', '部门整体绩效目标表', '90']]);

    doc.performanceTargets.overall!.other = '100.00';
    doc.performanceTargets.projects[1]!.fiscal = '70.00';
    const g = performanceFindings(BudgetSession.open(doc)).map((x) => x.message);
    expect(g).toContain('部门整体绩效目标表其他资金为 100.00 万元，与预算表的 110.00 万元不一致');
    expect(g).toContain('项目支出绩效目标表“机构运行补助经费”财政拨款为 70.00 万元，与预算表的 72.00 万元不一致');
  });
});

describe('input fields of 情况说明', () => {
  it('sit under their paragraphs, read the document, and writing one changes the text (never the text itself)', () => {
    const doc = withNarrativeInputs('003', importedDocument('003')).doc;
    const n = generateNarrative(BudgetSession.open(doc));
    const fields = narrativeInputs(doc, n);
    const gbPrior = fields.find((f) => f.paragraph === 's2.income.gb' && f.path.root === 'priorYear')!;
    expect(gbPrior.value).toBe('202.18');
    expect(fields.filter((f) => f.paragraph === 's5.3.2210201').map((f) => f.kind)).toEqual(['amount', 'text']);
    expect(fields.some((f) => f.path.record === 'projects' && f.path.field === 'allocation')).toBe(true);

    expect(writeInput(doc, gbPrior, '２００.18')).toEqual({ ok: true });
    expect(doc.priorYear.income.gb).toBe('200.18');
    const bad = writeInput(doc, gbPrior, '12..3');
    expect(bad.ok).toBe(false);
    expect(doc.priorYear.income.gb).toBe('200.18');
    const reason = fields.find((f) => f.paragraph === 's2.income.gb' && f.path.record === 'reasons')!;
    writeInput(doc, reason, '人员增加');
    const text = paragraphText(para(BudgetSession.open(doc), 's2.income.gb').runs);
    expect(text).toBe('一般公共预算232.31万元，占67.87%，比上年预算增加32.13万元，增长16.05%，主要原因是人员增加。');
  });
});
