import type { ActorKind } from '../domain/actor';
import type { Locale } from '../domain/text';

/**
 * Articles and prepositions before the names of states, bodies and groups, derived from the name
 * itself and a small table of what the rules cannot guess (« la Corée du Nord », « par le Canada »,
 * « aux États-Unis », « à l'UE », « de l'Iran »; "the United States", "the EU", "NATO").
 */

export interface NameForms {
  /** The name as written in the knowledge base. */
  bare: string;
  /** With its article, lower-case: « la Corée du Nord », "the United Kingdom", "NATO". */
  def: string;
  /** Governs a plural verb (« les États-Unis ont »). */
  plural: boolean;
  /** « à » + name: « à la Chine », « au Canada », « aux États-Unis », « à l'UE »; English "to" + def. */
  to: string;
  /** « de » + name with its article: « de la Chine », « du Canada », « de l'Iran ». */
  of: string;
  /** « de » + name as a noun complement: « l'ambassadeur de Russie », « du Japon », « d'Iran ». */
  ofCountry: string;
}

type FrArticle = 'le' | 'la' | 'les' | 'none';

/** French state names the endings rules get wrong. */
const FR_STATE: Record<string, FrArticle> = {
  Mexique: 'le',
  Cambodge: 'le',
  Mozambique: 'le',
  Zimbabwe: 'le',
  Belize: 'le',
  Suriname: 'le',
  Laos: 'le',
  Honduras: 'le',
  Israël: 'none',
  Cuba: 'none',
  Singapour: 'none',
  Madagascar: 'none',
  Malte: 'none',
  Chypre: 'none',
  Taïwan: 'none',
  Monaco: 'none',
  Bahreïn: 'none',
  Oman: 'none',
  Haïti: 'none',
  Djibouti: 'none',
  Maurice: 'none',
  Nauru: 'none',
  Tuvalu: 'none',
  Kiribati: 'none',
  'Hong Kong': 'none',
  Macao: 'none',
  'Porto Rico': 'none',
  Guam: 'none',
  Jersey: 'none',
  Guernesey: 'none',
  Aruba: 'none',
  Curaçao: 'none',
  Anguilla: 'none',
  Montserrat: 'none',
  Niue: 'none',
  Tokelau: 'none',
  Pitcairn: 'none',
  Gibraltar: 'none',
  Palaos: 'none',
  Samoa: 'les',
  Fidji: 'les',
};

/** Head nouns of French body and group names, with their gender. */
const FR_HEAD: Record<string, 'le' | 'la'> = {
  ministère: 'le',
  département: 'le',
  conseil: 'le',
  union: 'la',
  service: 'le',
  parlement: 'le',
  centre: 'le',
  comité: 'le',
  commission: 'la',
  organisation: 'la',
  bureau: 'le',
  armée: 'la',
  maison: 'la',
  trésor: 'le',
  parti: 'le',
  office: 'le',
  banque: 'la',
  agence: 'la',
  cyber: 'le',
  groupe: 'le',
  bundestag: 'le',
  storting: 'le',
  police: 'la',
  cour: 'la',
  tribunal: 'le',
  gouvernement: 'le',
  direction: 'la',
  haut: 'le',
  foreign: 'le',
  secrétariat: 'le',
  assemblée: 'la',
  sénat: 'le',
  parquet: 'le',
  garde: 'la',
  état: 'le',
  forum: 'le',
};

/** Acronyms of bodies, with their French article (« l'OTAN », « le FBI »). */
const FR_ACRONYM: Record<string, 'le' | 'la' | 'les'> = {
  OTAN: 'la',
  ONU: 'la',
  UE: 'la',
  ANSSI: 'la',
  NSA: 'la',
  CISA: 'la',
  FBI: 'le',
  GRU: 'le',
  FSB: 'le',
  SVR: 'le',
  SBU: 'le',
  MIVD: 'le',
  AIVD: 'le',
  BfV: 'le',
  BSI: 'le',
  NHS: 'le',
  GCHQ: 'le',
  NCSC: 'le',
  CSE: 'le',
  ENISA: 'la',
  OIAC: 'la',
  OSCE: 'la',
  CERT: 'le',
  DGSI: 'la',
  DGSE: 'la',
  PST: 'le',
  ASD: 'le',
  MSS: 'le',
  APL: 'la',
  SEAE: 'le',
};

/** English: bodies named by a common noun take "the", as do acronyms read letter by letter. */
const EN_HEAD =
  /\b(Council|Union|Department|Ministry|Service|Parliament|Centre|Center|Committee|Commission|Organi[sz]ation|Bureau|Army|House|Treasury|Party|Office|Directorate|Agency|Command|Bundestag|Storting|Police|Court|Government|Secretariat|Assembly|Senate|Forum|Group of|Guard)\b/;
/** Acronyms said as words take no article: NATO, ANSSI, CISA. */
const EN_WORD_ACRONYM = new Set([
  'PwC',
  'NATO',
  'ANSSI',
  'CISA',
  'ENISA',
  'INTERPOL',
  'ASEAN',
  'NASA',
  'UNESCO',
  'OPEC',
]);
const EN_THE_STATE =
  /^(United\b|Czech\b|Dominican\b|Central African\b|Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|Solomon\b|Marshall\b|Holy See|Vatican)|\b(Islands|Republic|Kingdom|Emirates|Federation|States)\b/;

const VOWEL = /^[aeiouyâàéèêëîïôöûüœAEIOUYÂÀÉÈÊËÎÏÔÖÛÜŒ]/;

