import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../adapters/cli/main';
import { defaultKbDir } from '../../src/kb/load';
import { jsonLogger } from '../../src/log';
import { KeyvSubscriptionStore } from '../../src/subscriptions/keyv-subscription-store';
import { type Harness, startHarness } from '../slack/support/harness';
import { postToSlackEndpoint, slashCommandBody } from '../slack/support/signed';
import { BOB, message } from '../teams/support/activities';
import { startTeams, type TeamsHarness } from '../teams/support/harness';

/**
 * One table of command texts, typed in Slack (real Bolt over loopback HTTP), in Teams (real
 * botbuilder over HTTP) and in a terminal (the CLI entry): every surface must turn each text
 * into the same request and come to the same outcome. Both are read from the one log line
 * src/chat writes per request, `chat.request_handled`.
 */

interface Handled {
  request: string;
  verb?: string;
  public?: boolean;
  outcome: string;
}

const FEED = 'https://feeds.example.org/cyber/alerts.xml';
const FEED_ID = 'feeds-example-cyber-alerts';

/** `outcome` is a string to match exactly, or a pattern when it depends on the knowledge base's search. */
const TABLE: { text: string; request: string; verb?: string; outcome: string | RegExp }[] = [
  { text: 'brief wannacry', request: 'lookup', outcome: 'brief_found:incident:wannacry' },
  { text: 'fiche wannacry', request: 'lookup', outcome: 'brief_found:incident:wannacry' },
  { text: 'lookup fr', request: 'lookup', outcome: 'brief_found:actor:FR' },
  { text: 'latest', request: 'latest', outcome: 'latest' },
  { text: 'news', request: 'latest', outcome: 'latest' },
  { text: 'recent', request: 'latest', outcome: 'latest' },
  { text: 'récent', request: 'latest', outcome: 'latest' },
  { text: 'derniers', request: 'latest', outcome: 'latest' },
  // A command word that takes no words, followed by words: the whole text is looked up.
  { text: 'latest ransomware', request: 'lookup', outcome: /^brief_/ },
  { text: 'sources', request: 'sources', verb: 'list', outcome: 'sources_listed' },
  { text: 'flux liste', request: 'sources', verb: 'list', outcome: 'sources_listed' },
  { text: `sources ajouter ${FEED} fr cert`, request: 'sources', verb: 'add', outcome: `source_added:${FEED_ID}` },
  { text: `sources add ${FEED}`, request: 'sources', verb: 'add', outcome: 'source_add_refused' },
  { text: 'sources add', request: 'sources', verb: 'add', outcome: 'source_add_missing_url' },
  { text: `sources retirer ${FEED_ID}`, request: 'sources', verb: 'remove', outcome: `source_removed:${FEED_ID}` },
  { text: `sources supprimer ${FEED_ID}`, request: 'sources', verb: 'remove', outcome: 'source_remove_not_found' },
  { text: 'sources frobnicate', request: 'sources', verb: 'usage', outcome: 'sources_usage' },
];

function handledLines(lines: string[]): Handled[] {
  return lines
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.event === 'chat.request_handled')
    .map((l) => ({
      request: String(l.request),
      ...(l.verb !== undefined ? { verb: String(l.verb) } : {}),
      ...(l.public !== undefined ? { public: Boolean(l.public) } : {}),
      outcome: String(l.outcome),
    }));
}

/** Waits for the surface to log its next handled request (Slack may answer inside the ack, before any reply). */
async function next(lines: () => string[], before: number): Promise<Handled> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const handled = handledLines(lines().slice(before));
    if (handled.length > 0) {
      expect(handled).toHaveLength(1);
      return handled[0]!;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no chat.request_handled line logged');
}

