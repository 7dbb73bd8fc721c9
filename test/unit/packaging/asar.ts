import { readFileSync } from 'node:fs';

interface AsarNode {
  files?: Record<string, AsarNode>;
  size?: number;
  offset?: string;
  unpacked?: boolean;
}

/** Minimal reader of an asar archive (header = pickled JSON), enough to list files and read small ones. */
export class Asar {
  private readonly buf: Buffer;
  private readonly header: AsarNode;
  private readonly base: number;

  constructor(file: string) {
    this.buf = readFileSync(file);
    const headerPickleSize = this.buf.readUInt32LE(4);
    const jsonLength = this.buf.readUInt32LE(12);
    this.header = JSON.parse(this.buf.toString('utf8', 16, 16 + jsonLength)) as AsarNode;
    this.base = 8 + headerPickleSize;
  }

  /** Every file path, `/`-separated, without a leading slash. */
  list(): string[] {
    const out: string[] = [];
    const walk = (node: AsarNode, prefix: string) => {
      for (const [name, child] of Object.entries(node.files ?? {})) {
        const p = prefix ? `${prefix}/${name}` : name;
        if (child.files) walk(child, p);
        else out.push(p);
      }
    };
    walk(this.header, '');
    return out;
  }

  read(path: string): string {
    let node: AsarNode | undefined = this.header;
    for (const part of path.split('/')) node = node?.files?.[part];
    if (!node || node.offset === undefined || node.size === undefined) throw new Error(`not in asar: ${path}`);
    const start = this.base + Number(node.offset);
    return this.buf.toString('utf8', start, start + node.size);
  }
}
