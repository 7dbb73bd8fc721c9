import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { loadDocument } from '../../../shared/model';
import { allFindings } from '../../../shared/rules/all-findings';
import { sampleDocument } from '../../../shared/samples/sample-department';
import { cellMarks, checkSpecs, findingMarks, markNote } from '../../../shared/views/cell-marks';
import { LiveMarks } from '../../../shared/views/live-marks';
import { syntheticDocument } from '../../../shared/samples/synthetic';
import { filterChoices, filterFindings } from '../../../shared/views/findings-filter';

function fixture(n: string) {
  const r = loadDocument(readFileSync(new URL(`../../fixtures/${n}.budget.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

describe('cells marked by a finding', () => {
  it('004: the 项 under the 款 printed 448.21 (its 项 add to 448.20) are marked, their empty columns not', () => {
    const s = BudgetSession.open(fixture('004'));
    const findings = allFindings(s);
    const marks = cellMarks(s, findings);
    const f = findings.find((x) => x.rowKey === '20103')!;
    expect(f.places?.length).toBe(9);
    // The printed 款 cells, the 项 cells they should add up to, and the 项 amounts entered behind those.
    for (const id of ['2|20103|1', '2|20103|2', '2|20103|3', '2|2010301|1', '2|2010350|1', '2|2010301|3', '2|2010350|3', '3|2010301|2', '5|2010350|2']) {
      expect(marks.get(id)?.findings, id).toContain(f);
      expect(marks.get(id)?.severity).toBe('error');
    }
    expect(marks.has('2|2010301|4')).toBe(false);
    // On hover: the sentence, that it is one of 9 places, not the whole list.
    expect(markNote(f)).toBe(
      '错误：表2“20103 政府办公厅（室）及相关机构事务”第1栏（总计）印制为 448.21，下级各行之和为 448.20（相差 0.01）；相差 0.01 万元，可能是各数分别四舍五入造成的尾差，但印制数仍应与其组成部分相符（同一原因共 9 处，见“检查结果”）',
    );
  });

  it('the sample: the 表2 cell just edited is marked by the 表3/表5 identity it broke', () => {
    const s = BudgetSession.open(sampleDocument());
    expect(cellMarks(s, allFindings(s)).size).toBe(0);
    expect(s.setCell(2, '2010350', '3', '120').ok).toBe(true);
    const findings = allFindings(s);
    const marks = cellMarks(s, findings);
    expect(marks.get('2|2010350|3')?.findings.map((f) => f.rule)).toEqual(['t3.t2']);
    expect(marks.get('3|2010350|1')?.severity).toBe('error');
    expect(markNote(marks.get('2|2010350|3')!.findings[0]!)).toMatch(/^错误：表3“2010350 事业运行”.*（同一原因共 2 处，见“检查结果”）$/);
  });

  it('marks made in steps (LiveMarks.buildSteps) are those made at once: the identities a family per step, then 2,000 cells per step', () => {
    const doc = syntheticDocument(3000);
    // Every 项 of 表2 cleared of its amount in column 3: 表3 and 表5 disagree with it on each (hundreds of findings).
    for (const r of doc.functionRows) delete r.values['2.3'];
    const s = BudgetSession.open(doc);
    const findings = allFindings(s);
    expect(findings.length).toBeGreaterThan(400);
    const steps = LiveMarks.buildSteps(s, findings);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    // A step per family of identities the findings name (表3 and 表5 against 表2 here), then one per 2,000 cells marked.
    const specs = checkSpecs(s);
    const cells = findings.reduce((n, f) => n + findingMarks(s, specs, f).length, 0);
    expect(cells).toBeGreaterThan(4000);
    expect(yields).toBeGreaterThanOrEqual(2 + Math.floor(cells / 2000));
    expect(yields).toBeLessThanOrEqual(10 + Math.floor(cells / 2000));
    const asData = (m: ReadonlyMap<string, { severity: string; findings: readonly { id: string }[] }>) => [...m].map(([k, v]) => [k, v.severity, v.findings.map((f) => f.id)]);
    expect(asData(r.value.marks)).toEqual(asData(cellMarks(s, findings)));
    expect(asData(r.value.table(3))).toEqual(asData(new LiveMarks(s, findings).table(3)));
  });

  it('filters by severity, table (its places too) and rule, and counts each choice', () => {
    const s = BudgetSession.open(fixture('004'));
    const all = allFindings(s);
    expect(filterFindings(all, {})).toBe(all);
    expect(filterFindings(all, { table: 5 }).map((f) => f.rowKey)).toEqual(['20103']);
    expect(filterFindings(all, { severity: 'warning' }).every((f) => f.severity === 'warning')).toBe(true);
    expect(filterFindings(all, { rule: 'crosswalk.t6.t5' }).map((f) => f.rowKey)).toEqual(['30110']);
    const c = filterChoices(all, { severity: 'error' });
    expect(c.severities.get('warning')).toBe(2);
    expect(c.tables.get(5)).toBe(1);
  });
});
