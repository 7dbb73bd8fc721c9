import type { Fen } from './fen';
import { formatWan } from './format';

/** 元 with exactly 2 decimals, no separators: 分 are exact, nothing to round. */
export function formatYuan(fen: Fen): string {
  const s = String(Math.abs(fen)).padStart(3, '0');
  return `${fen < 0 ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** An amount as a table printed in `unit` shows it (2 decimals, no separators). */
export function formatIn(fen: Fen, unit: '万元' | '元'): string {
  return unit === '元' ? formatYuan(fen) : formatWan(fen, { thousands: false });
}
