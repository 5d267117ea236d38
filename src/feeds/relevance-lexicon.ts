/**
 * Words the relevance model counts, in English and French, written accent-free and lower-case
 * (they are matched on normalized text). A trailing `*` matches any ending (sanction* covers
 * sanctions, sanctionné, sanctionnés), a lone `*` any one word, and a token holding `[` or `?` is a
 * regular expression. Apostrophes are read as spaces (d'orsay is `d orsay`). Each group is one feature of the model; see relevance.ts.
 */
export interface Lexicon {
  /** A cyber operation happened or was uncovered. */
  operation: string[];
  /** A state, agency or group named as behind operations, or the language of state sponsorship. */
  actor: string[];
  /** The diplomatic, legal or policy answer: attribution, sanctions, charges, summons, statements, norms. */
  response: string[];
  /** Who answers: governments, ministries, international bodies, agencies. */
  institution: string[];
  /** Security news that is not an operation: product flaws, patches, tips. */
  technical: string[];
  /** Marks of other topics: commerce, sport, leisure, consumer tech. */
  offTopic: string[];
}

export const LEXICON: Lexicon = {
  operation: [
    'cyberattack*', 'cyber attack*', 'cyberattaque*', 'cyber attaque*', 'attaque* informatique*', 'attaque* numerique*',
    'cyber operation*', 'cyberoperation*', 'operation* cyber', 'cyber offensive*', 'cyberoffensive*', 'cyber incident*', 'cyberincident*',
    'hack', 'hacks', 'hacked', 'hacking', 'hacker*', 'piratage*', 'pirate* informatique*', 'pirates', 'pirate', 'piraté*', 'pirater',
    'intrusion*', 'breach*', 'breached', 'fuite* de donnees', 'vol de donnees', 'data theft', 'exfiltrat*', 'compromission*', 'compromise*',
    'ransomware*', 'rancongiciel*', 'ranconlogiciel*', 'malware*', 'logiciel* malveillant*', 'wiper*', 'effaceur*', 'backdoor*', 'porte* derobee*',
    'ddos', 'deni de service', 'denial of service', 'botnet*', 'phishing', 'spear phishing', 'hameconnage', 'harponnage',
    'cyber espionage', 'cyberespionage', 'cyberespionnage', 'cyber espionnage', 'espionnage informatique', 'cyber spying',
    'supply chain attack*', 'attaque* par la chaine d approvisionnement', 'zero day', 'actively exploited', 'exploited in the wild', 'activement exploitee*',
    'hack and leak', 'piratage et fuite', 'cyber sabotage', 'cybersabotage', 'sabotage informatique', 'cyberguerre', 'cyberwar*', 'cyber warfare',
    'threat actor*', 'acteur* malveillant*', 'campagne* malveillante*', 'malicious cyber activit*', 'activite* cyber malveillante*', 'cyberactivite* malveillante*',
    'break into', 'broke into', 'broken into', 'cybercrim*', 'cyber threat*', 'cybermenace*', 'cyberspace',
    'ransom', 'rancon*', 'cyberarme*', 'cyber weapon*', 'cyberdefen*', 'cyber defen*', 'election interference', 'election meddling',
    'ingerence* numerique*', 'ingerence* electorale*', 'disinformation', 'desinformation', 'information manipulation', 'manipulation de l information',
    // Last: the alternation takes the first term that matches, so longer phrases above win.
    'cyber',
  ],
  actor: [
    'state sponsored', 'state backed', 'nation state', 'state actor*', 'parraine* par * etat', 'soutenu* par * etat', 'lie* a * etat', 'etatique*',
    'government backed', 'government linked', 'lie* au gouvernement', 'liee* au renseignement', 'linked to * intelligence',
    'gru', 'svr', 'fsb', 'unit 26165', 'unit 74455', 'unite 26165', 'unite 74455', 'ministry of state security', 'ministere de la securite de l etat',
    'reconnaissance general bureau', 'bureau general de reconnaissance', 'irgc', 'gardiens de la revolution', 'people s liberation army', 'armee populaire de liberation',
    'apt', 'apt ?[0-9]+', 'sandworm', 'fancy bear', 'cozy bear', 'lazarus', 'kimsuky', 'turla', 'midnight blizzard', 'volt typhoon', 'salt typhoon',
    'killnet', 'noname057', 'cyber army',
  ],
  response: [
    'attribut*', 'imput*', 'accus*', 'blame*', 'pointe du doigt', 'points the finger', 'holds * responsible', 'tient * pour responsable*', 'responsabilite',
    'condemn*', 'condamn*', 'denounc*', 'denonc*', 'sanction*', 'asset freeze*', 'gel des avoirs', 'travel ban*', 'interdiction* de voyager', 'restrictive measures', 'mesures restrictives',
    'indict*', 'inculp*', 'charged', 'charges against', 'mise en examen', 'mis en examen', 'arrest warrant*', 'mandat d arret', 'extradit*', 'reward*', 'recompense*', 'wanted',
    'summon*', 'convoqu*', 'ambassador*', 'ambassadeur*', 'charge d affaires', 'expel*', 'expuls*', 'diplomat*', 'persona non grata',
    'deny', 'denies', 'denied', 'denying', 'dement*', 'nie', 'nient', 'a nie', 'rejects the accusations', 'rejette les accusations', 'baseless', 'sans fondement', 'infond*',
    'statement', 'declaration*', 'communique*', 'joint advisory', 'avis conjoint', 'joint statement', 'declaration commune',
    'cyber diplomacy', 'cyberdiplomatie', 'diplomatie cyber', 'toolbox', 'boite a outils', 'responsible state behaviour', 'responsible state behavior', 'comportement responsable des etats',
    'international law', 'droit international', 'due diligence', 'countermeasure*', 'contre mesure*', 'retaliat*', 'represaill*', 'riposte*',
    'inquiry', 'enquete*', 'investigation*', 'investigat*', 'prosecutor*', 'procureur*', 'parquet', 'tribunal', 'court', 'justice',
    'cybersecurity strategy', 'strategie de cybersecurite', 'cyber resilience act', 'nis2', 'cyber solidarity', 'cybersolidarite', 'convention on cybercrime', 'convention sur la cybercriminalite',
  ],
  institution: [
    'government*', 'gouvernement*', 'ministry', 'ministere*', 'minister*', 'ministre*', 'foreign office', 'foreign affairs', 'affaires etrangeres', 'quai d orsay',
    'state department', 'departement d etat', 'department of justice', 'ministere de la justice', 'treasury', 'tresor', 'white house', 'maison blanche', 'kremlin', 'elysee', 'downing street',
    'european union', 'union europeenne', 'eu council', 'council of the eu', 'conseil de l ue', 'conseil de l union europeenne', 'eeas', 'seae', 'high representative', 'haut representant',
    'nato', 'otan', 'united nations', 'nations unies', 'onu', 'security council', 'conseil de securite', 'oewg', 'g7', 'g20', 'osce', 'interpol', 'europol',
    'anssi', 'ncsc', 'cisa', 'fbi', 'nsa', 'gchq', 'bsi', 'comcyber', 'viginum', 'cert fr', 'enisa', 'national security', 'securite nationale', 'intelligence agenc*', 'intelligence service*', 'renseignement*',
    'parliament', 'parlement', 'embassy', 'ambassade', 'prime minister', 'premier ministre', 'president', 'spokesperson', 'porte parole',
  ],
  technical: [
    'vulnerabilit*', 'vulnerable', 'cve', 'patch*', 'correctif*', 'security update*', 'mise* a jour de securite', 'firmware', 'bulletin*', 'advisory', 'avis de securite',
    'proof of concept', 'preuve de concept', 'bug bounty', 'password manager*', 'gestionnaire* de mots de passe', 'antivirus', 'vpn*', 'tips', 'astuces', 'conseils',
  ],
  offTopic: [
    'recipe*', 'recette*', 'cuisine', 'cook*', 'oven', 'chocolate', 'chocolat', 'dessert*', 'restaurant*',
    'football', 'rugby', 'tennis', 'match', 'championship', 'championnat', 'tournament', 'tournoi', 'olympic games', 'jeux olympiques', 'transfer window', 'mercato',
    'launch*', 'lance', 'lancement', 'unveil*', 'devoile', 'new model', 'nouveau modele', 'smartphone*', 'iphone', 'galaxy', 'pixel', 'laptop*', 'ordinateur portable', 'gadget*', 'headphones', 'casque*',
    'review', 'test complet', 'price', 'prix', 'discount*', 'promo*', 'soldes', 'black friday', 'cyber monday', 'deal', 'deals', 'bon plan', 'bons plans', 'offer', 'offre*',
    'shares', 'stock*', 'bourse', 'earnings', 'quarterly', 'trimestr*', 'revenue', 'chiffre d affaires', 'ipo', 'funding round', 'levee de fonds', 'acquisition*', 'rachat', 'startup*',
    'video game*', 'jeu video', 'jeux video', 'console*', 'gaming', 'streaming', 'netflix', 'film', 'movie', 'tv series', 'album', 'concert', 'festival',
    'weather', 'meteo', 'holiday*', 'vacances', 'travel tips', 'fashion', 'wedding', 'mariage', 'celebrity', 'star',
  ],
};
