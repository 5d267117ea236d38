import type { App } from '@slack/bolt';
import type { KnownBlock } from '../blocks';
import { renderBrief } from '../render-brief';
import type { SlackContext } from '../slack-context';

/** At most this many links of one message are unfurled (Slack shows a handful at most). */
const MAX_UNFURLS = 5;

/**
 * A full-brief link pasted in a channel unfurls as the brief's first screen: only links of this
 * deployment whose signature is valid now, so an altered or expired link shows nothing of the brief.
 */
export function register(app: App, ctx: SlackContext): void {
  const links = ctx.links;
  if (!links) return;
  app.event('link_shared', async ({ event, client }) => {
    const unfurls: Record<string, { blocks: KnownBlock[] }> = {};
    for (const link of event.links.slice(0, MAX_UNFURLS)) {
      const target = links.parse(link.url, ctx.now());
      if (!target) continue;
      const kind = ctx.briefing.data.incident(target.subjectId) ? 'incident' : 'actor';
      if (kind === 'actor' && !ctx.briefing.data.actors.has(target.subjectId)) continue;
      const brief = ctx.briefing.briefForRef({ kind, id: target.subjectId }, target.lang);
      if (brief.status !== 'found') continue;
      // The first screen without its buttons: an unfurl is a preview, the link itself opens the rest.
      const blocks = renderBrief(brief, { ephemeral: false }).blocks.filter((b) => b.type !== 'actions');
      unfurls[link.url] = { blocks };
    }
    if (Object.keys(unfurls).length === 0) return;
    try {
      await client.chat.unfurl({ channel: event.channel, ts: event.message_ts, unfurls });
      ctx.log.info('slack.link_unfurled', { channel: event.channel, links: Object.keys(unfurls).length });
    } catch (e) {
      ctx.log.warn('slack.unfurl_failed', { channel: event.channel, error: (e as Error).message });
    }
  });
}
