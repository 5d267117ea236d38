import { header, section } from '../blocks';
import { latestText } from '../render-latest';
import { strings } from '../strings';
import type { CommandCall } from './command-call';

export async function latest({ ctx, respond, locale }: CommandCall): Promise<void> {
  const S = strings(locale);
  const items = ctx.briefing.latest(locale, 10);
  const body = items.length > 0 ? latestText(items, locale) : S.nothingYet;
  await respond({ response_type: 'ephemeral', text: S.latestTitle, blocks: [header(S.latestTitle), section(body)] });
}
