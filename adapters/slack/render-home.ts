import type { types } from '@slack/bolt';
import type { LatestItem } from '../../src/brief/latest';
import type { Subscription } from '../../src/domain/subscription';
import type { Locale } from '../../src/domain/text';
import { divider, header, type KnownBlock, section } from './blocks';
import { describeSubscription } from './describe-subscription';
import { mentionChannel } from './escape';
import { LIMITS, packLines } from './limits';
import { latestLines } from './render-latest';
import { strings } from './strings';

/** App Home: how to use it, this workspace's digests (paused ones with why) and the latest developments. */
export function renderHome(subs: Subscription[], latest: LatestItem[], locale: Locale): types.HomeView {
  const S = strings(locale);
  const blocks: KnownBlock[] = [header('cyberbrief'), section(S.homeIntro), divider(), header(S.subscriptionsTitle)];
  const subLines = subs.map((s) => `• ${mentionChannel(s.channel)} · ${describeSubscription(s, locale)}`);
  // Half the view for each list at most, so a workspace with many digests still shows the news.
  const room = Math.floor((LIMITS.homeBlocks - 8) / 2);
  if (subLines.length === 0) blocks.push(section(S.noSubscriptions));
  else for (const t of packLines(subLines, LIMITS.sectionText).slice(0, room)) blocks.push(section(t));
  blocks.push(divider(), header(S.latestTitle));
  if (latest.length === 0) blocks.push(section(S.nothingYet));
  else
    for (const t of packLines(latestLines(latest, locale), LIMITS.sectionText).slice(0, room)) blocks.push(section(t));
  return { type: 'home', blocks: blocks.slice(0, LIMITS.homeBlocks) };
}
