import { useEffect, useState } from 'react';

/**
 * A view preference of this machine (nav collapsed, zoom) kept in localStorage: it belongs to the
 * window, not to the document, and a bad or missing value falls back to the default.
 */
export function usePersisted<T>(key: string, initial: T, valid: (v: unknown) => v is T) {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = window.localStorage.getItem(key);
      const v: unknown = raw === null ? undefined : JSON.parse(raw);
      return valid(v) ? v : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the preference just lasts for this session.
    }
  }, [key, value]);
  return [value, setValue] as const;
}
