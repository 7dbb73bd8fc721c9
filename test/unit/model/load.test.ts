import { describe, expect, it } from 'vitest';
import { loadDocument, newDocument, serializeDocument } from '../../../shared/model';

const valid = () => JSON.parse(serializeDocument(newDocument('测试部门', 2024))) as Record<string, unknown>;

describe('loadDocument', () => {
  it('round-trips a new document', () => {
    const doc = newDocument('昌吉市商务和工业信息化局', 2024, '元');
    const r = loadDocument(serializeDocument(doc));
    expect(r.ok && r.doc).toEqual(doc);
  });

  it('names the field and the reason for wrong types', () => {
    const d = valid();
    d.year = '2024';
    const r = loadDocument(JSON.stringify(d));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/预算年度（year）.*类型不对/);
  });

  it('names a missing field', () => {
    const d = valid();
    delete d.department;
    const r = loadDocument(JSON.stringify(d));
    expect(!r.ok && r.error).toMatch(/部门名称（department）：缺少此项/);
  });

  it('names a bad amount deep inside a row', () => {
    const d = valid();
    d.functionRows = [{ code: '2010350', values: { '2.3': '12,3' } }];
    const r = loadDocument(JSON.stringify(d));
    expect(!r.ok && r.error).toMatch(/功能分类科目行（functionRows） → 第 1 项 → 金额（values） → 2\.3：应为金额文本/);
  });

  it('refuses an unknown (newer) version and asks to upgrade', () => {
    const d = valid();
    d.version = 99;
    const r = loadDocument(JSON.stringify(d));
    expect(!r.ok && r.error).toContain('版本 99');
  });

  it('refuses truncated JSON without throwing', () => {
    const text = serializeDocument(newDocument('测试部门', 2024));
    const r = loadDocument(text.slice(0, text.length / 2));
    expect(!r.ok && r.error).toContain('JSON 格式错误');
  });

  it('refuses foreign JSON', () => {
    expect(loadDocument('[1,2,3]').ok).toBe(false);
    expect(loadDocument('{"hello":1}').ok).toBe(false);
    expect(loadDocument('null').ok).toBe(false);
  });

  it('refuses 50 MB of garbage quickly and cleanly', () => {
    let s = 12345;
    const bytes = new Uint8Array(50 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = s & 0xff;
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const t0 = performance.now();
    const r = loadDocument(text);
    expect(r.ok).toBe(false);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
