import { jsonLogger } from '../../src/log';
import { StoreUnavailableError, storeLabel } from '../../src/store/store-errors';
import { watchStore } from '../../src/store/store-health';

describe('naming a store without its secrets', () => {
  it.each([
    ['redis://:s3cret@cache.internal:6380', 'redis://cache.internal:6380'],
    ['redis://app:s3cret@cache.internal/2', 'redis://cache.internal:6379/2'],
    ['rediss://cache.internal', 'rediss://cache.internal:6379'],
    ['postgresql://app:s3cret@db.internal/briefs?sslmode=require', 'postgresql://db.internal:5432/briefs'],
    ['postgres://db.internal:6543/briefs?password=s3cret', 'postgres://db.internal:6543/briefs'],
  ])('%s -> %s', (url, label) => {
    expect(storeLabel(url)).toBe(label);
    expect(StoreUnavailableError.from(label, Object.assign(new Error('x'), { code: 'ECONNREFUSED' })).message).toBe(
      `store ${label} is unreachable (connection refused)`,
    );
  });
});

describe('watching the store', () => {
  it('logs the loss and the recovery once each, however long the outage, then runs onRecovered', async () => {
    const answers = [true, false, false, false, true, true, false, true];
    const lines: string[] = [];
    let recovered = 0;
    const health = watchStore(
      { label: 'redis://cache.internal:6379', ping: async () => answers.shift() ?? true },
      { log: jsonLogger('info', (l) => lines.push(l)), intervalMs: 5, onRecovered: async () => void recovered++ },
    );
    // Every answer used, and the last recovery handled (timers run late on a busy machine).
    for (let i = 0; i < 500 && (answers.length > 0 || recovered < 2); i++) await new Promise((r) => setTimeout(r, 10));
    health.stop();
    const events = lines.map((l) => (JSON.parse(l) as { event: string; store: string }).event);
    expect(events).toEqual([
      'store.connection_lost',
      'store.connection_recovered',
      'store.connection_lost',
      'store.connection_recovered',
    ]);
    expect(lines.every((l) => l.includes('"store":"redis://cache.internal:6379"'))).toBe(true);
    expect(recovered).toBe(2);
    expect(health.up).toBe(true);
  });
});
