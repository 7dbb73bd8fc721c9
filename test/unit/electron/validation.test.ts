import { describe, expect, it } from 'vitest';
import { type Channel, requestSchemas } from '../../../shared/ipc/contract';
import { makeHandlers, sampleDocText } from './helpers';

/** Payloads a compromised or buggy renderer could send; each channel also gets its own bad cases. */
const GENERIC_BAD: unknown[] = [undefined, null, 'doc', 42, [], true];
const SPECIFIC_BAD: Record<Channel, unknown[]> = {
  'doc:open': [{ path: 42 }, { path: '' }, { path: 'x'.repeat(5000) }],
  'doc:save': [{}, { path: '/a.budget' }, { docText: 7 }, { docText: 'x'.repeat(64 * 1024 * 1024 + 1) }, { docText: '{}', saveAs: 'yes' }],
  'doc:autosave': [{ docText: '{}' }, { key: '', docText: '{}' }, { key: 'k'.repeat(201), docText: '{}' }],
  'recovery:discard': [{}, { key: 3 }],
  'recovery:list': [],
  'recovery:restore': [{ key: '' }],
  'import:file': [{ path: ['a'] }],
  'import:codeList': [{ path: {} }],
  'format:open': [{ path: 3 }],
  'export:xlsx': [{ path: '/a.xlsx' }],
  'packet:pdf': [{ path: '/a.pdf' }, { html: '<h1>x</h1>' }, { docText: 5 }],
  'job:cancel': [{}, { jobId: '' }, { jobId: 7 }, { jobId: 'j'.repeat(101) }],
  'window:state': [{}, { dirty: 'yes' }, { fileName: 3, dirty: true }],
  'shell:openExternal': [{}, { url: 'not a url' }, { url: `https://a.example/${'x'.repeat(3000)}` }],
  'settings:get': [],
  'settings:set': [{ defaultUnit: '千元' }, { lastFolder: '' }],
  'app:info': [],
};

describe('every IPC channel validates its payload before use', () => {
  const channels = Object.keys(requestSchemas) as Channel[];

  it('covers every channel of the contract', () => {
    expect(Object.keys(SPECIFIC_BAD).sort()).toEqual([...channels].sort());
  });

  for (const channel of channels) {
    it(`${channel}: refuses malformed payloads in Chinese, touching nothing`, async () => {
      const { h, asked } = await makeHandlers();
      for (const payload of [...GENERIC_BAD, ...SPECIFIC_BAD[channel]]) {
        const r = (await h[channel](payload)) as { ok: boolean; error?: string };
        expect(r.ok, `${channel} ${JSON.stringify(payload)?.slice(0, 60)}`).toBe(false);
        expect(r.error).toMatch(new RegExp(`^请求“${channel}”的内容无效：`));
      }
      expect(asked.open.length + asked.save.length + asked.confirm.length + asked.opened.length + asked.state.length).toBe(0);
    });
  }

  it('refuses links that are not web pages, and opens web links only after the user agrees', async () => {
    const { h, asked, answers } = await makeHandlers();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'app://desk/index.html', 'smb://server/share', 'https://user:pw@bank.example/']) {
      const r = await h['shell:openExternal']({ url });
      expect(!r.ok && r.error, url).toMatch(/^只能在浏览器中打开网页链接（http\/https），已拒绝/);
    }
    expect(asked.confirm).toEqual([]);
    answers.confirm = false;
    expect(await h['shell:openExternal']({ url: 'https://www.mof.gov.cn/' })).toEqual({ ok: true, opened: false });
    answers.confirm = true;
    expect(await h['shell:openExternal']({ url: 'https://www.mof.gov.cn/' })).toEqual({ ok: true, opened: true });
    expect(asked.confirm).toEqual(['https://www.mof.gov.cn/', 'https://www.mof.gov.cn/']);
    expect(asked.opened).toEqual(['https://www.mof.gov.cn/']);
  });

  it('gives the browser the parsed, normalised URL (URL.href), the same one the user was shown', async () => {
    const { h, asked } = await makeHandlers();
    const cases: Array<[string, string]> = [
      ['HTTPS://WWW.MOF.GOV.CN:443/a/../zhengwuxinxi/?q=预算#top', 'https://www.mof.gov.cn/zhengwuxinxi/?q=%E9%A2%84%E7%AE%97#top'],
      ['http://例子.中国/路径', 'http://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%E5%BE%84'],
      ['https://www.gov.cn/\\evil', 'https://www.gov.cn//evil'],
    ];
    for (const [raw] of cases) expect(await h['shell:openExternal']({ url: raw })).toEqual({ ok: true, opened: true });
    expect(asked.confirm).toEqual(cases.map(([, href]) => href));
    expect(asked.opened).toEqual(cases.map(([, href]) => href));
  });

  it('window:state passes the file name and unsaved flag to the window', async () => {
    const { h, asked } = await makeHandlers();
    expect(await h['window:state']({ fileName: '/a/乙局.budget', dirty: true })).toEqual({ ok: true });
    expect(await h['window:state']({ dirty: false })).toEqual({ ok: true });
    expect(asked.state).toEqual([{ fileName: '/a/乙局.budget', dirty: true }, { dirty: false }]);
  });

  it('app:info reports the version and library licences', async () => {
    const { h } = await makeHandlers({ licenses: async () => [{ name: 'zod', version: '3.25.76', license: 'MIT' }] });
    expect(await h['app:info']({})).toEqual({ ok: true, version: '0.1.0', licenses: [{ name: 'zod', version: '3.25.76', license: 'MIT' }] });
  });

  it('a valid document passes validation (the refusals above are not blanket)', async () => {
    const { h } = await makeHandlers();
    const r = await h['doc:save']({ docText: sampleDocText() });
    expect(r).toEqual({ ok: false, error: '已取消', canceled: true }); // got past validation to the dialog
  });
});
