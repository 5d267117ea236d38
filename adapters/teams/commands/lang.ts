import type { Locale } from '../../../src/domain/text';
import type { CommandRouter } from '../bot/router';
import { notice } from '../bot/replies';
import { messages } from '../messages';

const WORDS: Record<string, Locale> = {
  en: 'en',
  english: 'en',
  anglais: 'en',
  fr: 'fr',
  french: 'fr',
  francais: 'fr',
  français: 'fr',
};

/** `lang en|fr`: the language of this conversation's briefs and digests. */
export function register(router: CommandRouter): void {
  router.command(['lang', 'langue', 'language'], async (c) => {
    const wanted = WORDS[c.args.trim().toLowerCase()];
    if (wanted === undefined) return c.reply(notice([messages(c.locale).langUsage]));
    await c.deps.channelSettings.setLocale('teams', c.info.key, wanted);
    await c.reply(notice([messages(wanted).langSet(wanted)]));
  });
}
