import { useEffect, useRef, useState } from 'react';
import type { DocStore, Outcome } from './store';

/**
 * What a form (部门概况, 名词解释, 绩效目标表) has typed and not yet stored. Like a cell of a
 * spreadsheet, the text is stored as the user leaves the field (one undoable step) and, at the
 * latest, as the user leaves the page; nothing typed is dropped without a word. A draft the
 * document refuses (a year that is not a year) stays on screen with the reason, and survives
 * leaving the page: it comes back when the user returns.
 */
interface Held<D> {
  version: number;
  draft: D;
}

/** Refused drafts of pages the user left, per document store and form. */
const refused = new WeakMap<DocStore, Map<string, Held<unknown>>>();

export interface FormDraft<D> {
  /** The draft where one is pending against this version, else the stored values. */
  draft: D;
  pending: boolean;
  set(next: D): void;
  /** Store the draft now (blur, Enter, 应用). Quiet when there is nothing to store. */
  commit(next?: D): Outcome;
  discard(): void;
}

export function useFormDraft<D>(opts: {
  store: DocStore;
  version: number;
  form: string;
  stored: () => D;
  same: (a: D, b: D) => boolean;
  /** Writes the draft into the document as one undoable step. */
  apply: (draft: D) => Outcome;
  message(kind: 'error' | 'info', text: string): void;
  /** 部门概况 … for the message when leaving the page with a refused draft. */
  title: string;
}): FormDraft<D> {
  const { store, version, form } = opts;
  const [held, setHeld] = useState<(Held<D> & { store: DocStore }) | null>(() => {
    const r = refused.get(store)?.get(form) as Held<D> | undefined;
    return r && r.version === version ? { ...r, store } : null;
  });
  // A draft belongs to the version it was typed on: after undo or open, the stored values show.
  const current = held !== null && held.store === store && held.version === version ? held.draft : null;
  const stored = opts.stored();
  const draft = current ?? stored;
  const pending = current !== null && !opts.same(current, stored);

  const commit = (next?: D): Outcome => {
    const d = next ?? draft;
    if (opts.same(d, opts.stored())) {
      setHeld(null);
      return { ok: true };
    }
    const r = opts.apply(d);
    if (r.ok) {
      refused.get(store)?.delete(form);
      setHeld(null);
    } else {
      setHeld({ store, version, draft: d });
      opts.message('error', r.reason);
    }
    return r;
  };

  // Leaving the page stores what is pending; what the document refuses is kept for the return.
  const latest = useRef({ pending, draft, commit: () => opts.apply(draft), version, opts, session: store.session });
  latest.current = { pending, draft, commit: () => opts.apply(draft), version, opts, session: store.session };
  useEffect(
    () => () => {
      const l = latest.current;
      // A draft of a document that has since been replaced (打开, 新建) must not land in the new one.
      if (!l.pending || l.session !== store.session) return;
      const r = l.commit();
      if (r.ok) {
        refused.get(store)?.delete(form);
        return;
      }
      const m = refused.get(store) ?? new Map<string, Held<unknown>>();
      m.set(form, { version: l.version, draft: l.draft });
      refused.set(store, m);
      l.opts.message('error', `${l.opts.title}的修改未能保存：${r.reason}。所填内容已保留，回到“${l.opts.title}”可继续修改`);
    },
    [store, form],
  );

  return {
    draft,
    pending,
    set: (next) => setHeld({ store, version, draft: next }),
    commit,
    discard: () => {
      refused.get(store)?.delete(form);
      setHeld(null);
    },
  };
}

/** Deep equality of plain form data (strings, numbers, arrays, records). */
/**
 * Whether two form drafts (plain data) hold the same values, as their JSON would say (an absent
 * key and one set to undefined are alike), in any key order. A part the draft shares with the
 * stored values (all a draft keeps of what was not typed in) is equal at once: it is asked on
 * every keystroke, and writing out both as JSON was ~130 ms a keystroke in the 绩效目标表 of
 * 60,000 projects.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let keys = 0;
  for (const k in ra) {
    if (ra[k] === undefined) continue;
    keys++;
    if (!sameData(ra[k], rb[k])) return false;
  }
  for (const k in rb) if (rb[k] !== undefined) keys--;
  return keys === 0;
}

/** A table cell being edited (the grid on screen registers it): stored or dropped before a command acts. */
export interface ActiveEdit {
  /** Stores what is typed in the open cell editor (as Enter would); nothing when no cell is being edited. */
  commit(): void;
  /** Drops what is typed in the open cell editor (as Esc would); false when no cell was being edited. */
  cancel(): boolean;
}

const activeEdits = new Set<ActiveEdit>();

/** The grid on screen says how to store or drop its open editor; the returned function takes that back (unmount). */
export function registerActiveEdit(edit: ActiveEdit): () => void {
  activeEdits.add(edit);
  return () => {
    activeEdits.delete(edit);
  };
}

/**
 * Stores what is being typed, before a command, a page switch or another document acts (as Excel
 * does): the form field (its blur stores it) and the table cell being edited.
 */
export function commitActiveField(): void {
  const active = document.activeElement;
  if ((active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) && active.closest('.profile-page, .glossary-page, .performance-page, .narrative-page')) active.blur();
  for (const e of [...activeEdits]) e.commit();
}

/** 撤销 while a cell is being edited drops the edit in progress (Excel), not the previous step: true when it did. */
export function cancelActiveEdit(): boolean {
  let cancelled = false;
  for (const e of [...activeEdits]) if (e.cancel()) cancelled = true;
  return cancelled;
}
