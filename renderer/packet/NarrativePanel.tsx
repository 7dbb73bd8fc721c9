import { documentKind, narrativeHeading } from '../../shared/formats/labels';
import { type MouseEvent, useEffect, useMemo, useState } from 'react';
import { sessionCellLabel } from '../../shared/exporters/packet/narrative-html';
import { type InputField, readInput, writeInput } from '../../shared/narrative/inputs';
import { isHeadingRole, type NumberToken, type Paragraph, paragraphText } from '../../shared/narrative/types';
import { clearBusy, setBusy } from '../app/busy';
import type { ViewProps } from '../app/view-props';
import type { DocStore } from '../state/store';
import { InputFields } from './InputFields';
import type { NarrativeView } from './narrative-view';
import { SourceNote } from './SourceNote';

/** Paragraphs shown per section before 显示更多. */
const PAGE = 300;
/** Width of the number-source note (px), as in packet.css. */
const NOTE_WIDTH = 440;

/**
 * 情况说明 (第三部分): the generated text, section by section, with the accountant's input
 * fields under the paragraphs they feed. Numbers show their source on hover and on click.
 * A paragraph may be rewritten by hand (marked 手工改写, its numbers checked against the tables).
 */
export function NarrativePanel({ store, version, go, message }: ViewProps) {
  const [open, setOpen] = useState<string>('s1');
  // A large department has thousands of 项 and projects: show a section's paragraphs in pages.
  const [shown, setShown] = useState(PAGE);
  const narrative = useNarrativeView(store, version, open, shown);
  // The fields of the paragraphs shown, with the values the document holds now (a large
  // department's text may still be the one written before the last input).
  const byParagraph = useMemo(() => {
    void version;
    const m = new Map<string, InputField[]>();
    for (const f of narrative?.fields ?? []) {
      const field = { ...f, value: readInput(store.document, f.path) };
      const list = m.get(f.paragraph);
      if (list) list.push(field);
      else m.set(f.paragraph, [field]);
    }
    return m;
  }, [store, version, narrative]);
  const wrong = useMemo(() => new Map(narrative?.wrong ?? []), [narrative]);
  // The clicked number and where it sits in its paragraph: the note opens right under it.
  const [token, setToken] = useState<{ token: NumberToken; paragraph: string; left: number; top: number } | null>(null);
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);

  const apply = (f: InputField, text: string): boolean => {
    const r = store.updateDocument(`填写：${f.label}`, (d) => writeInput(d, f, text));
    if (!r.ok) message('error', r.reason);
    return r.ok;
  };
  const setOverride = (id: string, text: string | null) => {
    const r = store.updateDocument(text === null ? '恢复自动生成的段落' : '手工改写段落', (d) => {
      if (text === null || text.trim() === '') delete d.narrative.overrides[id];
      else d.narrative.overrides[id] = text.trim();
      return { ok: true };
    });
    if (!r.ok) message('error', r.reason);
    setEditing(null);
  };

  /** Open the source note under the clicked number, in its paragraph (so it scrolls with the text). */
  const showToken = (paragraph: string, t: NumberToken, e: MouseEvent<HTMLButtonElement>) => {
    const host = e.currentTarget.closest<HTMLElement>('.narrative-paragraph');
    if (!host) return;
    const box = host.getBoundingClientRect();
    const num = e.currentTarget.getBoundingClientRect();
    // Offsets from the paragraph's padding box (where `position: absolute` counts from), kept inside
    // its width: a number near the right edge opens its note leftwards.
    const left = Math.max(0, Math.min(num.left - box.left - host.clientLeft, host.clientWidth - NOTE_WIDTH));
    setToken({ token: t, paragraph, left, top: num.bottom - box.top - host.clientTop + 4 });
  };

  if (!narrative) {
    return (
      <section className="narrative-page" aria-label="情况说明">
        <header className="table-head">
          <h2>{narrativeHeading(store.session.template, store.document)}</h2>
        </header>
        <p className="hint" data-testid="narrative-writing">
          正在由预算表生成情况说明…
        </p>
      </section>
    );
  }
  const missing = narrative.missing;
  // The paragraphs of the open section, when the text at hand has them (a large department's other
  // section is being read from the worker meanwhile).
  const paragraphs = narrative.page.open === open ? narrative.paragraphs.slice(0, shown) : null;
  return (
    <section className="narrative-page" aria-label="情况说明">
      <header className="table-head">
        <h2>{narrativeHeading(store.session.template, { department: store.document.department, year: narrative.year })}</h2>
        <div className="table-meta">
          {missing > 0 ? <span className="count-warning">待填写 {missing} 项</span> : <span>填写完整</span>}
          {wrong.size > 0 && <span className="count-error">改写段落数字不符 {wrong.size}</span>}
        </div>
      </header>
      <p className="hint">
        {documentKind(store.session.template).endsWith('决算')
          ? '文字由决算表自动生成，随表中数字即时更新；请在各段下方的输入框中填写上年决算数、年初预算数、主要原因、用途等。'
          : '文字由预算表自动生成，随表中数字即时更新；请在各段下方的输入框中填写上年预算数、主要原因、用途等。'}
        点击带底纹的数字可查看其来源。
      </p>
      {narrative.sections.map((s) => (
        <section key={s.id} className={`narrative-section${open === s.id ? ' open' : ''}`} data-section={s.id}>
          <h3>
            <button
              type="button"
              onClick={() => {
                setOpen(open === s.id ? '' : s.id);
                setShown(PAGE);
                setToken(null);
              }}
              aria-expanded={open === s.id}
            >
              <span className="chevron" aria-hidden="true">
                {open === s.id ? '▾' : '▸'}
              </span>
              {s.numeral}、{s.title}
              <SectionSummary paragraphs={s.paragraphs} missing={s.missing} open={open === s.id} />
            </button>
          </h3>
          {open === s.id && !paragraphs && (
            <p className="hint" data-testid="narrative-reading">
              正在读取本节…
            </p>
          )}
          {open === s.id &&
            paragraphs?.map((p) => (
              <div key={p.id} className={`narrative-paragraph role-${p.role}${p.overridden ? ' overridden' : ''}`} data-paragraph={p.id}>
                {editing?.id === p.id ? (
                  <div className="override-editor">
                    {/* The text being rewritten stays in view above the box, numbers and all. */}
                    <div className="override-original" aria-label="改写前的段落">
                      <ParagraphView paragraph={p} onToken={(t, e) => showToken(p.id, t, e)} />
                    </div>
                    <textarea rows={4} value={editing.text} aria-label="改写段落" onChange={(e) => setEditing({ id: p.id, text: e.target.value })} />
                    <div className="form-actions">
                      <button type="button" onClick={() => setOverride(p.id, editing.text)}>
                        保存改写
                      </button>
                      <button type="button" onClick={() => setEditing(null)}>
                        取消
                      </button>
                    </div>
                  </div>
                ) : (
                  <ParagraphView paragraph={p} onToken={(t, e) => showToken(p.id, t, e)} />
                )}
                {token?.paragraph === p.id && (
                  <SourceNote
                    token={token.token}
                    label={sessionCellLabel(store.session)}
                    at={{ left: token.left, top: token.top }}
                    onClose={() => setToken(null)}
                    onGo={(c) => {
                      setToken(null);
                      go(`t${c.table}`, c);
                    }}
                  />
                )}
                {p.overridden && (
                  <div className={`override-mark${wrong.has(p.id) ? ' wrong' : ''}`}>
                    手工改写{wrong.has(p.id) ? `：${wrong.get(p.id)}` : '（数字与表一致）'}
                    <button type="button" onClick={() => setOverride(p.id, null)}>
                      恢复自动生成
                    </button>
                  </div>
                )}
                {!isHeadingRole(p.role) && editing?.id !== p.id && (
                  <button type="button" className="override-button" onClick={() => setEditing({ id: p.id, text: paragraphText(p.runs) })}>
                    改写
                  </button>
                )}
                <InputFields fields={byParagraph.get(p.id) ?? []} onApply={apply} />
              </div>
            ))}
          {open === s.id && s.paragraphs > shown && (
            <button type="button" className="show-more" onClick={() => setShown(shown + PAGE)}>
              显示更多（还有 {s.paragraphs - shown} 段）
            </button>
          )}
        </section>
      ))}
    </section>
  );
}

