import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

function folders(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isDirectory())
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

describe('README', () => {
  test('the Architecture tree has a line for every folder under src/ and adapters/', () => {
    const tree = /## Architecture\n\n```\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    // Each line is "<indent><name>/  <what it holds>"; nesting is two spaces per level.
    const listed = new Set<string>();
    const stack: string[] = [];
    for (const line of tree.split('\n')) {
      const m = /^( *)([A-Za-z][\w.-]*)\/\s/.exec(line);
      if (!m) continue;
      const depth = m[1]!.length / 2;
      stack.length = depth;
      stack.push(m[2]!);
      listed.add(stack.join('/'));
    }
    const missing = [...folders('src'), ...folders('adapters')].filter((f) => !listed.has(f));
    expect(missing).toEqual([]);
  });

  test('the Node floor is stated once and equals engines.node', () => {
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } })
      .engines.node;
    const floor = engines.replace(/^>=\s*/, '');
    const stated = [...README.matchAll(/Node (\d+\.\d+)/g)].map((m) => m[1]);
    expect(stated).toEqual([floor]);
  });
});
