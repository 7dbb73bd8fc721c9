import { promises as fs } from 'node:fs';
import { join } from 'node:path';

export interface LicenseNotice {
  name: string;
  version: string;
  license: string;
}

async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function licenseOf(pkg: Record<string, unknown>): string {
  const l = pkg.license;
  if (typeof l === 'string') return l;
  if (typeof l === 'object' && l !== null && typeof (l as { type?: unknown }).type === 'string') return (l as { type: string }).type;
  return '未注明';
}

/**
 * Version and licence of each bundled (production) library: from the list the build wrote
 * (`dist/electron/licenses.json`, which includes what Vite bundled into the renderer), else
 * read from the installed packages.
 */
export async function collectLicenses(appRoot: string, extra: LicenseNotice[] = []): Promise<LicenseNotice[]> {
  const built = await fs.readFile(join(appRoot, 'dist', 'electron', 'licenses.json'), 'utf8').then(
    (t) => JSON.parse(t) as unknown,
    () => undefined,
  );
  if (Array.isArray(built)) {
    const ok = built.filter(
      (l): l is LicenseNotice => typeof l === 'object' && l !== null && typeof l.name === 'string' && typeof l.version === 'string' && typeof l.license === 'string',
    );
    return [...extra, ...ok];
  }
  const pkg = await readJson(join(appRoot, 'package.json'));
  const deps = Object.keys((pkg?.dependencies as Record<string, string> | undefined) ?? {}).sort();
  const out: LicenseNotice[] = [...extra];
  for (const name of deps) {
    const dep = await readJson(join(appRoot, 'node_modules', name, 'package.json'));
    if (!dep) continue;
    out.push({ name, version: typeof dep.version === 'string' ? dep.version : '', license: licenseOf(dep) });
  }
  return out;
}
