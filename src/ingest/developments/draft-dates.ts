import type { PartialDate } from '../../domain/dates';
import type { DateMention } from '../dates/resolve';
import type { Token } from '../text/tokens';
import type { Span } from './types';
import type { TriggerHit } from './triggers';

/** A date written before an attack belongs to it unless a "that"/"que" or a speech verb stands between ("said on Wednesday that hackers had..."). */
export function attackDateOk(tokens: readonly Token[], at: number, a: TriggerHit): boolean {
  if (at >= a.start) return true;
  if (a.start - at > 7) return false;
  for (let k = at; k < a.start; k++) {
    const t = tokens[k] as Token;
    if (t.word && /^(that|que|qu'|said|says|dit|affirme|annonce|declare|indique|precise)$/.test(t.norm)) return false;
  }
  return true;
}

/** ", découvert en 2010,", ", which began in 2019,": a date inside such an insertion is not the act's. */
export function inInsertion(tokens: readonly Token[], at: number, h: TriggerHit): boolean {
  let open = -1;
  for (let k = at - 1; k >= 0; k--) {
    if ((tokens[k] as Token).text === ',') {
      open = k;
      break;
    }
  }
  if (open < 0) return false;
  let close = -1;
  for (let k = at + 1; k < tokens.length; k++) {
    if ((tokens[k] as Token).text === ',') {
      close = k;
      break;
    }
  }
  if (close < 0 || (h.start > open && h.start < close)) return false;
  const first = tokens[open + 1] as Token | undefined;
  return (
    first?.word === true &&
    (/(é|ée|és|ées|ed|u|ue|us|ues|is|ise|it|ite|ert|erte|erts)$/.test(first.text.toLowerCase()) ||
      /^(qui|which|who|dont)$/.test(first.norm))
  );
}

/** The date written nearest the trigger, leaving out those inside an attack's description. */
export function pickDate(
  dates: { d: DateMention; at: number }[],
  h: TriggerHit,
  cs: number,
  ce: number,
  attackNps: Span[],
  tokens?: readonly Token[],
): PartialDate | undefined {
  let best: { d: DateMention; dist: number } | undefined;
  for (const x of dates) {
    if (x.at < cs || x.at >= ce) continue;
    if (attackNps.some((s) => x.at >= s.start && x.at < s.end)) continue;
    if (tokens && inInsertion(tokens, x.at, h)) continue;
    const dist = x.at < h.start ? h.start - x.at : x.at - h.end;
    if (!best || dist < best.dist) best = { d: x.d, dist };
  }
  return best?.d.date;
}
