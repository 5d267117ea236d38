import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity, ActivityHandler } from 'botbuilder';
import type { Logger } from '../../src/log';
import { type Handler, readBody } from '../server/http-server';
import { AuthRejected, type TeamsAdapter } from './adapter';

/** Bot Framework activities are small; a card-heavy invoke stays far below this. */
const MAX_BODY = 512_000;

/**
 * `POST /api/messages` on the shared node:http server: parse the activity, authenticate it,
 * run the bot, answer with the invoke response (compose extension results) or 200.
 */
export function messagesHandler(adapter: TeamsAdapter, bot: ActivityHandler, log: Logger): Handler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    let activity: Activity;
    try {
      activity = parseActivity((await readBody(req, MAX_BODY)).toString('utf8'));
    } catch (e) {
      const status = (e as { status?: number }).status === 413 ? 413 : 400;
      log.warn('teams.request_rejected', { status, error: (e as Error).message });
      return send(res, status, { error: (e as Error).message });
    }
    try {
      const invoke = await adapter.processRequest(String(req.headers.authorization ?? ''), activity, (turn) =>
        bot.run(turn),
      );
      send(res, invoke?.status ?? 200, invoke?.body);
    } catch (e) {
      if (!(e instanceof AuthRejected)) throw e;
      log.warn('teams.auth_rejected', {
        reason: e.message,
        activity: activity.type,
        authHeader: req.headers.authorization === undefined ? 'missing' : 'present',
      });
      send(res, 401, { error: 'unauthorized' });
    }
  };
}

function parseActivity(raw: string): Activity {
  const body = JSON.parse(raw) as unknown;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new Error('the body is not an activity object');
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') throw new Error('the activity has no type');
  // As botbuilder's own request parsing does: timestamps become Dates, the raw strings are kept.
  for (const [field, raw_] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    if (typeof activity[field] === 'string') {
      activity[raw_] = activity[field];
      activity[field] = new Date(activity[field] as string);
    }
  }
  return activity as unknown as Activity;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (body === undefined || body === null) {
    res.writeHead(status).end();
    return;
  }
  const json = JSON.stringify(body);
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) })
    .end(json);
}
