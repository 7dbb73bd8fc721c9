import { type PacketAudit, auditTotals, findingPlace, findingText, otherPlaces } from './packet-audit';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const name = (file: string) => file.split(/[\\/]/).pop() ?? file;

/**
 * The batch audit as one HTML page: a summary row per packet (linked to its section) and a
 * section per packet listing its findings with every place. Self-contained (inline CSS).
 */
export function auditReportHtml(results: readonly PacketAudit[], title = '部门预算公开批量审核报告'): string {
  const t = auditTotals(results);
  const rows = results
    .map(
      (r, i) => `<tr class="${!r.ok ? 'bad' : r.errors > 0 ? 'err' : 'ok'}"><td>${i + 1}</td><td><a href="#p${i + 1}">${esc(name(r.file))}</a></td><td>${esc(r.department ?? '')}</td><td>${r.year ?? ''}</td><td>${esc(r.format ?? '')}</td><td class="n">${r.tables ?? ''}</td><td class="n">${r.ok ? r.errors : ''}</td><td class="n">${r.ok ? r.warnings : ''}</td><td class="n">${r.ok ? r.unreadable.length : ''}</td><td>${r.ok ? (r.errors > 0 ? '有错误' : '通过') : `无法读取：${esc(r.error ?? '')}`}</td></tr>`,
    )
    .join('\n');
  const sections = results
    .map((r, i) => {
      const head = `<h2 id="p${i + 1}">${i + 1}. ${esc(r.department ?? name(r.file))}${r.year ? ` ${r.year} 年` : ''}</h2><p class="file">${esc(r.file)}</p>`;
      if (!r.ok) return `${head}<p class="bad">无法读取：${esc(r.error ?? '')}</p>`;
      const findings =
        r.findings.length === 0
          ? '<p>未发现问题。</p>'
          : `<table><thead><tr><th>#</th><th>级别</th><th>位置</th><th>问题</th><th>同一原因的其他位置</th></tr></thead><tbody>${r.findings
              .map(
                (f, j) =>
                  `<tr class="${f.severity === 'error' ? 'err' : 'warn'}"><td>${j + 1}</td><td>${f.severity === 'error' ? '错误' : '提示'}</td><td>${esc(findingPlace(f))}</td><td>${esc(findingText(f))}</td><td>${esc(otherPlaces(f))}</td></tr>`,
              )
              .join('')}</tbody></table>`;
      const unread = r.unreadable.length > 0 ? `<h3>未能读取之处（${r.unreadable.length}）</h3><ul>${r.unreadable.map((u) => `<li>${esc(u)}</li>`).join('')}</ul>` : '';
      return `${head}${findings}${unread}`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222;font-size:13px}
h1{font-size:20px}h2{font-size:16px;margin-top:28px;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top;text-align:left}td:nth-child(2){white-space:nowrap}
th{background:#eef}td.n{text-align:right}tr.err td:first-child,tr.err td:nth-child(2){color:#b00}tr.bad{background:#fde}tr.warn td:nth-child(2){color:#a60}
.file{color:#777;font-size:11px}
</style></head><body>
<h1>${esc(title)}</h1>
<p>共 ${t.packets} 份：${t.withErrors} 份有错误，${t.unreadable} 份无法读取；错误 ${t.errors} 个，提示 ${t.warnings} 个。</p>
<table><thead><tr><th>#</th><th>文件</th><th>部门</th><th>年度</th><th>格式</th><th>表数</th><th>错误</th><th>提示</th><th>未能读取</th><th>结论</th></tr></thead><tbody>
${rows}
</tbody></table>
${sections}
</body></html>
`;
}
