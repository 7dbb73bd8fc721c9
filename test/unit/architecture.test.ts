import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

/** A file's folder says which runtime it may use: shared/ runs anywhere, renderer/ in the page. */
describe('runtime boundaries', () => {
  it('shared/ imports no Electron, Node, React or DOM code, and nothing from electron/ or renderer/', () => {
    const bad: string[] = [];
    for (const f of sources(join(root, 'shared'))) {
      for (const spec of imports(f)) {
        if (/^(node:|fs$|path$|os$|child_process$|electron$|react|ag-grid|exceljs|playwright)/.test(spec) || /(^|\/)(electron|renderer)\//.test(spec)) {
          bad.push(`${relative(root, f)} → ${spec}`);
        }
      }
      const code = readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/\.document\b/g, '');
      if (/\b(window|document|localStorage)\.[a-zA-Z]/.test(code)) bad.push(`${relative(root, f)} uses a DOM global`);
    }
    expect(bad).toEqual([]);
  });

  it('renderer/ imports no Node or Electron modules and nothing from electron/', () => {
    const bad: string[] = [];
    for (const f of sources(join(root, 'renderer'))) {
      for (const spec of imports(f)) {
        if (/^(node:|fs$|path$|os$|child_process$|electron$|exceljs)/.test(spec) || /(^|\/)electron\//.test(spec)) bad.push(`${relative(root, f)} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
