import type { DevelopmentType } from '../../domain/development';

/**
 * How a trigger's participants sit around it.
 * - `accuse`: the subject acts on the object that follows ("Washington accuse Pékin").
 * - `attribute`: the subject gives something to the party after "à"/"to" ("attribuent les attaques à Pékin").
 * - `responsible`: the subject is the one blamed; who blames comes after "selon"/"according to" or "par"/"by"
 *   ("Lazarus est très vraisemblablement responsable", "soupçonné de").
 * - `agent`: the party after "par"/"by" did it ("attaque menée par des pirates russes").
 * - `deny`: the subject denies; nobody is acted upon.
 * - `act`: the subject does something to the object (sanctions, summons, expulsions, indictments...).
 * - `declare`: the subject speaks or decides; only "contre"/"against" names a target (statements, policy).
 * - `victim`: the subject suffered it ("X a été victime d'une cyberattaque").
 * - `judge`: whoever speaks judges an act ("Raab a jugé « inacceptable »", "Hunt said ... reckless"): the
 *   author is the speaker, or else the subject; only "contre"/"against" names a target.
 */
export type Frame = 'accuse' | 'attribute' | 'responsible' | 'agent' | 'deny' | 'act' | 'declare' | 'victim' | 'judge';

export interface TriggerSpec {
  type: DevelopmentType;
  frame: Frame;
  /**
   * Words in order. `word*` matches any word starting with `word`; `~N` allows up to N words
   * before the next part; `a|b` is a choice. Words compare folded (accents and case ignored),
   * except those marked `=`, whose accents must be in the text ("=piraté" is not "pirate", a hacker).
   */
  pattern: string;
  /** Attribution made with doubt in its own words ("soupçonné", "suspected"). */
  hedged?: boolean;
  /** A trigger that names the act only as a noun ("l'inculpation de", "sanctions against"). */
  noun?: boolean;
}

