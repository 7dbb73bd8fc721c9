import { AMOUNT_BOUND, DOCUMENT_BOUND_TEXT, storedAmountFen } from '../money/amount-bound';
import { AMOUNT_TEXT, forEachAmount, type RowSetName } from './amount-places';
import { cellPlaceDescriber, describeDocumentRow } from './cell-place';
import { describePath } from './field-names';
import type { BudgetDocument } from './schema';

/** A reason the document cannot be opened, with the field path and the words that name the place. */
export interface DocumentIssue {
  path: Array<string | number>;
  /** Complete Chinese message; `located` messages already say where, others are prefixed with the path. */
  message: string;
  located: boolean;
}

/** Amount issues are named one by one up to this many, then counted. */
const MAX_NAMED = 5;

/**
 * Sum of the magnitudes of the amounts the engine adds up (entered and printed table cells) of a
 * schema-valid document, in 分; stops counting once past the bound, so it is exact within it.
 */
export function documentAmountMagnitude(doc: BudgetDocument): number {
  let total = 0;
  forEachAmount(doc, (a) => {
    if (a.kind === 'field') return true;
    const p = storedAmountFen(a.text, a.unit);
    if (p.ok) total += Math.abs(p.fen);
    return total <= AMOUNT_BOUND.maxDocumentFen;
  });
  return total;
}

function duplicateIssues(doc: BudgetDocument): DocumentIssue[] {
  const out: DocumentIssue[] = [];
  const check = (set: RowSetName, keyOf: (i: number) => string, what: string) => {
    const first = new Map<string, number>();
    doc[set].forEach((_, i) => {
      const k = keyOf(i);
      const j = first.get(k);
      if (j === undefined) first.set(k, i);
      else if (out.length < MAX_NAMED) {
        out.push({
          path: [set, i],
          located: true,
          message: `${what}“${k}”重复：${describeDocumentRow(doc, set, j)}与${describeDocumentRow(doc, set, i)}；每个${what}只能有一行，请合并或删除其中一行`,
        });
      }
    });
  };
  check('functionRows', (i) => doc.functionRows[i]!.code, '功能分类科目编码');
  check('economicRows', (i) => doc.economicRows[i]!.code, '经济分类科目编码');
  check('projectRows', (i) => doc.projectRows[i]!.id, '项目编号');
  check('carryoverRows', (i) => doc.carryoverRows[i]!.id, '结转结余项目编号');
  return out;
}

/**
 * What keeps a schema-shaped document from opening: amounts beyond AMOUNT_BOUND (per amount,
 * decimals per unit, and the document's total magnitude) and duplicate codes or ids (each
 * table row is keyed by them). Empty when the engine, the narrative and the exports can take it.
 */
export function documentIssues(doc: BudgetDocument, opts: { syntax?: boolean; fieldsOnly?: boolean } = {}): DocumentIssue[] {
  // `fieldsOnly`: the rows, cells and codes are known to be valid; only the fields' amounts are read.
  const issues = opts.fieldsOnly ? [] : duplicateIssues(doc);
  const place = cellPlaceDescriber(doc);
  let bad = 0;
  let total = 0;
  let largest = { fen: 0, path: [] as Array<string | number>, where: null as (() => string | null) | null };
  forEachAmount(doc, (a) => {
    // Text that is not an amount at all is the schema's to report (opts.syntax false), once.
    if (opts.syntax === false && !AMOUNT_TEXT.test(a.text)) return true;
    const p = storedAmountFen(a.text, a.unit);
    if (!p.ok) {
      if (bad++ < MAX_NAMED) {
        const at = a.locate();
        const where = place(at.place);
        issues.push({ path: at.path, located: where !== null, message: where ? `${where}：${p.reason}` : p.reason });
      }
      return true;
    }
    if (a.kind === 'field') return true; // per amount only: the narrative adds a few of these, never all
    const m = Math.abs(p.fen);
    if (total <= AMOUNT_BOUND.maxDocumentFen) total += m; // stop adding once over: the sum stays exact
    if (m > largest.fen) {
      const at = a.locate();
      largest = { fen: m, path: at.path, where: () => place(at.place) };
    }
    return true;
  }, opts.fieldsOnly);
  if (bad > MAX_NAMED) issues.push({ path: [], located: true, message: `另有 ${bad - MAX_NAMED} 个金额超出上限` });
  if (bad === 0 && total > AMOUNT_BOUND.maxDocumentFen) {
    const where = largest.where?.() ?? null;
    issues.push({
      path: largest.path,
      located: true,
      message: `金额总量超出本程序可精确计算的范围（${DOCUMENT_BOUND_TEXT}）；最大的一项在${where ?? largest.path.join(' → ')}，请核对金额单位（万元/元）是否填错`,
    });
  }
  return issues;
}

/** The first reason a built document cannot be opened, or null: importers call this before handing a document over. */
export function documentBoundError(doc: BudgetDocument): string | null {
  const issues = documentIssues(doc);
  if (issues.length === 0) return null;
  return issues
    .slice(0, MAX_NAMED)
    .map((i) => (i.located ? i.message : `${describePath(i.path)}：${i.message}`))
    .join('；');
}
