import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { packetHtml } from '../../../shared/exporters/packet';
import { generateNarrative } from '../../../shared/narrative/generate';
import { paragraphText } from '../../../shared/narrative/types';
import { importedDocument, withNarrativeInputs } from './published-fixtures';

const s124 = (s: BudgetSession) => {
  for (const sec of generateNarrative(s).sections) for (const p of sec.paragraphs) if (p.id === 's12.4.text') return paragraphText(p.runs);
  throw new Error('s12.4.text');
};
const count = (html: string, what: string) => html.split(what).length - 1;

describe('绩效目标表 in print', () => {
  it('are printed under “具体情况见下表” when filled in', () => {
    const doc = withNarrativeInputs('003', importedDocument('003')).doc;
    const s = BudgetSession.open(doc);
    expect(s124(s)).toMatch(/万元。具体情况见下表（按项目分别填报）：$/);
    const html = packetHtml(s);
    expect(count(html, '<h4>部门整体绩效目标表</h4>')).toBe(1);
    // 003 fills in both of its table 7 projects.
    expect(count(html, '<h4>项目支出绩效目标表</h4>')).toBe(2);
  });

  it('an empty table is not printed, and without any the text points to no table', () => {
    const doc = withNarrativeInputs('003', importedDocument('003')).doc;
    doc.performanceTargets = { projects: [] };
    const s = BudgetSession.open(doc);
    expect(s124(s)).toMatch(/万元。$/);
    expect(s124(s)).not.toContain('见下表');
    const html = packetHtml(s);
    expect(html).not.toContain('绩效目标表</h4>');
  });
});