const FR: TriggerSpec[] = [
  // attribution
  { type: 'attribution', frame: 'accuse', pattern: 'accusation*', noun: true },
  { type: 'attribution', frame: 'accuse', pattern: 'accus*' },
  { type: 'attribution', frame: 'accuse', pattern: 'met|mettent|mettre ~1 en cause' },
  { type: 'attribution', frame: 'responsible', pattern: 'mis|mise|mises ~1 en cause', hedged: true },
  // "La France a publiquement mis en cause le GRU": the active past tense accuses; "mis en cause pour" alone is passive.
  { type: 'attribution', frame: 'accuse', pattern: 'a|ont|avait|avaient ~2 mis ~1 en ~1 cause' },
  { type: 'attribution', frame: 'accuse', pattern: 'pointe*|pointé* ~2 du doigt' },
  { type: 'attribution', frame: 'accuse', pattern: 'blâm*' },
  { type: 'attribution', frame: 'accuse', pattern: 'reproch*' },
  { type: 'attribution', frame: 'accuse', pattern: 'désign* ~4 comme ~2 responsable*|auteur*' },
  { type: 'attribution', frame: 'accuse', pattern: 'tien*|tenu* ~5 pour ~1 responsable*' },
  { type: 'attribution', frame: 'attribute', pattern: 'attribu*' },
  { type: 'attribution', frame: 'attribute', pattern: 'imput*' },
  { type: 'attribution', frame: 'responsible', pattern: 'soupçonn*|suspect*', hedged: true },
  {
    type: 'attribution',
    frame: 'responsible',
    pattern: 'est|sont|serait|seraient|était|étaient|être|soit|sont ~2 derrière',
    hedged: false,
  },
  {
    type: 'attribution',
    frame: 'responsible',
    pattern: 'est|sont|serait|seraient|était|étaient|être|soit ~3 responsable*',
  },
  { type: 'attribution', frame: 'responsible', pattern: "se|s' ~1 cache* ~1 derrière", hedged: true },
  { type: 'attribution', frame: 'agent', pattern: 'orchestré*|perpétré*|commandité*|pilotée|pilotés|piloté' },
  { type: 'attribution', frame: 'agent', pattern: 'soutenu*|financé*|parrainé*|téléguidé*|commandité* ~1 par' },
  { type: 'attribution', frame: 'agent', pattern: 'conçu*|développé*|créé*|programmé*|écrit* ~2 par' },
  {
    type: 'attribution',
    frame: 'responsible',
    pattern: 'est|sont|serait|seraient|était|étaient|être|soit|soient ~3 origine',
  },
  // denial
  { type: 'denial', frame: 'deny', pattern: 'dément*|démenti*|démentir' },
  {
    type: 'denial',
    frame: 'deny',
    pattern:
      'dément*|démenti*|démentir|nie|nient|nié|niée|nier|réfut* ~3 accusation*|allégation*|soupçons|informations',
  },
  { type: 'denial', frame: 'deny', pattern: 'dénonc* ~4 désinformation|calomnie*|diffamation|manipulation|mensonge*' },
  { type: 'denial', frame: 'deny', pattern: 'nie|nient|nié|niée|niant|nier' },
  {
    type: 'denial',
    frame: 'deny',
    pattern: 'rejet*|rejett*|réfut*|récus*|contest* ~4 accusation*|allégation*|imputation*|implication*',
  },
  { type: 'denial', frame: 'deny', pattern: 'dénonc* ~3 accusation*|allégation*|calomnie*' },
  {
    type: 'denial',
    frame: 'deny',
    pattern:
      'accusation*|allégation*|soupçons ~3 infondé*|absurde*|mensong*|calomni*|irresponsable*|ridicule*|fantaisiste*',
  },
  { type: 'denial', frame: 'deny', pattern: 'sans ~1 fondement' },
  { type: 'denial', frame: 'deny', pattern: 'réfut*' },
  // condemnation
  { type: 'condemnation', frame: 'act', pattern: 'condamn*' },
  { type: 'condemnation', frame: 'act', pattern: 'dénonc*' },
  { type: 'condemnation', frame: 'act', pattern: 'fustig*' },
  { type: 'condemnation', frame: 'act', pattern: 'stigmatis*' },
  {
    type: 'condemnation',
    frame: 'judge',
    pattern: 'inacceptable*|inadmissible*|irresponsable*|illégitime*|intolérable*|scandaleu*|condamnable*',
  },
  // sanction
  { type: 'sanction', frame: 'act', pattern: 'sanction', noun: true },
  { type: 'sanction', frame: 'act', pattern: 'sanctions', noun: true },
  { type: 'sanction', frame: 'act', pattern: 'sanctionn*' },
  { type: 'sanction', frame: 'act', pattern: 'gel* ~2 avoirs' },
  { type: 'sanction', frame: 'act', pattern: 'mesures ~1 restrictives', noun: true },
  // indictment
  { type: 'indictment', frame: 'act', pattern: 'inculp*' },
  { type: 'indictment', frame: 'act', pattern: 'mis|mise|mises ~1 en ~1 examen' },
  { type: 'indictment', frame: 'act', pattern: "acte* ~1 d' ~1 accusation", noun: true },
  { type: 'indictment', frame: 'act', pattern: "mandat* ~1 d' ~1 arrêt", noun: true },
  { type: 'indictment', frame: 'act', pattern: 'poursuites ~3 contre', noun: true },
  // summons
  { type: 'summons', frame: 'act', pattern: 'convoqu* ~6 ambassad*|chargé*|diplomate*|représentant*|envoyé*' },
  // expulsion
  { type: 'expulsion', frame: 'act', pattern: 'expuls*|expulse*' },
  { type: 'expulsion', frame: 'act', pattern: 'persona ~1 non ~1 grata' },
  { type: 'expulsion', frame: 'act', pattern: 'renvoy*|renvoie* ~4 diplomate*|agents|espions' },
  { type: 'expulsion', frame: 'act', pattern: 'romp*|rompu* ~3 relations ~1 diplomatiques' },
  { type: 'expulsion', frame: 'act', pattern: 'donn*|ordonn*|somm*|enjoin* ~8 quitter' },
  // policy
  {
    type: 'policy',
    frame: 'declare',
    pattern:
      'adopt* ~6 boîte|stratégie|règlement|cadre|directive|loi|doctrine|régime|mécanisme|conclusions|texte|outils|législation|résolution|convention|traité|code|politique',
  },
  { type: 'policy', frame: 'declare', pattern: 'lanc*|présent*|dévoil*|publi* ~3 stratégie|doctrine|initiative|plan' },
  {
    type: 'policy',
    frame: 'declare',
    pattern: 'instaur*|créé*|crée*|établi* ~4 régime|cadre|mécanisme|agence|commandement',
  },
  { type: 'policy', frame: 'declare', pattern: 'entr* ~1 en ~1 vigueur' },
  {
    type: 'policy',
    frame: 'declare',
    pattern: 'prolong*|prorog*|reconduit*|reconduis*|renouvel* ~10 régime|cadre|sanctions|mesures|mandat|boîte',
  },
  {
    type: 'policy',
    frame: 'declare',
    pattern:
      'rejoin*|rejoign*|adhèr*|adhér*|sign*|ratifi*|souscri* ~4 appel|convention|traité|déclaration|accord|engagement',
  },
  // inquiry
  {
    type: 'inquiry',
    frame: 'act',
    pattern: 'demand*|réclam*|exig*|sollicit* ~6 explication*|enquête*|éclaircissement*|comptes|réponses|précisions',
  },
  { type: 'inquiry', frame: 'act', pattern: "invit*|appel*|somm* ~3 expliquer|justifier|clarifier|s'" },
  { type: 'inquiry', frame: 'act', pattern: "commission ~1 d' ~1 enquête", noun: true },
  { type: 'inquiry', frame: 'act', pattern: 'interpell*' },
  // investigation
  {
    type: 'investigation',
    frame: 'declare',
    pattern: 'ouvert*|ouvre*|ouvrir|lanc*|mène|mènent|saisi* ~3 enquête*|investigation*',
  },
  { type: 'investigation', frame: 'declare', pattern: 'ouvert*|ouvre*|ouvrir ~3 information ~1 judiciaire' },
  { type: 'investigation', frame: 'declare', pattern: 'enquête*|enquêtent ~2 sur' },
  // statement
  { type: 'statement', frame: 'declare', pattern: 'déclaration* ~1 commune*|conjointe*', noun: true },
  { type: 'statement', frame: 'declare', pattern: 'communiqué', noun: true },
  {
    type: 'statement',
    frame: 'declare',
    pattern: 'affirm*|exprim*|assur*|témoign* ~3 solidarité|préoccupation*|inquiétude*|soutien',
  },
  { type: 'statement', frame: 'declare', pattern: 'se ~1 dit|disent|déclare*|dise* ~1 préoccupé*|inquiet*|solidaire*' },
  // disclosure
  { type: 'disclosure', frame: 'declare', pattern: 'révél*|dévoil*' },
  { type: 'disclosure', frame: 'declare', pattern: 'rend*|rendu* ~1 public*' },
  { type: 'disclosure', frame: 'declare', pattern: 'découvert|découvre' },
  { type: 'disclosure', frame: 'declare', pattern: 'signal*|annonc* ~4 avoir ~1 été ~3 victime*|visé*|ciblé*|piraté*' },
  // attack
  {
    type: 'attack',
    frame: 'victim',
    pattern: 'victime* ~4 cyberattaque*|attaque*|piratage*|intrusion*|rançongiciel*|fuite*',
  },
  { type: 'attack', frame: 'agent', pattern: 'menée*|mené|menés|conduite*|lancée*|revendiquée* ~1 par' },
  { type: 'attack', frame: 'act', pattern: 'cyberattaque*', noun: true },
  { type: 'attack', frame: 'act', pattern: 'cyber ~1 attaque*', noun: true },
  { type: 'attack', frame: 'act', pattern: 'attaque|attaques', noun: true },
  { type: 'attack', frame: 'act', pattern: 'attaqué*|attaquent|attaquer' },
  { type: 'attack', frame: 'act', pattern: 'piratage*', noun: true },
  { type: 'attack', frame: 'act', pattern: '=piraté|=piratée|=piratés|=piratées|pirater|piratent' },
  { type: 'attack', frame: 'act', pattern: 'intrusion*', noun: true },
  { type: 'attack', frame: 'act', pattern: 'infiltr*' },
  { type: 'attack', frame: 'act', pattern: 'compromi*' },
  {
    type: 'attack',
    frame: 'act',
    pattern: 'bloqué*|paralys*|=chiffré*|sabot*|perturbé*|perturbent|perturber|perturbait|saturé*|défiguré*|=effacé*',
  },
  { type: 'attack', frame: 'act', pattern: 'a|ont|avaient|avait ~1 visé|ciblé|frappé|touché|infecté|espionné' },
  { type: 'attack', frame: 'act', pattern: 'visé*|ciblé*|frappé*|infecté*|espionn*' },
  { type: 'attack', frame: 'act', pattern: 'rançon|rançons', noun: true },
  { type: 'attack', frame: 'act', pattern: 'fuite* ~3 données|documents|courriels|mails|emails', noun: true },
  {
    type: 'attack',
    frame: 'act',
    pattern: 'vol* ~3 données|documents|courriels|identifiants|fonds|cryptomonnaies|millions',
    noun: true,
  },
  { type: 'attack', frame: 'act', pattern: 'dérob*|exfiltr*|subtilis*' },
  { type: 'attack', frame: 'act', pattern: 'exposé*|exposant ~3 données|dossiers|informations|fichiers' },
  { type: 'attack', frame: 'act', pattern: 'diffusé*|publié*|divulgué* ~3 sur ~2 internet|ligne|web' },
  {
    type: 'attack',
    frame: 'act',
    pattern: 'diffusion|publication|divulgation ~6 courriels|documents|données|mails|emails',
    noun: true,
  },
  { type: 'attack', frame: 'act', pattern: 'déni ~1 de ~1 service', noun: true },
  { type: 'attack', frame: 'act', pattern: 'ddos', noun: true },
  { type: 'attack', frame: 'act', pattern: 'utilis*|obtenu*|récupér*|volé* ~4 codes|identifiants|mots' },
  {
    type: 'attack',
    frame: 'act',
    pattern: 'accéd*|introdui*|immisc*|invit* ~3 réunion|visioconférence|réseau*|systèmes|serveurs|messagerie*|comptes',
  },
  { type: 'attack', frame: 'act', pattern: 'brèche*|brêche*|faille* ~3 sécurité', noun: true },
];

