import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Every event name a log call is given: `area.noun_verb`, snake case (a `${...}` tail stands for a word). */
test('log event names follow area.noun_verb', () => {
  const names = new Set<string>();
  for (const file of [...sources('src'), ...sources('adapters')]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\.(?:debug|info|warn|error)\(\s*['`]([^'`]+)['`]/g)) names.add(m[1]!);
  }
  expect(names.size).toBeGreaterThan(50);
  const bad = [...names].filter((n) => !/^[a-z]+\.[a-z]+(_[a-z]+|_\$\{[^}]+\})+$/.test(n));
  expect(bad).toEqual([]);
});
