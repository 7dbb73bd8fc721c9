import { describe, expect, it } from 'vitest';
import { evaluateFormula, isFormula } from '../../../renderer/grid/arithmetic';

describe('cell arithmetic', () => {
  it('evaluates exactly, full-width signs too', () => {
    expect(evaluateFormula('=1+2', '万元')).toEqual({ ok: true, text: '3.000000' });
    expect(evaluateFormula('=10.5*2', '元')).toEqual({ ok: true, text: '21.00' });
    expect(evaluateFormula('=100/3', '元')).toEqual({ ok: true, text: '33.33' });
    expect(evaluateFormula('=0.1+0.2', '元')).toEqual({ ok: true, text: '0.30' });
    expect(evaluateFormula('＝（１＋２）×３－０．５', '元')).toEqual({ ok: true, text: '8.50' });
    expect(evaluateFormula('=-(2-5)*-1', '元')).toEqual({ ok: true, text: '-3.00' });
    expect(evaluateFormula('=2/3', '元')).toEqual({ ok: true, text: '0.67' });
    expect(evaluateFormula('=-2/3', '元')).toEqual({ ok: true, text: '-0.67' });
    expect(isFormula('＝1')).toBe(true);
    expect(isFormula('1')).toBe(false);
  });

  it('refuses what is not arithmetic', () => {
    expect(evaluateFormula('=1+', '元')).toEqual({ ok: false, reason: '公式不完整' });
    expect(evaluateFormula('=(1+2', '元')).toEqual({ ok: false, reason: '括号不配对' });
    expect(evaluateFormula('=1/0', '元')).toEqual({ ok: false, reason: '除数为零' });
    expect(evaluateFormula('=1+a', '元')).toEqual({ ok: false, reason: '“a”处应为数字' });
    expect(evaluateFormula('=', '元')).toEqual({ ok: false, reason: '公式为空' });
    expect(evaluateFormula(`=${'('.repeat(300)}1`, '元').ok).toBe(false);
  });
});
