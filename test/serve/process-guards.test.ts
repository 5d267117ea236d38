import { EventEmitter } from 'node:events';
import { guardProcess } from '../../adapters/server/process-guards';
import { jsonLogger } from '../../src/log';

describe('serve survives what nobody caught', () => {
  const setup = () => {
    const proc = new EventEmitter();
    const lines: Record<string, unknown>[] = [];
    const exits: number[] = [];
    let t = 0;
    const unguard = guardProcess(
      jsonLogger('debug', (l) => lines.push(JSON.parse(l) as Record<string, unknown>)),
      { proc, exit: (c) => exits.push(c), now: () => t, maxPerMinute: 3 },
    );
    return { proc, lines, exits, unguard, advance: (ms: number) => (t += ms) };
  };

  it('logs an unhandled rejection and goes on', () => {
    const { proc, lines, exits } = setup();
    proc.emit('unhandledRejection', new TypeError("Cannot read properties of null (reading 'type')"));
    proc.emit('unhandledRejection', 'a plain string');
    expect(lines.map((l) => l.event)).toEqual(['process.unhandled_rejection', 'process.unhandled_rejection']);
    expect(lines[0]).toMatchObject({ level: 'error', error: expect.stringContaining('TypeError: Cannot read') });
    expect(exits).toEqual([]);
  });

  it('survives a few uncaught exceptions, and exits 70 when they keep coming', () => {
    const { proc, lines, exits, advance } = setup();
    for (let i = 0; i < 3; i++) {
      proc.emit('uncaughtException', new Error(`boom ${i}`));
      advance(30_000);
    }
    expect(exits).toEqual([]);
    for (let i = 0; i < 4; i++) proc.emit('uncaughtException', new Error('loop'));
    expect(exits).toEqual([70]);
    expect(lines.filter((l) => l.event === 'process.exit_forced')).toHaveLength(1);
  });

  it('is removed when serve stops', () => {
    const { proc, unguard } = setup();
    expect(proc.listenerCount('uncaughtException')).toBe(1);
    unguard();
    expect(proc.listenerCount('uncaughtException')).toBe(0);
    expect(proc.listenerCount('unhandledRejection')).toBe(0);
  });
});
