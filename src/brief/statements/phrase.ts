import type { ActorKind } from '../../domain/actor';
import type { Locale } from '../../domain/text';
import { capitalise, type NameForms } from '../../lang/articles';
import type { Fact } from './merge';

/** What a sentence needs to know about the actors and incidents it names. */
export interface Namer {
  locale: Locale;
  actor(id: string): { forms: NameForms; kind: ActorKind; state?: string };
  incident(id: string): NameForms;
  /** True for incidents that are themselves a response (a sanctions package): a denial there rejects accusations. */
  isResponse(id: string): boolean;
  /** Most names one list shows before "and N others" (default 6). */
  maxNames?: number;
  /** The incident the answer is about: its responses need not name it again. */
  subject?: string;
}

/** Most names a sentence lists before "and N others": a line, not a roll call. */
const MAX_NAMES = 6;

function join(items: string[], locale: Locale): string {
  if (items.length <= 1) return items[0] ?? '';
  const and = locale === 'fr' ? ' et ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

function capped(items: string[], locale: Locale, max = MAX_NAMES): string {
  if (items.length <= max) return join(items, locale);
  const rest = items.length - (max - 1);
  const others = locale === 'fr' ? `${rest} autres` : `${rest} others`;
  return join([...items.slice(0, max - 1), others], locale);
}

/** "En Marche! (Emmanuel Macron's movement)" inside brackets reads as "En Marche!". */
const unbracket = (name: string) => name.replace(/\s*\([^)]*\)/g, '');

type Form = keyof Pick<NameForms, 'def' | 'to' | 'of' | 'ofCountry'>;

/**
 * Names a list of parties. States come first, each followed by its own groups and bodies in
 * brackets ("North Korea (Lazarus Group)"); with `listedFirst` the people and bodies come first,
 * each with its state ("Park Jin Hyok (North Korea)"), as sanctions and charges name them.
 */
export function parties(
  ids: string[],
  n: Namer,
  form: Form,
  listedFirst = false,
  notes = true,
): { text: string; plural: boolean } {
  const states = ids.filter((id) => n.actor(id).kind === 'state');
  const others = ids.filter((id) => n.actor(id).kind !== 'state');
  const items: { forms: NameForms; note?: string }[] = [];
  let whose = '';
  if (listedFirst && others.length > 0) {
    // A short list says whose each one is ("Park Jin Hyok (North Korea)"); a long list of one
    // state's entities says it once, at the end.
    const owners = new Set(others.map((id) => n.actor(id).state));
    const single = owners.size === 1 ? [...owners][0] : undefined;
    const stateName = (id: string) => unbracket(n.actor(id).forms.bare);
    // One owner is said once, unless the name already says it ("Iran's Ministry of Intelligence").
    if (single && !(others.length === 1 && n.actor(others[0]!).forms.bare.includes(stateName(single))))
      whose = ` (${stateName(single)})`;
    const noted = !single && others.length <= 3;
    for (const id of others) {
      const a = n.actor(id);
      const st = noted && a.state && a.state !== id ? stateName(a.state) : undefined;
      items.push({ forms: a.forms, note: st });
    }
    for (const s of states) if (!others.some((o) => n.actor(o).state === s)) items.push({ forms: n.actor(s).forms });
  } else {
    for (const s of states) {
      const members = others.filter((o) => n.actor(o).state === s).map((o) => n.actor(o).forms.bare);
      items.push({
        forms: n.actor(s).forms,
        note: notes && members.length > 0 ? members.map(unbracket).join(', ') : undefined,
      });
    }
    for (const o of others) if (!states.includes(n.actor(o).state ?? '')) items.push({ forms: n.actor(o).forms });
  }
  const texts = items.map((it, i) => {
    // French repeats the preposition before each name (« à la Russie et à la Chine »), English does not.
    const f = n.locale === 'fr' || i === 0 ? it.forms[form] : it.forms.def;
    return it.note ? `${f} (${it.note})` : f;
  });
  const plural = items.length > 1 || (items.length === 1 && items[0]!.forms.plural);
  return { text: `${capped(texts, n.locale, n.maxNames)}${whose}`, plural };
}

