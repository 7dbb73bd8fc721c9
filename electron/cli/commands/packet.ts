import { formatOption } from '../format-option';
import { packetHtml } from '../../../shared/exporters/packet';
import { generateNarrative } from '../../../shared/narrative/generate';
import { allFindings, countFindings } from '../../../shared/rules/all-findings';
import { renderPacketPdf } from '../../print';
import { parseArgs, UsageError } from '../args';
import { checkOutput, writeOutput } from '../files';
import { openInput } from '../io';
import type { Command } from '../registry';

export const packetCommand: Command = {
  async run(argv, io) {
    const a = parseArgs(argv, ['--pdf', '--html', '--date', '--format']);
    const file = a.positionals[0];
    const pdf = a.options.get('--pdf');
    const htmlOut = a.options.get('--html');
    if (!file) throw new UsageError('需要文件名');
    if (!pdf && !htmlOut) throw new UsageError('需要 --pdf OUT.pdf（或 --html OUT.html）');
    for (const out of [pdf, htmlOut]) if (out) await checkOutput(out);
    const { session } = await openInput(file, await formatOption(a));
    const narrative = generateNarrative(session);
    const date = a.options.get('--date');
    const html = packetHtml(session, date ? { narrative, date } : { narrative });
    const { errors } = countFindings(allFindings(session, narrative));
    if (errors) io.err(`提示：公开前检查仍有 ${errors} 个错误（用 check 查看），照常打印\n`);
    if (htmlOut) await writeOutput(htmlOut, html);
    if (pdf) {
      const started = Date.now();
      const bytes = await renderPacketPdf(html);
      await writeOutput(pdf, bytes);
      io.out(`已打印 ${pdf}（${Math.round(bytes.byteLength / 1024)} KB，${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`);
    }
    return 0;
  },
};
