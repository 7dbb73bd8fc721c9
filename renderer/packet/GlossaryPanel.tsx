import { formatOf } from '../../shared/formats/registry';
import { defaultGlossary, type GlossaryEntry, glossaryOf } from '../../shared/narrative/glossary';
import type { ViewProps } from '../app/view-props';
import { sameData, useFormDraft } from '../state/form-draft';

/** 第四部分 名词解释: the standard glossary as the default, editable; 恢复标准 drops the department's own. */
export function GlossaryPanel({ store, version, message }: ViewProps) {
  const own = (store.document.glossary?.length ?? 0) > 0;
  const form = useFormDraft<GlossaryEntry[]>({
    store,
    version,
    form: 'glossary',
    title: '名词解释',
    stored: () => [...glossaryOf(store.document, formatOf(store.document))],
    same: sameData,
    apply: (entries) =>
      store.updateDocument('修改名词解释', (d) => {
        const clean = entries.map((e) => ({ term: e.term.trim(), definition: e.definition.trim() })).filter((e) => e.term || e.definition);
        const blank = clean.find((e) => !e.term || !e.definition);
        if (blank) return { ok: false, reason: `名词“${blank.term || blank.definition.slice(0, 10)}”的名称和解释都不能为空` };
        d.glossary = clean;
        return { ok: true };
      }),
    message,
  });
  const draft = form.draft;
  const save = (entries: GlossaryEntry[]) => {
    const was = !sameData(entries, glossaryOf(store.document, formatOf(store.document)));
    if (form.commit(entries).ok && was) message('info', '名词解释已更新');
  };
  const restore = () => {
    form.discard();
    const r = store.updateDocument('恢复标准名词解释', (d) => {
      delete d.glossary;
      return { ok: true };
    });
    if (r.ok) message('info', '已恢复标准名词解释');
  };

  return (
    <section className="glossary-page narrative-page" aria-label="名词解释">
      <header className="table-head">
        <h2>第四部分 名词解释</h2>
        <div className="table-meta">{own ? '本部门自定义' : `标准名词解释（${defaultGlossary(formatOf(store.document)).length} 条）`}</div>
      </header>
      {draft.map((e, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; their order is printed
          key={i}
          className="glossary-entry"
          onBlur={(x) => {
            // An entry is stored when the focus leaves it (name and explanation are typed together).
            if (!(x.relatedTarget instanceof Node && x.currentTarget.contains(x.relatedTarget))) save(draft);
          }}
        >
          <input className="glossary-field" aria-label={`第${i + 1}条名词`} value={e.term} onChange={(x) => form.set(draft.map((d, k) => (k === i ? { ...d, term: x.target.value } : d)))} />
          <textarea className="glossary-field" aria-label={`第${i + 1}条解释`} rows={2} value={e.definition} onChange={(x) => form.set(draft.map((d, k) => (k === i ? { ...d, definition: x.target.value } : d)))} />
          <button type="button" onMouseDown={(x) => x.preventDefault()} onClick={() => save(draft.filter((_, k) => k !== i))}>
            删除
          </button>
        </div>
      ))}
      <div className="form-actions">
        <button type="button" onClick={() => form.set([...draft, { term: '', definition: '' }])}>
          添加名词
        </button>
        <button type="button" onClick={() => save(draft)}>
          应用修改
        </button>
        <button type="button" disabled={!own} onClick={restore}>
          恢复标准名词解释
        </button>
      </div>
    </section>
  );
}
