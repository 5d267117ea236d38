/**
 * Everything that reaches Slack from an article, a knowledge-base record or a user goes through
 * `escapeMrkdwn`, so such text can never become a mention, a broadcast or a forged link.
 *
 * Slack reads `&`, `<` and `>` as markup in mrkdwn and in a message's `text`: `<!channel>` pings a
 * channel, `<@U123>` mentions someone, `<http://evil|bank.com>` hides where a link goes. Escaping
 * those three is what Slack documents. Bare `@channel`/`@here`/`@everyone` are also turned inert
 * (a word joiner after the `@`), because Slack's automatic parsing may still read them when a
 * text object is not `verbatim`; the joiner is invisible and screen readers skip it.
 *
 * `plain_text` objects (headers, button labels) are never read as markup by Slack, so they carry
 * text as it is; everything in mrkdwn and in a message's `text` goes through here.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u2060$1');
}

/** A link Slack renders, or plain escaped text when the URL is not http(s). */
export function mrkdwnLink(url: string | undefined, label: string): string {
  const shown = escapeMrkdwn(label.replace(/\s+/g, ' ').trim() || (url ?? ''));
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return shown;
  // Inside <url|label>, `|` and `>` would end the URL early; percent-encoding keeps the address the same.
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safeUrl}|${shown.replace(/\|/g, '¦')}>`;
}

/** A mention of an id that Slack itself gave us (user or channel), never of text from content. */
export function mentionUser(id: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(id) ? `<@${id}>` : escapeMrkdwn(id);
}

export function mentionChannel(id: string): string {
  return /^[CGD][A-Z0-9]{2,}$/.test(id) ? `<#${id}>` : escapeMrkdwn(id);
}

/** escapeMrkdwn for text shown on one line (list entries, fields): newlines and runs of spaces become one space. */
export function escapeInline(text: string): string {
  return escapeMrkdwn(text.replace(/\s+/g, ' ').trim());
}
