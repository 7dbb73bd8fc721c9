import { useEffect, useState } from 'react';
import type { InputField } from '../../shared/narrative/inputs';

/** The fields under one paragraph; each is applied on blur or Enter as one undoable step. */
export function InputFields({ fields, onApply }: { fields: InputField[]; onApply(f: InputField, text: string): boolean }) {
  if (fields.length === 0) return null;
  return (
    <div className="narrative-inputs">
      {fields.map((f) => (
        <Field key={`${f.path.root}.${f.path.record ?? ''}.${f.path.key}.${f.path.field ?? ''}`} field={f} onApply={onApply} />
      ))}
    </div>
  );
}

function Field({ field, onApply }: { field: InputField; onApply(f: InputField, text: string): boolean }) {
  const [text, setText] = useState(field.value);
  useEffect(() => setText(field.value), [field.value]);
  const commit = () => {
    if (text === field.value) return;
    if (!onApply(field, text)) setText(field.value);
  };
  const common = {
    value: text,
    'aria-label': field.label,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onBlur: commit,
  };
  return (
    <label className={`narrative-input kind-${field.kind}${field.value === '' ? ' empty' : ''}`}>
      <span>{field.label}</span>
      {field.kind === 'longtext' || field.kind === 'lines' ? (
        <textarea rows={field.kind === 'lines' ? Math.min(8, Math.max(2, text.split('\n').length + 1)) : 3} {...common} />
      ) : (
        <input
          {...common}
          inputMode={field.kind === 'amount' || field.kind === 'count' ? 'decimal' : undefined}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
      )}
    </label>
  );
}
