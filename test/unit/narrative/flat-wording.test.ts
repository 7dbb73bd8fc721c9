import { describe, expect, it } from 'vitest';
import { flatAsZeroChange } from '../../../shared/importers/packet/flat-wording';
import { Para } from '../../../shared/narrative/builder';
import { paragraphText } from '../../../shared/narrative/types';

const cell = (fen: number) => ({ fen, source: { kind: 'cell' as const, cell: '5|r|1' } });

describe('an unchanged figure', () => {
  it('reads “与上年预算持平”, never “增加0.00万元，增长0.00%”', () => {
    const p = new Para('x').t('机关运行经费').amount(cell(123_450_000), 'a').t('万元，比上年预算').change(cell(123_450_000), cell(123_450_000), '机关运行经费').t('。');
    expect(paragraphText(p.build().runs)).toBe('机关运行经费123.45万元，与上年预算持平。');
    const q = new Para('y').t('；公务接待费').change(cell(0), cell(0), '公务接待费');
    expect(paragraphText(q.build().runs)).toBe('；公务接待费与上年预算持平');
  });

  it('still reads a real change with amount and rate', () => {
    const p = new Para('x').t('比上年预算').change(cell(110_000_000), cell(100_000_000), 'x');
    expect(paragraphText(p.build().runs)).toBe('比上年预算增加10.00万元，增长10.00%');
  });

  it('is read back by the importer as a zero change, but not inside a stated reason', () => {
    expect(flatAsZeroChange('单位资金110.00万元，占32.13%，与上年预算持平。')).toBe('单位资金110.00万元，占32.13%，比上年预算增加0.00万元，增长0.00%。');
    expect(flatAsZeroChange('其中：公务接待费与上年持平')).toBe('其中：公务接待费增加0.00万元，增长0.00%');
    const reason = '主要原因是工作任务没有变化,单位资金安排的项目经费预算与上年持平';
    expect(flatAsZeroChange(reason)).toBe(reason);
  });
});
