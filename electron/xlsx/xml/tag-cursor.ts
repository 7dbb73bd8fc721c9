/**
 * A forward-only walk over the tags of an XML part, on its bytes: no DOM, no strings unless
 * asked for, one pass. Enough to measure a worksheet before exceljs parses it; not a validator.
 */
export class TagCursor {
  /** Index of the tag's '<' and just past its '>'. */
  start = 0;
  end = 0;
  /** The name's bytes, and where its local part starts (after any `x:` prefix). */
  nameStart = 0;
  nameEnd = 0;
  localStart = 0;
  /** `</name>` */
  close = false;
  /** `<name …/>` */
  selfClose = false;
  /** A comment, CDATA section, doctype or processing instruction: no element. */
  special = false;
  /** Set by `attr`: the value's bytes (entities not decoded). */
  valueStart = 0;
  valueEnd = 0;
  private pos: number;

  constructor(
    readonly b: Buffer,
    from = 0,
  ) {
    this.pos = from;
  }

  /** Advance to the next tag; false at the end, or when the part ends inside a tag. */
  next(): boolean {
    const b = this.b;
    const lt = b.indexOf(0x3c, this.pos);
    if (lt < 0 || lt + 1 >= b.length) return false;
    this.start = lt;
    const c1 = b[lt + 1];
    if (c1 === 0x21 || c1 === 0x3f) {
      // <!-- … -->, <![CDATA[ … ]]>, <!DOCTYPE …>, <? … ?>
      const stop = c1 === 0x3f ? '?>' : b[lt + 2] === 0x2d ? '-->' : b[lt + 2] === 0x5b ? ']]>' : '>';
      const at = b.indexOf(stop, lt + 2, 'latin1');
      if (at < 0) return false;
      this.special = true;
      this.close = this.selfClose = false;
      this.end = this.pos = at + stop.length;
      return true;
    }
    this.special = false;
    this.close = c1 === 0x2f;
    let p = lt + (this.close ? 2 : 1);
    this.nameStart = this.localStart = p;
    for (; p < b.length; p++) {
      const x = b[p];
      if (x === 0x20 || x === 0x09 || x === 0x0a || x === 0x0d || x === 0x2f || x === 0x3e) break;
      if (x === 0x3a) this.localStart = p + 1;
    }
    this.nameEnd = p;
    // '>' may stand inside a quoted attribute value.
    let quote = 0;
    for (; p < b.length; p++) {
      const x = b[p];
      if (quote) {
        if (x === quote) quote = 0;
      } else if (x === 0x22 || x === 0x27) quote = x!;
      else if (x === 0x3e) break;
    }
    if (p >= b.length) return false;
    this.end = this.pos = p + 1;
    this.selfClose = !this.close && b[p - 1] === 0x2f;
    return true;
  }

  /** The local name (without prefix) is `name` (ASCII). */
  is(name: string): boolean {
    return !this.special && sameAscii(this.b, this.localStart, this.nameEnd, name);
  }

  /** Finds attribute `name` (qualified, as written); its value is at valueStart..valueEnd. */
  attr(name: string): boolean {
    const b = this.b;
    const stop = this.end - 1;
    let p = this.nameEnd;
    while (p < stop) {
      while (p < stop && (b[p] === 0x20 || b[p] === 0x09 || b[p] === 0x0a || b[p] === 0x0d || b[p] === 0x2f)) p++;
      const ns = p;
      while (p < stop && b[p] !== 0x3d && b[p] !== 0x20 && b[p] !== 0x09 && b[p] !== 0x0a && b[p] !== 0x0d) p++;
      const ne = p;
      while (p < stop && b[p] !== 0x22 && b[p] !== 0x27) p++;
      const quote = b[p];
      const vs = p + 1;
      const ve = b.indexOf(quote ?? 0x22, vs);
      if (p >= stop || ve < 0 || ve > stop) return false;
      p = ve + 1;
      if (sameAscii(b, ns, ne, name)) {
        this.valueStart = vs;
        this.valueEnd = ve;
        return true;
      }
    }
    return false;
  }

  /** The value found by `attr`, entities decoded. */
  value(): string {
    return decodeXmlText(this.b.toString('utf8', this.valueStart, this.valueEnd));
  }
}

function sameAscii(b: Buffer, from: number, to: number, text: string): boolean {
  if (to - from !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (b[from + i] !== text.charCodeAt(i)) return false;
  return true;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character and entity references in text (what a parser would hand over). */
export function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (m, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? m;
    const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}
