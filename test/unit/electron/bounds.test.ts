import { describe, expect, it } from 'vitest';
import { restoreBounds } from '../../../electron/window/bounds';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const external = { x: 1366, y: 0, width: 2560, height: 1400 };

describe('window size and position at start', () => {
  it('defaults to 1400×900 the first time', () => {
    expect(restoreBounds(undefined, [laptop])).toEqual({ width: 1400, height: 900 });
  });
  it('reopens where it was when that place is still on a screen', () => {
    expect(restoreBounds({ x: 1500, y: 40, width: 1600, height: 1000 }, [laptop, external])).toEqual({ x: 1500, y: 40, width: 1600, height: 1000 });
  });
  it('is centred when the monitor it was on is gone, and shrunk to fit the largest screen', () => {
    expect(restoreBounds({ x: 1500, y: 40, width: 1600, height: 1000 }, [laptop])).toEqual({ width: 1366, height: 728 });
    expect(restoreBounds({ x: -3000, y: 0, width: 800, height: 600 }, [laptop])).toEqual({ width: 800, height: 600 });
    expect(restoreBounds({ x: 100, y: 5000, width: 800, height: 600 }, [laptop])).toEqual({ width: 800, height: 600 });
  });
});
