/**
 * Credentials never reach a log line or a listing: user info (`user:pw@`, `:pw@`, `user@`) and the
 * values of password-like query parameters are replaced by `***`. Applied to every store URL, feed
 * URL and log line; the URL used to connect is never changed, only what is shown of it.
 */
export const MASK = '***';

/** Query parameter names whose values are secrets (Postgres `password`, S3 `X-Amz-Signature`, `api_key`...). */
const SECRET_PARAM = /pass|pwd|secret|token|credential|signature|apikey|auth|session/i;
/** Short names that are secrets only as a whole word of the parameter name (`key`, `api-key`, but not `keywords`). */
const SECRET_WORD = /^(key|sig|sas|sid|code|jwt)$/i;

function isSecretParam(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    // A malformed escape is judged as written.
  }
  return SECRET_PARAM.test(decoded) || decoded.split(/[^a-z0-9]+/i).some((w) => SECRET_WORD.test(w));
}

/** The URL as it may be shown: user info and secret query values masked, everything else as written. */
export function redactUrl(url: string): string {
  // Works on the text rather than a reparsed URL, so that what is shown stays what was written
  // (no re-encoding, no default port dropped) and a URL that does not parse is masked too.
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is.exec(url);
  let head = url;
  let rest = '';
  if (m) {
    const [, scheme, authority, tail] = m as unknown as [string, string, string, string];
    const at = authority.lastIndexOf('@');
    head = at >= 0 ? `${scheme}${MASK}@${authority.slice(at + 1)}` : `${scheme}${authority}`;
    rest = tail;
  } else {
    const q = url.search(/[?#]/);
    head = q >= 0 ? url.slice(0, q) : url;
    rest = q >= 0 ? url.slice(q) : '';
  }
  return (
    head +
    rest.replace(/([?&;#])([^=&;#]*)=([^&;#]*)/g, (all, sep: string, name: string) =>
      isSecretParam(name) ? `${sep}${name}=${MASK}` : all,
    )
  );
}

/** Every URL inside a free text (an error message, a reason) masked as by redactUrl. */
export function redactUrlsIn(text: string): string {
  if (!text.includes('://')) return text;
  // Punctuation closing a sentence is left out of the URL it follows.
  return text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+?(?=[.,;:!?)\]]*(?:[\s"'<>`]|$))/gi, (u) => redactUrl(u));
}
