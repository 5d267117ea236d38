import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../../adapters/root';
import { silentLogger } from '../../src/log';

describe('the saved search index', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cyberbrief-index-'));
    env = { ...process.env, CYBERBRIEF_STORE: `sqlite://${join(dir, 's.sqlite')}` };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is saved with the revision it was built at, reused on the next start, and rebuilt after a write', async () => {
    const first = await openApp({ env, log: silentLogger });
    const saved = await first.store.getMeta<{ revision: string }>('search-index');
    expect(saved?.revision).toBe(await first.store.revision());
    const before = first.briefing.brief('wanacry', 'fr');
    await first.close();

    const second = await openApp({ env, log: silentLogger });
    expect(second.briefing.brief('wanacry', 'fr')).toEqual(before);
    const inc = second.briefing.data.incident('wannacry')!;
    await second.briefing.saveIncident(
      {
        ...inc,
        id: 'zephyr-quokka-op',
        name: { en: 'Zephyr quokka operation', fr: 'Opération zéphyr quokka' },
        aliases: ['ZephyrQuokka'],
        related: [],
      },
      [],
    );
    expect(second.briefing.brief('zephyrquokka', 'en').subject?.id).toBe('zephyr-quokka-op');
    await second.close();

    const third = await openApp({ env, log: silentLogger });
    // The saved index predates the write: the new incident is only found if the index was rebuilt.
    expect(third.briefing.brief('zephyrquokka', 'en').subject?.id).toBe('zephyr-quokka-op');
    expect((await third.store.getMeta<{ revision: string }>('search-index'))?.revision).toBe(
      await third.store.revision(),
    );
    await third.close();
  });
});
