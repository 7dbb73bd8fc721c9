import type { RefObject } from 'react';
import type { GridHandle } from '../grid/TableGrid';
import type { DocStore } from '../state/store';

/** A request to put the focus on a table cell (from a finding, a new row, a search). */
export interface FocusRequest {
  table: number;
  rowKey: string;
  col: string;
  seq: number;
}

export type DialogRequest =
  | { kind: 'addFunction'; table: number }
  | { kind: 'addEconomic' }
  | { kind: 'addProject' }
  | { kind: 'addCarryover' };

/** What every page of the navigation gets. */
export interface ViewProps {
  store: DocStore;
  /** Changes with every edit, so pages re-render when the document changes. */
  version: number;
  go(navId: string, focus?: Omit<FocusRequest, 'seq'>): void;
  focus: FocusRequest | null;
  gridRef: RefObject<GridHandle | null>;
  message(kind: 'error' | 'info', text: string): void;
  openDialog(d: DialogRequest): void;
}
