import { BUILTIN_FUNCTION } from '../classification/builtin';
import type { BudgetDocument } from '../model/schema';

const BUILTIN_NAMES = new Map(BUILTIN_FUNCTION.map(([c, n]) => [c, n]));
const plain = (x: string) => x.replace(/\s+/g, '').replace(/^\d+[、.．]/, '');

/**
 * The 项 an explanation text names by its 类, 款 and 项 names (“一般公共服务支出（类）财政事务（款）
 * 行政运行（项）”, “…-…-…”): the document's function rows with that 项 name (as the tables printed it,
 * else the built-in list's), narrowed by the 类 and 款 names when several share it, then by `prefer`
 * (e.g. the amount the text states); undefined unless one is left.
 */
export function functionCodeByNames(doc: BudgetDocument, cls: string, kuan: string, item: string, prefer?: (code: string) => boolean): string | undefined {
  // A 项's name is its row's (as the tables printed it); a 类's or 款's is in the names list.
  const nameOf = (code: string) => plain(doc.names[code] ?? BUILTIN_NAMES.get(code) ?? '');
  const want = plain(item);
  let found = doc.functionRows.filter((r) => (r.name === undefined ? nameOf(r.code) : plain(r.name)) === want).map((r) => r.code);
  const narrow = (keep: (code: string) => boolean) => {
    const kept = found.filter(keep);
    if (kept.length > 0) found = kept;
  };
  if (found.length > 1) narrow((c) => nameOf(c.slice(0, 3)).endsWith(plain(cls)));
  if (found.length > 1) narrow((c) => nameOf(c.slice(0, 5)) === plain(kuan));
  if (found.length > 1 && prefer) narrow(prefer);
  return found.length === 1 ? found[0] : undefined;
}
