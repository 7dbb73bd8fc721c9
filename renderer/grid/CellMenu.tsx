import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/** One entry of the right-click menu: `disabled` is the reason it does not apply here (shown, never silent). */
export interface MenuItem {
  id: string;
  label: string;
  shortcut?: string;
  disabled?: string;
  run(): void;
}

/**
 * The grid's right-click menu: opens at the pointer (or at the focused cell from the keyboard),
 * arrows/Home/End move, Enter runs, Esc or a click elsewhere closes and gives the focus back.
 * A disabled item stays reachable so its reason is read in the line under the items.
 */
export function CellMenu({ at, items, onClose }: { at: { x: number; y: number }; items: MenuItem[]; onClose(): void }) {
  const ref = useRef<HTMLDivElement | null>(null);
  const [active, setActive] = useState(() => Math.max(0, items.findIndex((i) => !i.disabled)));
  const [pos, setPos] = useState(at);
  // Keep the whole menu inside the window (a cell near the right or bottom edge).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    setPos({ x: Math.max(0, Math.min(at.x, window.innerWidth - r.width - 4)), y: Math.max(0, Math.min(at.y, window.innerHeight - r.height - 4)) });
  }, [at]);
  useEffect(() => {
    ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [active]);
  // The grid's hover note would sit over the menu: hidden while it is open.
  useEffect(() => {
    document.body.classList.add('cell-menu-open');
    return () => document.body.classList.remove('cell-menu-open');
  }, []);
  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', away, true);
    window.addEventListener('blur', onClose);
    return () => {
      document.removeEventListener('mousedown', away, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);
  const runItem = (i: MenuItem) => {
    if (i.disabled) return;
    onClose();
    i.run();
  };
  const reason = items[active]?.disabled;
  return (
    <div
      className="cell-menu"
      role="menu"
      aria-label="单元格菜单"
      data-testid="cell-menu"
      ref={ref}
      style={{ left: pos.x, top: pos.y }}
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        e.stopPropagation();
        const n = items.length;
        if (e.key === 'ArrowDown') setActive((a) => (a + 1) % n);
        else if (e.key === 'ArrowUp') setActive((a) => (a - 1 + n) % n);
        else if (e.key === 'Home') setActive(0);
        else if (e.key === 'End') setActive(n - 1);
        else if (e.key === 'Escape' || e.key === 'Tab') onClose();
        else if (e.key === 'Enter' || e.key === ' ') {
          const i = items[active];
          if (i) runItem(i);
        } else return;
        e.preventDefault();
      }}
    >
      {items.map((i, k) => (
        <div
          key={i.id}
          role="menuitem"
          tabIndex={-1}
          data-item={i.id}
          aria-disabled={i.disabled ? true : undefined}
          title={i.disabled}
          className={`cell-menu-item${k === active ? ' active' : ''}${i.disabled ? ' disabled' : ''}`}
          onMouseEnter={() => setActive(k)}
          onClick={() => runItem(i)}
          onKeyDown={() => {}}
        >
          <span>{i.label}</span>
          {i.shortcut && <kbd>{i.shortcut}</kbd>}
        </div>
      ))}
      <div className="cell-menu-reason" data-testid="cell-menu-reason" aria-live="polite">
        {reason ? `不可用：${reason}` : ''}
      </div>
    </div>
  );
}
