import { Option } from 'commander';
import type { Locale } from '../../src/domain/text';

export const langOption = () => new Option('--lang <lang>', 'language of the output').choices(['en', 'fr']);
export const jsonOption = () => new Option('--json', 'print the JSON contract instead of text');

export function pickLocale(lang: string | undefined, fallback: Locale): Locale {
  return lang === 'fr' || lang === 'en' ? lang : fallback;
}
