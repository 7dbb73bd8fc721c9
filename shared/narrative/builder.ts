import { type Fen, formatWan } from '../money';
import { formatBasisPoints, rateBasisPoints } from './shares';
import type { NumberToken, Paragraph, ParagraphRole, Run, Source } from './types';

export interface Figure {
  fen: Fen;
  source: Source;
}

/** An input the generator needed and did not find (reported as a finding, never invented). */
export interface MissingInput {
  paragraph: string;
  /** Path in the document (`priorYear.gbItems.2010350`, `narrative.reasons.basic`). */
  field: string;
  label: string;
}

/** Builds one paragraph run by run; numbers become tokens that carry their source. */
/** True when there is last year's figure and it equals this year's: no reason is asked for then. */
export const unchanged = (current: Figure, prior: Figure | null): boolean => prior !== null && prior.fen === current.fen;

export class Para {
  readonly runs: Run[] = [];
  constructor(
    readonly id: string,
    readonly role: ParagraphRole = 'text',
  ) {}

  t(text: string): this {
    const last = this.runs[this.runs.length - 1];
    if (typeof last === 'string') this.runs[this.runs.length - 1] = last + text;
    else this.runs.push(text);
    return this;
  }

  token(tok: NumberToken): this {
    this.runs.push(tok);
    return this;
  }

  /** An amount in 万元, 2 decimals with thousands separators; `abs` prints the magnitude (增加/减少 carry the sign). */
  amount(f: Figure, label: string, abs = false): this {
    return this.token({ kind: 'amount', text: formatWan(abs ? Math.abs(f.fen) : f.fen), value: f.fen, source: f.source, label });
  }

  percent(bp: number, source: Source, label: string, abs = false): this {
    return this.token({ kind: 'percent', text: formatBasisPoints(abs ? Math.abs(bp) : bp), value: bp, source, label });
  }

  count(n: number, source: Source, label: string): this {
    return this.token({ kind: 'count', text: String(n), value: n, source, label });
  }

  /**
   * “增加 X 万元，增长 Y%” / “减少 X 万元，下降 Y%” / “与上年预算持平” against last year; the rate
   * is computed on the printed (2-decimal) figures, as the packets do.
   */
  change(current: Figure, previous: Figure, what: string): this {
    const d = current.fen - previous.fen;
    // No change reads “与上年预算持平”, never “增加0.00万元，增长0.00%”.
    if (d === 0) return this.flat();
    const up = d >= 0;
    const changeSrc: Source = { kind: 'change', current: current.source, previous: previous.source };
    this.t(up ? '增加' : '减少').amount({ fen: d, source: changeSrc }, `${what}比上年预算${up ? '增加' : '减少'}额（本年 − 上年）`, true);
    const bp = rateBasisPoints(current.fen, previous.fen);
    this.t(`万元，${up ? '增长' : '下降'}`).percent(
      bp,
      { kind: 'rate', current: current.source, previous: previous.source },
      `${what}${up ? '增长' : '下降'}率（增减额 ÷ 上年预算）`,
      true,
    );
    return this.t('%');
  }

  private flat(): this {
    const last = this.runs[this.runs.length - 1];
    if (typeof last === 'string' && last.endsWith('比上年预算')) {
      this.runs[this.runs.length - 1] = `${last.slice(0, -'比上年预算'.length)}与上年预算持平`;
      return this;
    }
    return this.t('与上年预算持平');
  }

  /** An amount in 万元 as the Shanghai text prints it: whole amounts without decimals (`4,614`, `28.50`). */
  wan(f: Figure, label: string, abs = false): this {
    const text = formatWan(abs ? Math.abs(f.fen) : f.fen).replace(/\.00$/, '');
    return this.token({ kind: 'amount', text, value: f.fen, source: f.source, label });
  }

  /** “比{than}增加 X万元” / “比{than}减少 X万元” / “与{than}持平”: the Shanghai wording, without a rate. */
  versus(current: Figure, previous: Figure, what: string, than: string): this {
    const d = current.fen - previous.fen;
    if (d === 0) return this.t(`与${than}持平`);
    const word = d > 0 ? '增加' : '减少';
    const source: Source = { kind: 'change', current: current.source, previous: previous.source };
    return this.t(`比${than}${word}`).wan({ fen: d, source }, `${what}比${than}${word}额（本年 − 上年）`, true).t('万元');
  }

  build(): Paragraph {
    return { id: this.id, role: this.role, runs: this.runs };
  }
}