const EN: TriggerSpec[] = [
  // attribution
  { type: 'attribution', frame: 'accuse', pattern: 'accusation*|allegation*', noun: true },
  { type: 'attribution', frame: 'accuse', pattern: 'accus*' },
  { type: 'attribution', frame: 'accuse', pattern: 'blam*' },
  { type: 'attribution', frame: 'accuse', pattern: 'point*|pointing ~1 the ~1 finger' },
  { type: 'attribution', frame: 'accuse', pattern: 'hold|holds|held ~4 responsible|accountable' },
  {
    type: 'attribution',
    frame: 'accuse',
    pattern: 'named|names|name|identified|identifies ~5 as ~3 responsible|culprit*|perpetrator*|behind',
  },
  { type: 'attribution', frame: 'accuse', pattern: 'called|calls|call ~1 out' },
  { type: 'attribution', frame: 'attribute', pattern: 'attribut*' },
  { type: 'attribution', frame: 'attribute', pattern: 'pinned|pins|pin ~4 on' },
  {
    type: 'attribution',
    frame: 'responsible',
    pattern: 'tied|tying|ties|linked|links|linking|connected ~4 to',
    hedged: true,
  },
  {
    type: 'attribution',
    frame: 'responsible',
    pattern: 'state|government|kremlin|beijing|moscow ~1 sponsored|backed|directed|linked',
  },
  { type: 'attribution', frame: 'responsible', pattern: 'carried|carries|carry|conducted ~1 out' },
  { type: 'attribution', frame: 'agent', pattern: 'developed|created|designed|built|written|engineered ~2 by' },
  { type: 'attribution', frame: 'responsible', pattern: 'suspect*', hedged: true },
  { type: 'attribution', frame: 'responsible', pattern: 'is|are|was|were|be|been ~3 behind' },
  { type: 'attribution', frame: 'responsible', pattern: 'is|are|was|were|be|been ~3 responsible' },
  { type: 'attribution', frame: 'agent', pattern: 'orchestrated|perpetrated|sponsored|masterminded' },
  // denial
  { type: 'denial', frame: 'deny', pattern: 'deny|denies|denied|denying' },
  {
    type: 'denial',
    frame: 'deny',
    pattern: 'deny|denies|denied|denying ~3 accusation*|allegation*|charges|claims|report*|involvement',
  },
  { type: 'denial', frame: 'deny', pattern: 'denial', noun: true },
  {
    type: 'denial',
    frame: 'deny',
    pattern: 'reject*|dismiss*|refut*|rebuff* ~4 accusation*|allegation*|claim*|charge*|report*|attribution*',
  },
  { type: 'denial', frame: 'deny', pattern: 'refut*' },
  { type: 'denial', frame: 'deny', pattern: 'baseless|groundless|unfounded|slander*|smear*|fabricat*|disinformation' },
  // condemnation
  { type: 'condemnation', frame: 'act', pattern: 'condemn*' },
  { type: 'condemnation', frame: 'act', pattern: 'denounc*' },
  { type: 'condemnation', frame: 'act', pattern: 'deplor*' },
  { type: 'condemnation', frame: 'act', pattern: 'castigat*|rebuk*' },
  {
    type: 'condemnation',
    frame: 'judge',
    pattern: 'unacceptable|reckless|irresponsible|intolerable|outrageous|deplorable|inexcusable|illegitimate',
  },
  // sanction
  { type: 'sanction', frame: 'act', pattern: 'sanction*' },
  { type: 'sanction', frame: 'act', pattern: 'asset ~1 freeze*', noun: true },
  { type: 'sanction', frame: 'act', pattern: 'froze|freezes|freeze|freezing ~3 assets' },
  { type: 'sanction', frame: 'act', pattern: 'travel ~1 ban*', noun: true },
  { type: 'sanction', frame: 'act', pattern: 'restrictive ~1 measures', noun: true },
  { type: 'sanction', frame: 'act', pattern: 'blacklist*|designat*' },
  // indictment
  { type: 'indictment', frame: 'act', pattern: 'indict*' },
  { type: 'indictment', frame: 'act', pattern: 'charged|charging' },
  { type: 'indictment', frame: 'act', pattern: 'charges ~3 against', noun: true },
  { type: 'indictment', frame: 'act', pattern: 'unseal* ~4 indictment*|charges|complaint*' },
  { type: 'indictment', frame: 'act', pattern: 'arrest ~1 warrant*', noun: true },
  { type: 'indictment', frame: 'act', pattern: 'criminal ~1 complaint*', noun: true },
  { type: 'indictment', frame: 'act', pattern: 'prosecut*' },
  // summons
  { type: 'summons', frame: 'act', pattern: 'summon* ~6 ambassador*|envoy*|chargé*|charge|diplomat*|representative*' },
  { type: 'summons', frame: 'act', pattern: 'called|calls|call ~1 in ~4 ambassador*|envoy*|chargé*|charge|diplomat*' },
  // expulsion
  { type: 'expulsion', frame: 'act', pattern: 'expel*|expuls*' },
  { type: 'expulsion', frame: 'act', pattern: 'persona ~1 non ~1 grata' },
  { type: 'expulsion', frame: 'act', pattern: 'ordered|orders|order|gave|give|gives|giving|told ~8 to ~1 leave' },
  { type: 'expulsion', frame: 'act', pattern: 'sever*|cut|cuts|broke|breaks ~2 diplomatic ~1 ties|relations' },
  // policy
  {
    type: 'policy',
    frame: 'declare',
    pattern:
      'adopt*|approv*|agreed|agree* ~6 toolbox|strategy|regulation|framework|directive|law|doctrine|regime|mechanism|conclusions|resolution|convention|treaty|act|code|rules|norms|policy',
  },
  {
    type: 'policy',
    frame: 'declare',
    pattern: 'launch*|unveil*|publish*|present* ~3 strategy|doctrine|initiative|plan',
  },
  {
    type: 'policy',
    frame: 'declare',
    pattern: 'establish*|set|sets|create* ~3 up ~3 regime|framework|mechanism|agency|command',
  },
  { type: 'policy', frame: 'declare', pattern: 'establish*|create* ~4 regime|framework|mechanism|agency|command' },
  { type: 'policy', frame: 'declare', pattern: 'sign*|signed ~2 into ~1 law' },
  { type: 'policy', frame: 'declare', pattern: 'entered|enters|enter ~1 into ~1 force' },
  {
    type: 'policy',
    frame: 'declare',
    pattern: 'extend*|renew*|prolong* ~10 regime|framework|sanctions|measures|mandate|toolbox',
  },
  {
    type: 'policy',
    frame: 'declare',
    pattern: 'join*|sign*|endors*|ratif* ~4 call|convention|treaty|pledge|declaration|accord|agreement|policy',
  },
  // inquiry
  {
    type: 'inquiry',
    frame: 'act',
    pattern: 'demand*|request*|sought|seek*|asked|asks|ask ~6 explanation*|answers|clarification*|inquiry|accounting',
  },
  { type: 'inquiry', frame: 'act', pattern: 'call*|called ~2 for ~3 inquiry|investigation|explanation*|answers|probe' },
  {
    type: 'inquiry',
    frame: 'act',
    pattern: 'asked|asks|ask|urged|urges|invited|invites|called|calls ~4 to ~1 explain|justify|clarify|account',
  },
  // investigation
  {
    type: 'investigation',
    frame: 'declare',
    pattern: 'open*|launch*|start*|began|begins|conduct* ~3 investigation*|inquiry|probe*',
  },
  { type: 'investigation', frame: 'declare', pattern: 'investigating|investigates|investigated' },
  { type: 'investigation', frame: 'declare', pattern: 'investigation ~2 into', noun: true },
  // statement
  { type: 'statement', frame: 'declare', pattern: 'joint ~1 statement*|declaration*', noun: true },
  { type: 'statement', frame: 'declare', pattern: 'statement', noun: true },
  {
    type: 'statement',
    frame: 'declare',
    pattern: 'express*|voic*|offer*|affirm*|reaffirm* ~3 solidarity|concern*|support',
  },
  { type: 'statement', frame: 'declare', pattern: 'solidarity ~2 with', noun: true },
  // disclosure
  { type: 'disclosure', frame: 'declare', pattern: 'disclos*|reveal*|uncover*|discover*' },
  { type: 'disclosure', frame: 'declare', pattern: 'went|go|goes|made|make|makes ~1 public' },
  {
    type: 'disclosure',
    frame: 'declare',
    pattern:
      'announc*|report*|said|says|confirm* ~5 had|has|have ~2 been ~2 hacked|breached|targeted|compromised|hit|attacked',
  },
  // attack
  { type: 'attack', frame: 'victim', pattern: 'victim* ~4 cyberattack*|attack*|hack*|breach*|intrusion*|ransomware' },
  { type: 'attack', frame: 'agent', pattern: 'carried|conducted|launched|claimed|waged ~2 by' },
  { type: 'attack', frame: 'act', pattern: 'cyberattack*', noun: true },
  { type: 'attack', frame: 'act', pattern: 'cyber ~1 attack*', noun: true },
  { type: 'attack', frame: 'act', pattern: 'attack|attacks', noun: true },
  { type: 'attack', frame: 'act', pattern: 'attacked|attacking' },
  { type: 'attack', frame: 'act', pattern: 'hack|hacks|hacking', noun: true },
  { type: 'attack', frame: 'act', pattern: 'hacked' },
  { type: 'attack', frame: 'act', pattern: 'breach|breaches', noun: true },
  { type: 'attack', frame: 'act', pattern: 'breached|breaching' },
  { type: 'attack', frame: 'act', pattern: 'intrusion*', noun: true },
  { type: 'attack', frame: 'act', pattern: 'infiltrat*' },
  { type: 'attack', frame: 'act', pattern: 'compromis*' },
  {
    type: 'attack',
    frame: 'act',
    pattern: 'crippl*|paralys*|encrypted|sabotag*|disrupted|disrupting|disrupts|defaced|knocked|wiped',
  },
  { type: 'attack', frame: 'act', pattern: 'targeted|targeting|struck|hit|infected|spied' },
  { type: 'attack', frame: 'act', pattern: 'ransom|ransoms', noun: true },
  { type: 'attack', frame: 'act', pattern: 'leak*', noun: true },
  { type: 'attack', frame: 'act', pattern: 'stole|stolen|steal*|exfiltrat*|siphon*' },
  { type: 'attack', frame: 'act', pattern: 'exposed|exposing ~3 data|records|details|information|files' },
  { type: 'attack', frame: 'act', pattern: 'denial ~1 of ~1 service', noun: true },
  { type: 'attack', frame: 'act', pattern: 'ddos', noun: true },
  { type: 'attack', frame: 'act', pattern: 'used|using|obtained ~4 codes|credentials|passwords|login*' },
  { type: 'attack', frame: 'act', pattern: 'gain*|gained ~2 access', noun: false },
  {
    type: 'attack',
    frame: 'act',
    pattern: 'broke|broken|break*|crashed|gatecrash*|zoombomb* ~3 into|meeting|call|videoconference',
  },
];

export const TRIGGERS: Record<'en' | 'fr', TriggerSpec[]> = { en: EN, fr: FR };
