import { basename } from 'node:path';
import { BudgetSession } from '../../shared/engine/session';
import { packetHtml, singleTableHtml } from '../../shared/exporters/packet';
import { packetNarrativeFindings } from '../../shared/importers/packet/narrative-audit';
import { groupFindings } from '../../shared/rules/grouping';
import { packetAuditFindings } from '../../shared/rules/packet-audit';
import { warningText } from '../../shared/importers/packet/warnings';
import type { JobStage } from '../../shared/ipc/contract';
import { INPUT_BOUNDS } from '../../shared/limits/input-bounds';
import { type BudgetDocument, loadDocument, serializeDocument } from '../../shared/model';
import { generateNarrative } from '../../shared/narrative/generate';
import { fileKind } from '../files/kinds';
import { importPacketFile } from '../import/read-packet';
import type { JobKind, JobOutputs, JobRequest } from './protocol';
import { filledInputCount } from '../../shared/narrative/filled-inputs';

/** Report where the job is: its stage and how much of the whole job is done (0–1). */
export type Step = (stage: JobStage, fraction: number) => void;

/**
 * The heavy work of import, export and printing, run inside the worker thread. Each job calls
 * the same functions the CLI uses; only the progress steps are added.
 */
export async function runJob(request: JobRequest, step: Step): Promise<JobOutputs[JobKind]> {
  switch (request.kind) {
    case 'import':
      return importJob(request.path, step);
    case 'exportXlsx': {
      step('layout', 0);
      const doc = parseDoc(request.docText);
      step('export', 0.2);
      const { workbookBuffer } = await xlsx();
      const opts = { findingsSheet: request.findingsSheet, formulas: request.formulas, ...(request.tables ? { tables: request.tables } : {}) };
      return { bytes: new Uint8Array(await workbookBuffer(doc, opts)) };
    }
    case 'packetHtml': {
      step('layout', 0);
      const session = BudgetSession.open(parseDoc(request.docText));
      // 打印当前表: that table alone, as the packet prints it.
      if (request.table !== undefined) return { html: singleTableHtml(session, request.table) };
      const narrative = generateNarrative(session);
      step('layout', 0.3);
      return { html: packetHtml(session, { narrative }) };
    }
  }
}

/** exceljs takes a while to load: only workbook jobs pay for it. */
const xlsx = () => import('../xlsx/workbook-file');

function parseDoc(docText: string): BudgetDocument {
  const r = loadDocument(docText);
  if (!r.ok) throw new Error(`文档内容无效（${r.error}）`);
  return r.doc;
}

async function importJob(path: string, step: Step): Promise<JobOutputs['import']> {
  // Main has checked it is a regular file within INPUT_BOUNDS.maxFileBytes (files/regular-file.ts).
  step('read', 0);
  if (fileKind(path) === 'workbook') {
    const r = await (await xlsx()).readWorkbookFile(path);
    step('recognize', 0.9);
    return { docText: serializeDocument(r.doc), warnings: r.warnings, summary: r.summary, audit: [] };
  }
  const r = await importPacketFile(path, (stage, f) => step(stage, stage === 'read' ? 0.4 * f : 0.4));
  if (!r.ok) throw new Error(r.error);
  const s = r.summary;
  const inputs = filledInputCount(r.doc);
  // What the explanation text gave too: figures and words the 情况说明 page would otherwise ask for.
  const summary = `已从“${basename(path)}”识别出 ${s.tables.length} 张表、${s.rows} 行，${r.warnings.length} 条提示${inputs ? `；情况说明中读入 ${inputs} 个填写项（上年数、原因、用途等）` : ''}`;
  step('audit', 0.8);
  const audit = auditLines(BudgetSession.open(r.doc));
  return { docText: serializeDocument(r.doc), warnings: r.warnings.map(warningText), summary, audit };
}

/**
 * The packet's printed text audited as `check` does (against its own tables and itself, one
 * finding per root cause), one line each, capped with the rest counted. The tables' own checks
 * are left to the app's 检查结果 page.
 */
function auditLines(session: BudgetSession): string[] {
  const raw = [...packetNarrativeFindings(session), ...packetAuditFindings(session)];
  const findings = groupFindings(raw, session.document.narrative.printed);
  const max = INPUT_BOUNDS.maxWarnings;
  const lines = findings.slice(0, max).map((f) => `文字核对（${f.severity === 'error' ? '错误' : '提示'}）：${f.message}`);
  if (findings.length > max) lines.push(`文字核对：另有 ${findings.length - max} 处未列出`);
  return lines;
}