function frStateArticle(name: string): FrArticle {
  const known = FR_STATE[name];
  if (known) return known;
  if (/^(Îles?|Iles?)\b/.test(name)) return 'les';
  const first = name.split(/[\s-]/)[0] ?? name;
  if (/^(République|Fédération|Principauté|Confédération)\b/.test(name)) return 'la';
  if (/^(Royaume|Sultanat|Grand-Duché|État)\b/.test(name)) return 'le';
  if (/s$/.test(first)) return 'les';
  return /e$/.test(first) ? 'la' : 'le';
}

function frBodyArticle(name: string, kind: ActorKind): FrArticle {
  if (kind === 'person') return 'none';
  const first = name.split(/[\s'']/)[0] ?? '';
  const acronym = FR_ACRONYM[first];
  if (acronym) return acronym;
  const head = FR_HEAD[first.toLowerCase()];
  if (head) return head;
  return 'none';
}

function frForms(name: string, article: FrArticle, plural: boolean, state: boolean): NameForms {
  const vowel = VOWEL.test(name);
  if (!state) {
    const f = frForms(name, article, plural, true);
    return { ...f, ofCountry: f.of };
  }
  if (article === 'none') {
    return {
      bare: name,
      def: name,
      plural,
      to: `à ${name}`,
      of: vowel ? `d'${name}` : `de ${name}`,
      ofCountry: vowel ? `d'${name}` : `de ${name}`,
    };
  }
  if (article === 'les')
    return {
      bare: name,
      def: `les ${name}`,
      plural: true,
      to: `aux ${name}`,
      of: `des ${name}`,
      ofCountry: `des ${name}`,
    };
  if (vowel)
    return { bare: name, def: `l'${name}`, plural, to: `à l'${name}`, of: `de l'${name}`, ofCountry: `d'${name}` };
  if (article === 'la')
    return { bare: name, def: `la ${name}`, plural, to: `à la ${name}`, of: `de la ${name}`, ofCountry: `de ${name}` };
  return { bare: name, def: `le ${name}`, plural, to: `au ${name}`, of: `du ${name}`, ofCountry: `du ${name}` };
}

function enForms(name: string, kind: ActorKind): NameForms {
  let the = false;
  if (kind === 'state') the = EN_THE_STATE.test(name);
  else if (kind === 'organisation') {
    const first = name.split(/\s/)[0] ?? '';
    if (/^[A-Z][A-Za-z]*[A-Z]$/.test(first) && first === name) the = !EN_WORD_ACRONYM.has(first);
    // A possessive opens its own noun phrase: "China's Ministry of State Security".
    else the = EN_HEAD.test(name) && !/^(the|The)\b/.test(name) && !/^(?!People's)[^\s]+'s\s/.test(name);
  }
  const def = the ? `the ${name}` : name;
  const plural =
    kind === 'state' && /^(United States|Netherlands|Philippines|Bahamas|Maldives|Comoros|Seychelles)/.test(name);
  return { bare: name, def, plural, to: `to ${def}`, of: `of ${def}`, ofCountry: `of ${def}` };
}

/** The forms of an actor's name in one language. */
export function nameForms(name: string, kind: ActorKind, locale: Locale): NameForms {
  if (locale === 'en') return enForms(name, kind);
  const article = kind === 'state' ? frStateArticle(name) : frBodyArticle(name, kind);
  return frForms(name, article, article === 'les', kind === 'state');
}

/** Upper-cases the first letter, for a name that opens a sentence (« Les États-Unis ont... »). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Head words of incident names, with their French article: « le piratage du Bundestag ». */
const FR_INCIDENT_HEAD: Record<string, 'le' | 'la' | 'les'> = {
  piratage: 'le',
  cyberattaque: 'la',
  cyberattaques: 'les',
  attaque: 'la',
  attaques: 'les',
  campagne: 'la',
  vol: 'le',
  intrusion: 'la',
  intrusions: 'les',
  espionnage: 'le',
  exploitation: 'la',
  compromission: 'la',
  tentative: 'la',
  révélation: 'la',
  cybercasse: 'le',
  neutralisation: 'la',
  sabotage: 'le',
  opération: 'la',
  boîte: 'la',
  sanctions: 'les',
  premières: 'les',
  poursuites: 'les',
  ingérence: 'la',
};
/** English incident names opening with a common noun: "the hack of the German Bundestag". */
const EN_INCIDENT_COMMON = new Set([
  'hack',
  'cyberattack',
  'cyberattacks',
  'theft',
  'breach',
  'mass',
  'destructive',
  'email',
  'disruption',
  "journalist's",
  'first',
  'intrusion',
  'intrusions',
  'attack',
  'campaign',
  'sabotage',
]);

/**
 * How a sentence names an incident: a proper name as is ("WannaCry"), a descriptive name with its
 * article and a lower-case head word ("the hack of the German Bundestag", « le piratage du Bundestag »).
 */
export function incidentForms(name: string, proper: boolean, locale: Locale): NameForms {
  if (proper || /^(Operation|Opération)\s/.test(name)) {
    if (locale === 'en')
      return { bare: name, def: name, plural: false, to: `to ${name}`, of: `of ${name}`, ofCountry: `of ${name}` };
    return frForms(name, 'none', false, false);
  }
  const first = name.split(/\s/)[0] ?? '';
  if (locale === 'en') {
    const common = EN_INCIDENT_COMMON.has(first.toLowerCase());
    const def = `the ${common ? first.toLowerCase() + name.slice(first.length) : name}`;
    return { bare: name, def, plural: false, to: `to ${def}`, of: `of ${def}`, ofCountry: `of ${def}` };
  }
  const head = FR_INCIDENT_HEAD[first.toLowerCase()];
  if (!head) return frForms(name, 'none', false, false);
  return frForms(first.toLowerCase() + name.slice(first.length), head, head === 'les', false);
}