/** The sentence a fact states, in the reader's language, without its date or citations. */
export function phrase(f: Fact, n: Namer): string {
  return capitalise(n.locale === 'fr' ? phraseFr(f, n) : phraseEn(f, n));
}

function incidentOf(f: Fact, n: Namer): NameForms | undefined {
  const id = f.incidents.find((i) => i === n.subject) ?? f.incidents[0];
  return id ? n.incident(id) : undefined;
}

function phraseEn(f: Fact, n: Namer): string {
  // Who acted is named by state: "the United States", not "the United States (White House)".
  const by = f.by.length > 0 ? parties(f.by, n, 'def', false, false).text : '';
  const against = f.against.length > 0 ? parties(f.against, n, 'def').text : '';
  const listed = f.against.length > 0 ? parties(f.against, n, 'def', true).text : '';
  const inc = incidentOf(f, n);
  const it = inc?.def ?? 'it';
  const about = inc && !f.incidents.includes(n.subject ?? '') ? ` over ${inc.def}` : '';
  switch (f.type) {
    case 'attribution':
      if (f.stance === 'suspected') {
        if (!by) return `${against || 'An actor'} was suspected of ${it}`;
        return against
          ? `${by} suspected ${against} of ${it}, without a formal attribution`
          : `${by} voiced suspicions over ${it}`;
      }
      if (!by) return `${it} was attributed to ${against || 'an actor'}`;
      return against ? `${by} attributed ${it} to ${against}` : `${by} publicly attributed ${it}`;
    case 'denial':
      if (f.incidents.some((i) => n.isResponse(i)))
        return `${by || 'The accused'} rejected the accusations${against ? ` of ${against}` : ''}`;
      return `${by || 'The accused'} denied any role in ${it}${against ? `, rejecting accusations by ${against}` : ''}`;
    case 'condemnation':
      return against
        ? `${by || 'Governments'} condemned ${against} over ${it}`
        : `${by || 'Governments'} condemned ${it}`;
    case 'sanction':
      return listed
        ? `${by || 'Sanctions'} ${by ? 'sanctioned' : 'listed'} ${listed}${about}`
        : `${by || 'Governments'} imposed sanctions over ${it}`;
    case 'indictment':
      return listed
        ? `${by || 'Prosecutors'} charged ${listed}${about}`
        : `${by || 'Prosecutors'} brought charges over ${it}`;
    case 'summons': {
      const whose = f.against.length > 0 ? parties(f.against, n, 'of').text : '';
      return `${by || 'A government'} summoned ${whose ? `the ambassador${f.against.length > 1 ? 's' : ''} ${whose}` : 'an ambassador'}${about || (whose ? '' : ` over ${it}`)}`;
    }
    case 'expulsion':
      // Named people are expelled themselves; a state has its diplomats expelled.
      if (f.against.some((id) => n.actor(id).kind !== 'state'))
        return `${by || 'A government'} expelled ${listed}${about}`;
      return `${by || 'A government'} expelled ${f.against.length > 0 ? `diplomats ${parties(f.against, n, 'of').text}` : 'diplomats'}${about}`;
    case 'policy':
      if (f.incidents.some((i) => n.isResponse(i))) return `${by || 'Governments'} adopted new measures under ${it}`;
      return `${by || 'Governments'} adopted measures in response to ${it}`;
    case 'inquiry':
      return against
        ? `${by || 'A government'} asked ${against} for explanations${about}`
        : `${by || 'A government'} called for an inquiry into ${it}`;
    case 'statement':
      return `${by || 'Officials'} spoke out on ${it}${against ? `, naming ${against}` : ''}`;
    case 'investigation':
      return by ? `${by} investigated ${it}` : `An investigation into ${it} was opened`;
    case 'disclosure':
      return by ? `${by} disclosed ${it}` : `${it} came to light`;
    case 'attack':
      return against ? `${it} hit ${against}` : `${it} began`;
  }
}

