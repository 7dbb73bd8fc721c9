// Every input bound the app enforces, stated once. Importers, readers and the
// main process check these *before* the expensive step, so a hostile or huge
// file is refused with a reason instead of freezing the window.
export const INPUT_BOUNDS = {
  /** Any file the user opens or imports (document, packet, workbook, code list). */
  maxFileBytes: 60 * 1024 * 1024,
  /** Characters of one text line of a packet; longer lines are cut with a warning. */
  maxLineChars: 20_000,
  /** Lines of a text/PDF packet. */
  maxPacketLines: 400_000,
  /** Rows one imported table may hold. */
  maxTableRows: 120_000,
  /** Cells per workbook (sum of every sheet's declared dimension). */
  maxWorkbookCells: 5_000_000,
  /** Rows / columns of one worksheet. */
  maxSheetRows: 200_000,
  maxSheetCols: 200,
  /** Cells covered by all merges of one sheet. */
  maxMergeArea: 2_000_000,
  /** Warnings listed one by one; the rest are counted. */
  maxWarnings: 200,
  /** Wall-clock budget of one import/export/print job in the worker. */
  maxJobMs: 120_000,
  /** Heap of the worker thread of one job; a job that needs more is stopped, main lives on. */
  maxWorkerHeapMb: 1536,
} as const;

export type InputBounds = typeof INPUT_BOUNDS;
