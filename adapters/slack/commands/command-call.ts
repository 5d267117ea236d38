import type { RespondFn, SlashCommand, webApi } from '@slack/bolt';
import type { Locale } from '../../../src/domain/text';
import type { SlackContext } from '../slack-context';

/** What one `/cyberbrief` subcommand gets, after the command was acknowledged. */
export interface CommandCall {
  ctx: SlackContext;
  command: SlashCommand;
  respond: RespondFn;
  client: webApi.WebClient;
  /** The channel's language. */
  locale: Locale;
}
