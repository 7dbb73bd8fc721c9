import type { CellEdit, DocStore, Outcome } from '../state/store';
import { whileBlocking, whileBusy } from './busy';
import { nextTask } from './next-task';

/**
 * A block of cells edited as one step (清除, 粘贴, 填充, 全部替换) as the window makes it: a block
 * the store writes at once in a large document is made in slices of steps with the busy indicator
 * up (`正在清除 39976 个单元格…`) and the window inert, so it paints and says what it is doing
 * (the whole 表2 of 100,000 items cleared at once held it ~6 s without a frame). Others at once.
 */
export function editBlock(store: DocStore, edits: CellEdit[], label: string, verb: string): Promise<Outcome> {
  if (!store.blockMadeInSteps(edits.length)) return Promise.resolve(store.setCells(edits, label));
  return whileBlocking(() => whileBusy(`正在${verb} ${edits.length} 个单元格…`, () => store.setCellsInSteps(edits, label, nextTask)));
}

/** 撤销 / 重做 as the window makes them: a large block's in steps, as `editBlock` makes it. */
export function replayStep(store: DocStore, dir: 'back' | 'forward'): Promise<string | undefined> {
  if (!store.replayMadeInSteps(dir)) return Promise.resolve(dir === 'back' ? store.undo() : store.redo());
  return whileBlocking(() => whileBusy(dir === 'back' ? '正在撤销…' : '正在重做…', () => (dir === 'back' ? store.undoInSteps(nextTask) : store.redoInSteps(nextTask))));
}
