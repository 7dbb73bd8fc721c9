// Every input bound the app enforces, stated once. Importers, readers and the
// main process check these *before* the expensive step, so a hostile or huge
// file is refused with a reason instead of freezing the window.
export const INPUT_BOUNDS = {
  /** Any file the user opens or imports (document, packet, workbook, code list). */
  maxFileBytes: 60 * 1024 * 1024,
  /** Characters of a packet's text (a 500-page packet's text layer is about 1 million). */
  maxPacketChars: 8_000_000,
  /** Characters of one text line of a packet; longer lines are cut with a warning. */
  maxLineChars: 20_000,
  /** Lines of a text/PDF packet. */
  maxPacketLines: 400_000,
  /** Pages of a PDF packet, checked when it is opened, before any page is read (a published
   * packet has tens of pages; 2,000 take ~20 s, and a crafted 200,000-page file ran for minutes). */
  maxPdfPages: 2_000,
  /** Rows one imported table may hold. */
  maxTableRows: 120_000,
  /** Rows of a document, all its row lists together (科目、项目、结转结余): twice the largest the
   * benchmark times (100,000 items), far above any department; more is refused on open, before
   * its rows are read, and an edit that would pass it is refused (its file could not be opened). */
  maxDocumentRows: 200_000,
  /** Cells per workbook: cell elements present in its sheets (a sheet's declared dimension is a
   * claim some writers inflate to the whole sheet, so it is read but not trusted for sizing). */
  maxWorkbookCells: 5_000_000,
  /** Uncompressed bytes of the workbook parts the import reads (sheets, shared strings, styles),
   * checked in the zip directory before anything is inflated, and again while inflating. */
  maxWorkbookXmlBytes: 100 * 1024 * 1024,
  /** Files inside a workbook's zip. */
  maxWorkbookParts: 10_000,
  /** Rows of one worksheet (row elements present; more is refused, rows further down are dropped). */
  maxSheetRows: 200_000,
  /** Columns read from a worksheet; cells further right are no budget table and are dropped. */
  maxSheetCols: 200,
  /** Cells covered by all merges of one workbook, once each merge is clipped to the cells present. */
  maxMergeArea: 2_000_000,
  /** Warnings listed one by one; the rest are counted. */
  maxWarnings: 200,
  /** Wall-clock budget of one import/export/print job in the worker. */
  maxJobMs: 120_000,
  /** Heap of the worker thread of one job; a job that needs more is stopped, main lives on. */
  maxWorkerHeapMb: 1536,
} as const;

export type InputBounds = typeof INPUT_BOUNDS;
