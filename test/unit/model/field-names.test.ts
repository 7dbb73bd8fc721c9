import { describe, expect, it } from 'vitest';
import { parseFormat } from '../../../shared/formats/validate';
import { xinjiangBudget2024 } from '../../../shared/formats/xinjiang-budget-2024';
import { loadDocument, newDocument, serializeDocument } from '../../../shared/model';
import { describePath } from '../../../shared/model/field-names';
import type { FixedTableTemplate } from '../../../shared/templates/types';

const valid = () => JSON.parse(serializeDocument(newDocument('测试部门', 2024))) as Record<string, unknown>;

describe('field paths in words, for keys a document makes up', () => {
  it('prints a row value key named __proto__ as written: it was “[object Object]（__proto__）”', () => {
    // As JSON.parse reads it: an own key `__proto__`, not the prototype.
    const text = serializeDocument(newDocument('测试部门', 2024)).replace('"functionRows": []', '"functionRows": [{ "code": "2010301", "values": { "__proto__": "1.00" } }]');
    expect(text).toContain('__proto__');
    expect(loadDocument(text)).toEqual({
      ok: false,
      error: '预算文档内容有误：功能分类科目行（functionRows） → 第 1 项 → 金额（values） → __proto__：单元格键应为“表号.栏号”',
    });
  });

  it('prints keys that are names on Object.prototype (toString, constructor) as written, not what the prototype holds', () => {
    const d = valid();
    d.functionRows = [{ code: '2010301', values: { toString: '1.00' } }];
    expect(loadDocument(JSON.stringify(d))).toEqual({
      ok: false,
      error: '预算文档内容有误：功能分类科目行（functionRows） → 第 1 项 → 金额（values） → toString：单元格键应为“表号.栏号”',
    });
    expect(describePath(['constructor', '__proto__', 'hasOwnProperty', 'values', 0])).toBe('constructor → __proto__ → hasOwnProperty → 金额（values） → 第 1 项');
  });

  it('a format file names a made-up key as written too', () => {
    const f = JSON.parse(JSON.stringify(xinjiangBudget2024)) as { tables: Array<FixedTableTemplate | { kind: string }> };
    const at = f.tables.findIndex((t) => t.kind === 'fixed');
    const fixed = f.tables[at] as FixedTableTemplate;
    Object.assign(fixed.rows[0]!.cells, { toString: { role: 'entered' } });
    const r = parseFormat(JSON.stringify(f));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(`第 ${at + 1} 项 → 行（rows） → 第 1 项 → 单元格（cells） → toString`);
      expect(r.error).not.toContain('[native code]');
    }
  });
});
