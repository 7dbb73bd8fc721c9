/**
 * Which way a written 主要原因 says the figure moved. A reason written for an increase stays in
 * the document when a later edit turns the change into a decrease (“减少 … 主要原因是…增加”);
 * this is how that is caught. Only a reason that speaks one way counts: mixed wording
 * (“人员减少，项目增加”) is left to the reader.
 */
const UP = /增加|增长|新增|提高|上升|增多|扩大|上涨/u;
const DOWN = /减少|下降|降低|压减|缩减|削减|减支|取消|未安排|不再安排/u;

export type Direction = 'up' | 'down';

export function statedDirection(reason: string): Direction | undefined {
  const up = UP.test(reason);
  const down = DOWN.test(reason);
  if (up === down) return undefined;
  return up ? 'up' : 'down';
}

export interface ReasonConflict {
  paragraph: string;
  /** Path of the reason in the document (`narrative.reasons.gb.2010301`). */
  field: string;
  label: string;
  change: Direction;
  reason: string;
  /** What the figure is compared with: last year (default) or, in a 决算, its 年初预算 (大于/小于). */
  versus?: 'budget';
}