let slack: Harness;
let teams: TeamsHarness;
let dir: string;
const cliLines: string[] = [];
let cliEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  slack = await startHarness({ CYBERBRIEF_SLACK_ADMINS: 'U0ADMIN' });
  teams = await startTeams({
    kbDir: defaultKbDir(),
    env: { CYBERBRIEF_TEAMS_DEV: '1', CYBERBRIEF_TEAMS_ADMINS: BOB.aadObjectId },
  });
  dir = mkdtempSync(join(tmpdir(), 'cyberbrief-cross-'));
  cliEnv = { ...process.env, CYBERBRIEF_STORE: `sqlite://${join(dir, 'cli.sqlite')}`, CYBERBRIEF_FEEDS: 'none' };
});
afterAll(async () => {
  await slack?.close();
  await teams?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function viaSlack(text: string, user = 'U0ADMIN', channel = 'C0CROSS'): Promise<Handled> {
  const before = slack.logs.length;
  const res = await postToSlackEndpoint(
    slack.eventsUrl,
    slashCommandBody({ text, responseUrl: slack.fake.responseUrl(`x${before}`), user, channel }),
  );
  expect(res.status).toBe(200);
  return next(() => slack.logs, before);
}

async function viaTeams(text: string): Promise<Handled> {
  const lines = () => teams.logs.map((l) => JSON.stringify(l));
  const before = teams.logs.length;
  const res = await teams.post(message(text, { serviceUrl: teams.connector.url, from: BOB }));
  expect(res.status).toBe(200);
  return next(lines, before);
}

async function viaCli(text: string): Promise<{ handled: Handled; code: number }> {
  const before = cliLines.length;
  const code = await runCli(
    text.split(' '),
    { env: cliEnv, log: jsonLogger('info', (l) => cliLines.push(l)) },
    { out: () => undefined, err: () => undefined },
  );
  return { handled: await next(() => cliLines, before), code };
}

describe('one command table on Slack, Teams and the terminal', () => {
  test.each(TABLE)('$text', async (row) => {
    const onSlack = await viaSlack(row.text);
    const onTeams = await viaTeams(row.text);
    const onCli = await viaCli(row.text);
    expect(onSlack).toMatchObject({ request: row.request, ...(row.verb ? { verb: row.verb } : {}) });
    if (typeof row.outcome === 'string') expect(onSlack.outcome).toBe(row.outcome);
    else expect(onSlack.outcome).toMatch(row.outcome);
    expect(onTeams).toEqual(onSlack);
    // The terminal has no "post for everyone": only the request and outcome must agree.
    expect(onCli.handled).toEqual(onSlack);
    // Refusals and unknown feeds keep their exit codes.
    if (row.outcome === 'source_remove_not_found') expect(onCli.code).toBe(1);
    if (row.outcome === 'sources_usage' || row.outcome === 'source_add_missing_url') expect(onCli.code).toBe(2);
  });

  test('`actor:fr` in a filter is France everywhere: an exact id first, then the search', async () => {
    await viaSlack('subscribe 07:30 Europe/Paris actor:fr', 'U0ADMIN', 'C0SUBFR');
    expect((await slack.subscriptions.findByChannel('slack', 'C0SUBFR'))?.filters.actors).toEqual(['FR']);

    await viaTeams('subscribe 07:30 Europe/Paris actor:fr');
    const onTeams = ((await teams.mount!.bot) ? await listTeams() : []).map((s) => s.filters.actors);
    expect(onTeams).toEqual([['FR']]);

    const r = await runCli(
      ['subscriptions', 'add', '--platform', 'slack', '--channel', 'C0CLI', '--actor', 'fr', '--json'],
      { env: cliEnv, log: jsonLogger('silent') },
      { out: (t) => void cliOut.push(t), err: () => undefined },
    );
    expect(r).toBe(0);
    expect(JSON.parse(cliOut.join('')).filters.actors).toEqual(['FR']);

    // A name the index knows resolves to its id on every surface too.
    await viaSlack('subscribe 07:30 Europe/Paris actor:lazarus', 'U0ADMIN', 'C0SUBLZ');
    const lazarus = (await slack.subscriptions.findByChannel('slack', 'C0SUBLZ'))?.filters.actors;
    expect(lazarus).toHaveLength(1);
    expect(lazarus![0]).not.toBe('lazarus');
  });
});

const cliOut: string[] = [];

function listTeams() {
  return new KeyvSubscriptionStore(teams.app.kv).list({ platform: 'teams' });
}
