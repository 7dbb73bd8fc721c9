import { describe, expect, it } from 'vitest';
import { sameData } from '../../../renderer/state/form-draft';

/** A form's draft is pending while it differs from the stored values: sameData decides, on every keystroke. */
describe('sameData: the values of two form drafts', () => {
  const stored = { overall: { goal: '', indicators: [{ level1: '产出指标', weight: '50' }] }, projects: [{ projectId: 's1', name: '项目一', goal: '', indicators: [] }] };

  it('a draft that shares the stored parts, or copies them, is the same', () => {
    expect(sameData(stored, { ...stored, projects: stored.projects.map((p) => p) })).toBe(true);
    expect(sameData(stored, structuredClone(stored))).toBe(true);
  });

  it('a value typed anywhere, a row added or removed, is a change', () => {
    expect(sameData(stored, { ...stored, projects: [{ ...stored.projects[0]!, goal: '完成' }] })).toBe(false);
    expect(sameData(stored, { ...stored, overall: { ...stored.overall, indicators: [{ level1: '产出指标', weight: '40' }] } })).toBe(false);
    expect(sameData(stored, { ...stored, projects: [] })).toBe(false);
    expect(sameData(stored, { ...stored, projects: [...stored.projects, { name: '新项目', goal: '', indicators: [] }] })).toBe(false);
    // A field only one side has (a 项目负责人 typed in where there was none).
    expect(sameData(stored, { ...stored, projects: [{ ...stored.projects[0]!, manager: '张三' }] })).toBe(false);
    expect(sameData({ ...stored, projects: [{ ...stored.projects[0]!, manager: '张三' }] }, stored)).toBe(false);
  });

  it('as JSON says: an absent key and one set to undefined are alike; key order does not matter; a list is not an object', () => {
    expect(sameData({ a: '1', b: undefined }, { a: '1' })).toBe(true);
    expect(sameData({ a: '1' }, { b: undefined, a: '1' })).toBe(true);
    expect(sameData({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(sameData({ 0: 'x' }, ['x'])).toBe(false);
    expect(sameData({ a: '' }, { a: null })).toBe(false);
    expect(sameData({ a: '1' }, { a: 1 })).toBe(false);
    expect(sameData('abc', 'abc')).toBe(true);
    expect(sameData(['a', ['b']], ['a', ['c']])).toBe(false);
  });
});
