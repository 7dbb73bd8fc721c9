import type { BudgetDocument, CodeListEntry } from '../model';
import { BUILTIN_ECONOMIC, BUILTIN_FUNCTION } from './builtin';
import { coveredLengths } from './import-list';

export type CodeKind = 'function' | 'economic';
export type NameLookup = (code: string, kind: CodeKind) => string;

export interface CodeList {
  function: ReadonlyMap<string, string>;
  economic: ReadonlyMap<string, string>;
}

function toMap(entries: readonly CodeListEntry[] | ReadonlyArray<readonly [string, string]>): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of entries) {
    if (Array.isArray(e)) m.set(e[0], e[1]);
    else {
      const x = e as CodeListEntry;
      m.set(x.code, x.name);
    }
  }
  return m;
}

export const BUILTIN_LIST: CodeList = { function: toMap(BUILTIN_FUNCTION), economic: toMap(BUILTIN_ECONOMIC) };

/** The list in force for a document: the imported one where present, else the built-in one. */
export interface CodeListInForce {
  list: CodeList;
  /** Code lengths covered by an imported list, per kind (empty: built-in list only). */
  covered: { function: ReadonlySet<number>; economic: ReadonlySet<number> };
  /** Per kind: no list imported, the built-in one is in force. */
  builtin: { function: boolean; economic: boolean };
}

/** The length of the codes a row is entered at: 功能分类 项, 经济分类 款. */
export const ENTRY_CODE_LENGTH: Record<CodeKind, number> = { function: 7, economic: 5 };

/**
 * An imported list's map, made once per list: a row added to a 10,000-line document looks the list
 * up again, and a list of 40,000 codes takes ~0.1 s to index. Lists are replaced, never edited in place.
 */
const importedMaps = new WeakMap<readonly CodeListEntry[], { map: Map<string, string>; lengths: Set<number> }>();

function indexed(entries: readonly CodeListEntry[]): { map: Map<string, string>; lengths: Set<number> } {
  let x = importedMaps.get(entries);
  if (!x) {
    x = { map: toMap(entries), lengths: coveredLengths(entries) };
    importedMaps.set(entries, x);
  }
  return x;
}

const NO_LENGTHS: ReadonlySet<number> = new Set();

export function codeListFor(doc: BudgetDocument): CodeListInForce {
  const imp = doc.classification;
  const fn = imp && imp.function.length > 0 ? indexed(imp.function) : null;
  const ec = imp && imp.economic.length > 0 ? indexed(imp.economic) : null;
  return {
    list: { function: fn?.map ?? BUILTIN_LIST.function, economic: ec?.map ?? BUILTIN_LIST.economic },
    covered: { function: fn?.lengths ?? NO_LENGTHS, economic: ec?.lengths ?? NO_LENGTHS },
    builtin: { function: fn === null, economic: ec === null },
  };
}

/** Names as the department prints them first, then the code list. */
export function nameLookup(doc: BudgetDocument): NameLookup {
  const { list } = codeListFor(doc);
  return (code, kind) => doc.names[code] ?? list[kind].get(code) ?? BUILTIN_LIST[kind].get(code) ?? '';
}