function phraseFr(f: Fact, n: Namer): string {
  const byP = f.by.length > 0 ? parties(f.by, n, 'def', false, false) : undefined;
  const by = byP?.text ?? '';
  const has = byP?.plural ? 'ont' : 'a';
  const against = (form: Form, listed = false) =>
    f.against.length > 0 ? parties(f.against, n, form, listed).text : '';
  const inc = incidentOf(f, n);
  const it = inc?.def ?? "l'incident";
  const ofIt = inc?.of ?? "de l'incident";
  const about = inc && !f.incidents.includes(n.subject ?? '') ? ` pour ${inc.def}` : '';
  const inIt = `dans ${it}`;
  switch (f.type) {
    case 'attribution':
      if (f.stance === 'suspected') {
        if (!by) return `soupçons visant ${against('def') || 'un acteur'} pour ${it}`;
        return f.against.length > 0
          ? `${by} ${has} soupçonné ${against('def')} d'être à l'origine ${ofIt}, sans attribution formelle`
          : `${by} ${has} exprimé des soupçons sur ${it}`;
      }
      if (!by) return `attribution ${ofIt} ${against('to') || 'à un acteur'}`;
      return f.against.length > 0
        ? `${by} ${has} attribué ${it} ${against('to')}`
        : `${by} ${has} publiquement attribué ${it}`;
    case 'denial':
      if (f.incidents.some((i) => n.isResponse(i)))
        return `${by || 'la partie mise en cause'} ${by ? has : 'a'} rejeté les accusations${f.against.length > 0 ? ` ${against('of')}` : ''}`;
      return `${by || 'la partie mise en cause'} ${by ? has : 'a'} démenti toute implication ${inIt}${f.against.length > 0 ? `, en réponse aux accusations ${against('of')}` : ''}`;
    case 'condemnation':
      return f.against.length > 0
        ? `${by || 'des gouvernements'} ${by ? has : 'ont'} condamné ${against('def')} pour ${it}`
        : `${by || 'des gouvernements'} ${by ? has : 'ont'} condamné ${it}`;
    case 'sanction':
      return f.against.length > 0
        ? `${by || 'des gouvernements'} ${by ? has : 'ont'} sanctionné ${against('def', true)}${about}`
        : `${by || 'des gouvernements'} ${by ? has : 'ont'} imposé des sanctions pour ${it}`;
    case 'indictment':
      return f.against.length > 0
        ? `${by || 'la justice'} ${by ? has : 'a'} inculpé ${against('def', true)}${about}`
        : `${by || 'la justice'} ${by ? has : 'a'} engagé des poursuites pour ${it}`;
    case 'summons': {
      const whose = against('ofCountry');
      const who = whose ? `${f.against.length > 1 ? 'les ambassadeurs' : "l'ambassadeur"} ${whose}` : 'un ambassadeur';
      return `${by || 'un gouvernement'} ${by ? has : 'a'} convoqué ${who}${about || (whose ? '' : ` au sujet ${ofIt}`)}`;
    }
    case 'expulsion':
      if (f.against.some((id) => n.actor(id).kind !== 'state'))
        return `${by || 'un gouvernement'} ${by ? has : 'a'} expulsé ${against('def', true)}${about}`;
      return `${by || 'un gouvernement'} ${by ? has : 'a'} expulsé des diplomates${f.against.length > 0 ? ` ${against('ofCountry')}` : ''}${about}`;
    case 'policy':
      if (f.incidents.some((i) => n.isResponse(i)))
        return `${by || 'des gouvernements'} ${by ? has : 'ont'} adopté de nouvelles mesures dans le cadre ${ofIt}`;
      return `${by || 'des gouvernements'} ${by ? has : 'ont'} adopté des mesures en réponse ${inc?.to ?? "à l'incident"}`;
    case 'inquiry':
      return f.against.length > 0
        ? `${by || 'un gouvernement'} ${by ? has : 'a'} demandé des explications ${against('to')}${about}`
        : `${by || 'un gouvernement'} ${by ? has : 'a'} demandé une enquête sur ${it}`;
    case 'statement':
      return `${by || 'des responsables'} ${by ? has : 'ont'} pris position sur ${it}${f.against.length > 0 ? `, en désignant ${against('def')}` : ''}`;
    case 'investigation':
      return by ? `${by} ${has} enquêté sur ${it}` : `une enquête a été ouverte sur ${it}`;
    case 'disclosure':
      return by ? `${by} ${has} révélé ${it}` : `révélation ${ofIt}`;
    case 'attack':
      return f.against.length > 0 ? `${it} ${inc?.plural ? 'ont' : 'a'} touché ${against('def')}` : `début ${ofIt}`;
  }
}
