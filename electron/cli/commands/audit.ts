import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { type PacketAudit, auditExitCode, auditTotals } from '../../../shared/audit/packet-audit';
import { auditReportHtml } from '../../../shared/audit/report-html';
import { auditInputs } from '../../audit/inputs';
import { auditInWorkers } from '../../audit/pool';
import { auditReportXlsx } from '../../audit/report-xlsx';
import { writeFileAtomic } from '../../files/atomic-write';
import { parseArgs, UsageError } from '../args';
import type { Command } from '../registry';

export const auditCommand: Command = {
  async run(argv, io) {
    const a = parseArgs(argv, ['--xlsx', '--html', '--jobs']);
    if (a.positionals.length === 0) throw new UsageError('需要要审核的文件或文件夹');
    const jobsText = a.options.get('--jobs');
    const jobs = jobsText === undefined ? availableParallelism() : Number(jobsText);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs 应为 1 到 256 的整数，而不是“${jobsText}”`);
    const files = await auditInputs(a.positionals);
    if (files.length === 0) throw new UsageError('所给的文件夹中没有可审核的文件（.txt、.pdf、.docx、.xlsx、.budget、.json）');
    const t0 = performance.now();
    const tty = process.stderr.isTTY === true;
    const results = await auditInWorkers(
      files,
      jobs,
      (r, done) => {
        const line = `审核 ${done}/${files.length}：${basename(r.file)} ${r.ok ? `错误 ${r.errors}，提示 ${r.warnings}` : '无法读取'}`;
        io.err(tty ? `\r\x1b[K${line}` : `${line}\n`);
      },
      fileTimeLimit(),
    );
    const seconds = (performance.now() - t0) / 1000;
    if (tty) io.err('\n');
    io.err(`审核完成：${files.length} 份，用时 ${seconds.toFixed(1)} 秒（${(files.length / seconds).toFixed(1)} 份/秒，${Math.min(jobs, files.length)} 个线程）\n`);
    const xlsx = a.options.get('--xlsx');
    const html = a.options.get('--html');
    if (xlsx) await writeFileAtomic(xlsx, await auditReportXlsx(results));
    if (html) await writeFileAtomic(html, auditReportHtml(results));
    if (a.flags.has('--json')) io.out(`${JSON.stringify({ totals: auditTotals(results), packets: results.map(jsonOf) }, null, 1)}\n`);
    else io.out(summaryText(results));
    return auditExitCode(results);
  },
};

/**
 * BUDGET_DESK_AUDIT_FILE_MS: the per-file time limit in ms, in place of the app's 120 s (tests,
 * or a batch of known-slow PDFs); anything but a positive number keeps the default.
 */
function fileTimeLimit(): { maxFileMs?: number } {
  const ms = Number(process.env.BUDGET_DESK_AUDIT_FILE_MS);
  return Number.isFinite(ms) && ms > 0 ? { maxFileMs: ms } : {};
}

function jsonOf(r: PacketAudit) {
  const { findings, ...rest } = r;
  return { ...rest, ms: Math.round(r.ms), findings: findings.map(({ id: _id, rowKey: _rowKey, places, ...f }) => ({ ...f, ...(places ? { places: places.map(({ rowKey: _k, ...p }) => p) } : {}) })) };
}

function summaryText(results: readonly PacketAudit[]): string {
  const lines = results.map((r) =>
    r.ok
      ? `${basename(r.file)}\t${r.department}\t${r.year}\t${r.format}\t表 ${r.tables}\t错误 ${r.errors}\t提示 ${r.warnings}\t未能读取 ${r.unreadable.length}`
      : `${basename(r.file)}\t无法读取：${r.error}`,
  );
  const t = auditTotals(results);
  return `${lines.join('\n')}\n共 ${t.packets} 份：${t.withErrors} 份有错误，${t.unreadable} 份无法读取；错误 ${t.errors} 个，提示 ${t.warnings} 个\n`;
}
