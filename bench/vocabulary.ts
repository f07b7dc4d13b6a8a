import type { Rng } from './prng';

/** Norwegian-ish words for synthetic interview talk (with æ, ø and å). */
const NOUNS = [
  'kommunen', 'fastlegen', 'koordinatoren', 'boligen', 'leiligheten', 'tjenestene', 'rusteamet', 'hjemmetjenesten',
  'NAV', 'avdelingen', 'møtet', 'søknaden', 'ansvarsgruppa', 'planen', 'telefonen', 'kontoret', 'brukeren',
  'pårørende', 'familien', 'behandlingen', 'legevakten', 'sykehuset', 'aktivitetssenteret', 'hverdagen', 'økonomien',
  'jobben', 'kollegaene', 'lederen', 'rutinene', 'journalen', 'tilbudet', 'ventelista', 'sosionomen', 'dagsenteret',
  'støtten', 'hjelpen', 'tryggheten', 'året', 'uka', 'dagen', 'kvelden', 'helgen', 'gangen', 'møterommet', 'skjemaet',
  'vedtaket', 'kjøkkengruppa', 'trappa', 'døra', 'nummeret', 'timen', 'kjæresten', 'søsteren', 'barna', 'været',
];
const VERBS = [
  'er', 'var', 'har', 'hadde', 'får', 'fikk', 'går', 'gikk', 'ringer', 'ringte', 'møter', 'trenger', 'hjelper',
  'følger', 'sier', 'sa', 'tror', 'vet', 'kjenner', 'søker', 'venter', 'prøver', 'klarer', 'skjønner', 'føler',
  'gjør', 'gjorde', 'bor', 'jobber', 'snakker', 'lærer', 'kommer', 'skriver', 'ønsker', 'må', 'kan', 'skal', 'vil',
  'bør', 'burde', 'fått', 'sett', 'glemt', 'mistet', 'åpnet', 'stengt', 'bestemt',
];
const SMALL = [
  'og', 'men', 'så', 'da', 'når', 'hvis', 'fordi', 'at', 'som', 'det', 'den', 'de', 'jeg', 'du', 'vi', 'hun', 'han',
  'dem', 'meg', 'oss', 'seg', 'ikke', 'også', 'bare', 'alltid', 'aldri', 'ofte', 'nesten', 'veldig', 'litt', 'mye',
  'mer', 'helt', 'egentlig', 'liksom', 'sånn', 'både', 'før', 'etter', 'på', 'i', 'til', 'fra', 'med', 'om', 'over',
  'uten', 'hos', 'for', 'av', 'gjennom', 'mellom', 'nå', 'der', 'her', 'hvor', 'ennå', 'først', 'særlig',
];
const ADJECTIVES = [
  'vanskelig', 'viktig', 'trygg', 'tung', 'lett', 'god', 'dårlig', 'ny', 'gammel', 'første', 'siste', 'hele', 'egen',
  'felles', 'skriftlig', 'uformell', 'akutt', 'faste', 'små', 'store', 'nære', 'sårbar', 'usikker', 'fornøyd',
  'slitsom', 'åpen', 'ærlig', 'grønn', 'blå', 'lærerik', 'ålreit', 'følsom', 'rolig', 'sliten', 'glad', 'lei',
];
const STARTERS = ['Det', 'Jeg', 'Vi', 'Hun', 'Han', 'Da', 'Men', 'Så', 'Når', 'Hvis', 'Og', 'Ja,', 'Nei,', 'Altså', 'Egentlig', 'Kommunen', 'Fastlegen', 'Øyvind', 'Åse'];
const QUESTION_STARTS = [
  'Kan du fortelle litt om', 'Hvordan opplevde du', 'Hva tenker du om', 'Hvem hjalp deg med', 'Hva skjedde med',
  'Hvordan fungerer', 'Hva betyr', 'Kan du si noe mer om', 'Hvordan var det med', 'Hva savnet du ved',
];

/** Sentences people repeat, so that some quotes also occur elsewhere in the same transcript. */
export const STOCK_SENTENCES = [
  'Det er sånn det er, men det burde ikke vært sånn.',
  'Jeg vet ikke helt hvordan jeg skal si det, egentlig.',
  'Det var ingen som sa noe om hva som skulle skje videre.',
  'Vi gjør det fordi vi ser at det trengs, ikke fordi noen ber oss.',
  'Det handler nesten alltid om bolig og økonomi til slutt.',
  'Da har jeg nummeret til et par av dem, og det hjelper.',
  'Det er mye som går på personlige relasjoner her.',
  'Jeg ringte fastlegen, og hun tok det videre med en gang.',
];

const ALL_WORDS = [...NOUNS, ...VERBS, ...SMALL, ...SMALL, ...ADJECTIVES];

export function word(rng: Rng): string {
  return rng.pick(ALL_WORDS);
}

/** One sentence of an answer, `minWords` to `maxWords` words, ending in a full stop (sometimes ? or ...). */
export function sentence(rng: Rng, minWords = 6, maxWords = 28): string {
  const count = rng.int(minWords, maxWords);
  const words = [rng.pick(STARTERS)];
  for (let i = 1; i < count; i++) {
    const w = i % 4 === 2 ? rng.pick(NOUNS) : i % 5 === 3 ? rng.pick(VERBS) : word(rng);
    words.push(rng.chance(0.08) && i < count - 1 ? `${w},` : w);
  }
  const end = rng.weighted(['.', '?', '...'], [0.9, 0.05, 0.05]);
  return words.join(' ') + end;
}

export function question(rng: Rng): string {
  const extra = rng.chance(0.5) ? ` ${rng.pick(SMALL)} ${rng.pick(NOUNS)}` : '';
  return `${rng.pick(QUESTION_STARTS)} ${rng.pick(NOUNS)}${extra}?`;
}

/** An answer paragraph's sentences; a few are stock sentences. */
export function answerSentences(rng: Rng, min: number, max: number): string[] {
  const count = rng.int(min, max);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(rng.chance(0.04) ? rng.pick(STOCK_SENTENCES) : sentence(rng));
  return out;
}

export const PLACES = ['aktivitetssenteret, møterom 2', 'kommunehuset', 'hjemme hos informanten', 'dagsenteret', 'NAV-kontoret, lite møterom', 'kafé på Grünerløkka'];
export const ROLES = ['tjenestemottaker', 'leder', 'ansatt', 'pårørende'];
export const CODERS = ['ingrid', 'ola', 'kari', 'per'];
export const MEMOS = [
  'Tilgjengelig utenfor arbeidstid.',
  'Viktig eksempel på uformell samordning.',
  'Sammenlign med L5 om samme episode.',
  'Usikker på kodingen, diskuter med gruppa.',
  'Typisk døråpner: kjenner noen på NAV.',
];
