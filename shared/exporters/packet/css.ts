/**
 * Print CSS. Text pages are A4 portrait, table pages A4 landscape (CSS named pages); page
 * numbers sit in the bottom margin box (Chromium ≥ 131 prints @page margin boxes, and so
 * does Electron's printToPDF with preferCSSPageSize). `thead` repeats on every page a table
 * spans; rows never split across pages. On screen the same sections show as sheets.
 */
export const PACKET_CSS = `
@page { size: A4 portrait; margin: 22mm 20mm 20mm 20mm;
  @bottom-center { content: "— " counter(page) " —"; font-size: 9pt; font-family: "Noto Serif CJK SC", serif; } }
@page cover { @bottom-center { content: none; } }
@page landscape { size: A4 landscape; margin: 14mm 12mm 16mm 12mm; }
html { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", serif; font-size: 12pt; line-height: 1.75; color: #000; }
body { margin: 0; }
.sheet { break-before: page; page: portrait; }
.sheet.first { break-before: auto; }
.sheet.cover { page: cover; text-align: center; }
.sheet.landscape { page: landscape; }
.cover .dept { font-size: 26pt; font-weight: bold; margin-top: 70mm; letter-spacing: 2pt; }
.cover .year { font-size: 22pt; margin-top: 14mm; }
.cover .date { font-size: 14pt; margin-top: 80mm; }
h1.contents { text-align: center; font-size: 18pt; letter-spacing: 12pt; }
.toc { line-height: 1.45; }
.toc p { margin: 0.1em 0; text-indent: 0; }
.toc .l1 { font-weight: bold; margin-top: 0.6em; }
.toc .l2 { padding-left: 2em; }
h2.part { text-align: center; font-size: 16pt; margin: 0 0 1em; }
h3 { font-size: 13pt; margin: 1em 0 0.4em; }
h4 { font-size: 12pt; margin: 0.6em 0 0.2em; font-weight: bold; }
h4.title { text-align: center; font-size: 13pt; margin-top: 1.2em; }
p { text-indent: 2em; margin: 0.3em 0; text-align: justify; }
p.item { text-indent: 2em; }
.table-no { text-align: center; font-size: 10pt; }
.table-title { text-align: center; font-size: 15pt; font-weight: bold; margin: 2mm 0 3mm; }
.table-cont { text-align: center; font-size: 12pt; font-weight: bold; margin: 0 0 3mm; }
.table-meta { display: flex; justify-content: space-between; font-size: 9pt; margin-bottom: 1mm; }
table.budget { border-collapse: collapse; width: 100%; font-size: 7.5pt; line-height: 1.25; table-layout: fixed; }
table.budget td.name { overflow-wrap: anywhere; }
table.budget th, table.budget td { border: 0.6pt solid #000; padding: 1pt 2pt; }
table.budget th { font-weight: bold; text-align: center; background: #f2f2f2; }
table.budget thead { display: table-header-group; }
table.budget tr { break-inside: avoid; }
table.budget td.amount { text-align: right; white-space: nowrap; font-family: "Noto Sans CJK SC", sans-serif; }
table.budget td.code { text-align: center; white-space: nowrap; padding: 1pt 0; }
table.budget td.d1 { padding-left: 8pt; } table.budget td.d2 { padding-left: 14pt; } table.budget td.d3, table.budget td.d4 { padding-left: 20pt; }
table.budget tr.lv-total td, table.budget tr.lv-class td, table.budget tr.lv-unit td, table.budget td.lv-class { font-weight: bold; }
table.t2, table.t7 { font-size: 6.8pt; }
table.t1 td, table.t4 td { padding-top: 0.4pt; padding-bottom: 0.4pt; }
.sheet.landscape h2.part { margin: 0 0 1mm; font-size: 14pt; }
p.empty-sentence { margin-top: 4mm; }
.perf { break-inside: auto; margin: 4mm 0; }
.perf h4 { text-align: center; font-size: 13pt; margin-bottom: 0; break-after: avoid; }
.perf-year { break-after: avoid; }
/* A heading never ends a page: it moves with the first lines of what it heads. */
h2.part, h3, h4 { break-after: avoid; }
.perf-year { text-align: center; font-size: 10pt; margin-bottom: 2mm; }
table.perf-table { border-collapse: collapse; width: 100%; font-size: 7.5pt; line-height: 1.35; }
table.perf-table th, table.perf-table td { border: 0.6pt solid #000; padding: 1.5pt 3pt; vertical-align: middle; }
table.perf-table th { font-weight: normal; text-align: center; }
table.perf-table td.amount { text-align: right; }
table.perf-table td.goal { text-align: left; }
table.perf-table tr { break-inside: avoid; }
table.perf-table.perf-ind { margin-top: -0.6pt; table-layout: fixed; }
table.perf-table thead { display: table-header-group; }
.glossary p { text-indent: 2em; }
.sign { text-align: right; margin-top: 2em; }
.missing { color: #b00; }
@media screen {
  html { background: #8a8f98; }
  body { padding: 12px 0; }
  .sheet { background: #fff; width: 210mm; min-height: 297mm; box-sizing: border-box; padding: 22mm 20mm; margin: 0 auto 12px; box-shadow: 0 1px 4px rgba(0,0,0,.35); }
  .sheet.landscape { width: 297mm; min-height: 210mm; padding: 14mm 12mm; }
  /* A large department's preview has hundreds of sheets: lay out only those near the view. */
  .sheet { content-visibility: auto; contain-intrinsic-size: auto 210mm auto 297mm; }
  .sheet.landscape { contain-intrinsic-size: auto 297mm auto 210mm; }
  span.num { background: #fff6c8; border-bottom: 1px dotted #a07800; cursor: help; }
  .overridden { outline: 2px dashed #d07000; outline-offset: 2px; }
}
`;
