import { foldText } from '../portal';

/**
 * Security-work concepts by the folded word beginnings that name them in English, Serbian (both
 * scripts fold to one), Macedonian and Albanian. Two donors describing the same work in
 * different languages share the concepts even when they share no word.
 */
const CONCEPTS: Record<string, string[]> = {
  police: ['polic', 'polici', 'policisk', 'policor', 'policij'],
  training: ['train', 'obuk', 'obuc', 'trajn', 'trening', 'kurs', 'course', 'curricul', 'kurikul', 'skill', 'vestin'],
  border: ['border', 'granic', 'granicn', 'kufi', 'kufit', 'kufir', 'frontier'],
  customs: ['custom', 'carin', 'doga', 'doganor'],
  prosecutor: ['prosecut', 'tuzil', 'javnotuz', 'prokuror', 'obvinit', 'javno obv'],
  judiciary: ['judic', 'judg', 'court', 'sud', 'sudij', 'sudsk', 'gjyk', 'gjyq', 'pravosud'],
  corruption: ['corrupt', 'korupc', 'korrup', 'mito', 'integrit'],
  organised_crime: ['organised', 'organized', 'organizovan', 'organiziran', 'organizuar', 'crime', 'criminal', 'kriminal', 'krim', 'kriminalit'],
  trafficking: ['traffick', 'trgovin', 'trafik', 'trafiku', 'trgovij'],
  smuggling: ['smuggl', 'krijumc', 'kontraband', 'shverc', 'migrant'],
  firearms: ['firearm', 'weapon', 'arms', 'salw', 'oruz', 'oruzj', 'arm', 'armev', 'armet', 'pistol', 'stockpil', 'ammunit', 'municij', 'municion'],
  drugs: ['drug', 'narcot', 'narkot', 'droga', 'droge', 'drog'],
  money_laundering: ['launder', 'pranj', 'perenj', 'pastrim'],
  cyber: ['cyber', 'sajber', 'kiber', 'digital', 'csirt'],
  extremism: ['extrem', 'ekstrem', 'radical', 'radikal', 'terror', 'terori', 'terroriz'],
  returnees: ['return', 'povratn', 'kthyer', 'kthim', 'reintegr', 'riintegr', 'rehabilit'],
  youth: ['youth', 'young', 'mlad', 'omladin', 'rini', 'te rinj', 'student', 'ucenik', 'school', 'skol', 'shkoll'],
  women: ['women', 'woman', 'gender', 'zena', 'zene', 'grua', 'rodn', 'gjinor'],
  violence: ['violen', 'nasil', 'dhun'],
  community: ['communit', 'zajednic', 'komunitet', 'lokaln', 'local', 'lokal', 'opstin', 'bashki', 'komun'],
  victims: ['victim', 'zrtv', 'viktim', 'zhrtv'],
  forensics: ['forensic', 'forenzi', 'kriminalist', 'kriminalistik'],
  investigation: ['investig', 'istrag', 'hetim', 'hetues', 'istraz'],
  cooperation: ['cooperat', 'saradn', 'sorabot', 'bashkepun', 'suradn', 'coordinat', 'koordin'],
  equipment: ['equip', 'oprem', 'pajisj', 'vehicl', 'vozil', 'automjet'],
  prison: ['prison', 'zatvor', 'burg', 'probation', 'probacij', 'kazneno', 'penitenc'],
  migration: ['migrat', 'migrac', 'migracij', 'asyl', 'azil', 'refug', 'izbegl', 'refugjat'],
  demining: ['mine', 'demin', 'razmin', 'mina', 'minat', 'explosiv', 'eksploziv'],
  reform: ['reform', 'governan', 'upravlj', 'qeveris', 'oversight', 'nadzor', 'mbikqyr'],
  strategy: ['strateg', 'strategj', 'action plan', 'akcion', 'policy', 'politik'],
  data: ['data', 'podac', 'podatak', 'databas', 'statist', 'evidenc'],
  intelligence: ['intellig', 'analys', 'analiz', 'obavest'],
  hate_speech: ['hate', 'mrznj', 'urrejt'],
  disaster: ['disaster', 'flood', 'poplav', 'katastrof', 'fatkeq', 'permbyt', 'emergenc', 'vanredn'],
};

const STOPWORDS = new Set(
  [
    'the', 'and', 'for', 'with', 'from', 'into', 'that', 'this', 'their', 'its', 'are', 'was', 'will', 'all', 'per', 'our', 'new', 'also',
    'koji', 'koja', 'koje', 'kao', 'ili', 'pri', 'nad', 'pod', 'kroz', 'nga', 'dhe', 'ose', 'kane', 'nje', 'tij', 'saj',
    'кои', 'кој', 'како', 'или', 'преку',
  ].map((word) => foldText(word).trim()),
);

const prefixes: [string, string][] = Object.entries(CONCEPTS)
  .flatMap(([concept, starts]) => starts.map((start): [string, string] => [start.replace(/\s+/g, ''), `~${concept}`]))
  .sort((a, b) => b[0].length - a[0].length);

function conceptOf(word: string): string | null {
  for (const [start, concept] of prefixes) if (word.startsWith(start)) return concept;
  return null;
}

/**
 * The words of a text as the overlap check compares them: folded to one script, stop words
 * dropped, each word replaced by its concept when it names one, otherwise cut to its first
 * seven letters (a crude stem that joins inflected forms).
 */
export function overlapWords(texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const word of foldText(text).split(/\s+/)) {
      if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
      out.add(conceptOf(word) ?? word.slice(0, 7));
    }
  }
  return [...out].sort();
}

/** A plain title baseline: Dice similarity of the folded titles' character trigrams. */
export function titleSimilarity(a: string, b: string): number {
  const grams = (text: string) => {
    const folded = ` ${foldText(text).replace(/\s+/g, ' ').trim()} `;
    const set = new Set<string>();
    for (let i = 0; i + 3 <= folded.length; i += 1) set.add(folded.slice(i, i + 3));
    return set;
  };
  const x = grams(a);
  const y = grams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared += 1;
  return (2 * shared) / (x.size + y.size);
}
