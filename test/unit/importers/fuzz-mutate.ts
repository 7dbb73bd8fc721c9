/** Deterministic mutations of a packet text for the importer's fuzz test. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export type Mutation = 'drop' | 'duplicate' | 'swap' | 'digit' | 'flip' | 'junk' | 'truncate' | 'mixed';
const KINDS: Mutation[] = ['drop', 'duplicate', 'swap', 'digit', 'flip', 'junk', 'truncate', 'mixed'];

/** Lines a broken extraction or an attacker might put anywhere in a packet. */
const JUNK = ['\t\t\t\t', '总计', '※\t※\t1\t2', '201 03 02', '999999999999.99', '1,2,3,4.5.6', '第三部分', '部门收入总体情况表', '编制部门：', '（类）（款）（项）', '比上年增加万元', '-', '一、'];

export function mutate(text: string, seed: number): { kind: Mutation; text: string } {
  const r = rng(seed);
  const pick = (n: number) => Math.floor(r() * n);
  const kind = KINDS[seed % KINDS.length]!;
  const apply = (k: Exclude<Mutation, 'mixed'>, t: string): string => {
    const lines = t.split('\n');
    switch (k) {
      case 'drop': {
        for (let i = 0, n = 1 + pick(8); i < n && lines.length > 1; i++) lines.splice(pick(lines.length), 1);
        return lines.join('\n');
      }
      case 'duplicate': {
        for (let i = 0, n = 1 + pick(5); i < n; i++) {
          const at = pick(lines.length);
          lines.splice(at, 0, lines[at]!);
        }
        return lines.join('\n');
      }
      case 'swap': {
        for (let i = 0, n = 1 + pick(5); i < n; i++) {
          const a = pick(lines.length);
          const b = Math.min(lines.length - 1, a + 1 + pick(40));
          [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        }
        return lines.join('\n');
      }
      case 'digit': {
        const chars = [...t];
        const digits = chars.map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
        for (let i = 0, n = 1 + pick(10); i < n && digits.length; i++) chars[digits[pick(digits.length)]!] = String(pick(10));
        return chars.join('');
      }
      case 'flip': {
        const chars = [...t];
        for (let i = 0, n = 1 + pick(20); i < n; i++) chars[pick(chars.length)] = String.fromCharCode(pick(0xffff));
        return chars.join('');
      }
      case 'junk': {
        for (let i = 0, n = 1 + pick(10); i < n; i++) lines.splice(pick(lines.length), 0, JUNK[pick(JUNK.length)]!.repeat(1 + pick(3)));
        return lines.join('\n');
      }
      case 'truncate':
        return t.slice(0, pick(t.length));
    }
  };
  if (kind !== 'mixed') return { kind, text: apply(kind, text) };
  let t = text;
  for (const k of ['drop', 'swap', 'digit', 'flip', 'junk', 'duplicate'] as const) if (r() < 0.6) t = apply(k, t);
  return { kind, text: t };
}