/** What a section holds, beside its title: a closed section is not mistaken for an empty one. */
function SectionSummary({ paragraphs, missing, open }: { paragraphs: number; missing: number; open: boolean }) {
  return (
    <span className="section-summary">
      {paragraphs} 段{missing > 0 ? `，待填写 ${missing} 项` : ''}
      {open ? '（点击收起）' : '（点击展开）'}
    </span>
  );
}

function ParagraphView({ paragraph, onToken }: { paragraph: Paragraph; onToken(t: NumberToken, e: MouseEvent<HTMLButtonElement>): void }) {
  const Tag = isHeadingRole(paragraph.role) ? 'h4' : 'p';
  return (
    <Tag>
      {paragraph.runs.map((r, i) =>
        typeof r === 'string' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional and never reordered
          <span key={i}>{r}</span>
        ) : (
          <button
            // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional and never reordered
            key={i}
            type="button"
            className="num"
            title={r.label}
            onClick={(e) => onToken(r, e)}
          >
            {r.text}
          </button>
        ),
      )}
    </Tag>
  );
}

const WRITING = '正在生成情况说明…';

/**
 * The store's view of the text (written once per revision of the document, shared with 打印预览
 * and the text check). A large department's is written in the text worker (10,000 items ~0.3 s,
 * 100,000 ~3 s with its check): meanwhile the busy indicator says so and the text as last written
 * stays in view; before the first, the page says it is writing it. Null until the first is written.
 */
function useNarrativeView(store: DocStore, version: number, open: string, count: number): NarrativeView | null {
  const { view, current } = useMemo(() => {
    void version;
    return store.narrativeView({ open, count });
  }, [store, version, open, count]);
  useEffect(() => {
    if (current) return;
    setBusy(WRITING);
    return () => clearBusy(WRITING);
  }, [current]);
  useEffect(() => () => store.stopNarrativeView(), [store]);
  return view;
}
