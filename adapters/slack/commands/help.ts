import { section } from '../blocks';
import { strings } from '../strings';
import type { CommandCall } from './command-call';

export async function help({ respond, locale }: CommandCall): Promise<void> {
  const S = strings(locale);
  // Help is the project's own mrkdwn (backticks, bold): it is not escaped, and carries no content.
  await respond({ response_type: 'ephemeral', text: S.help.split('\n')[0]!, blocks: [section(S.help)] });
}
