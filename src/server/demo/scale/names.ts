/**
 * Swedish-sounding names for the national-scale data set: municipalities made of a first and a last
 * part of real place names (Björkvik, Lindköping), schools named the way Swedish schools are, and
 * people from common Swedish first and family names. None of them needs to exist; all must read as
 * plausible to a Swedish user looking at a list of 290 customers.
 */

const PLACE_STARTS = [
  'Al',
  'Ask',
  'Berg',
  'Björk',
  'Bo',
  'Bro',
  'Dal',
  'Ek',
  'Fal',
  'Fors',
  'Gran',
  'Grön',
  'Hag',
  'Hav',
  'Hed',
  'Hög',
  'Kil',
  'Kungs',
  'Lill',
  'Lind',
  'Ljus',
  'Ljung',
  'Mal',
  'Mo',
  'Norr',
  'Ny',
  'Ram',
  'Rosen',
  'Rön',
  'Sand',
  'Sjö',
  'Sol',
  'Stor',
  'Strand',
  'Sund',
  'Söder',
  'Tor',
  'Tran',
  'Ulv',
  'Vall',
  'Väster',
  'Vik',
  'Åker',
  'Ås',
  'Älv',
  'Öster',
] as const;

const PLACE_ENDS = [
  'by',
  'berga',
  'bro',
  'dal',
  'fors',
  'hamn',
  'holm',
  'hult',
  'köping',
  'landa',
  'lund',
  'mo',
  'näs',
  'red',
  'ryd',
  'sjö',
  'stad',
  'sund',
  'torp',
  'tuna',
  'vik',
  'åker',
  'ås',
  'inge',
] as const;

const SCHOOL_STARTS = [
  'Backa',
  'Björk',
  'Ek',
  'Enebacke',
  'Fjäll',
  'Gran',
  'Hag',
  'Kastanj',
  'Kyrk',
  'Lind',
  'Lönn',
  'Mal',
  'Mo',
  'Norr',
  'Park',
  'Rönn',
  'Sjö',
  'Skogs',
  'Sol',
  'Strand',
  'Söder',
  'Tall',
  'Väster',
  'Ängs',
  'Åker',
  'Öster',
] as const;

const SCHOOL_ENDS = ['skolan', 'gårdsskolan', 'backens skola', 'dalsskolan', 'lundsskolan', 'viksskolan'] as const;

export const FIRST_NAMES = [
  'Agnes',
  'Ahmed',
  'Albin',
  'Alice',
  'Amanda',
  'Anders',
  'Anna',
  'Annika',
  'Astrid',
  'Axel',
  'Birgitta',
  'Björn',
  'Camilla',
  'Carl',
  'Cecilia',
  'Daniel',
  'David',
  'Ebba',
  'Elin',
  'Elsa',
  'Emil',
  'Emma',
  'Erik',
  'Eva',
  'Fatima',
  'Filip',
  'Fredrik',
  'Gustav',
  'Hanna',
  'Helena',
  'Henrik',
  'Ida',
  'Ingrid',
  'Isak',
  'Jakob',
  'Jenny',
  'Johan',
  'Johanna',
  'Jonas',
  'Julia',
  'Karin',
  'Kerstin',
  'Kristina',
  'Lars',
  'Lena',
  'Linnea',
  'Lisa',
  'Magnus',
  'Maja',
  'Malin',
  'Maria',
  'Marie',
  'Mattias',
  'Mikael',
  'Mohammed',
  'Nils',
  'Olle',
  'Oscar',
  'Per',
  'Peter',
  'Sara',
  'Sofia',
  'Stefan',
  'Susanne',
  'Theo',
  'Therese',
  'Tove',
  'Ulrika',
  'Viktor',
  'Wilma',
  'Yusuf',
  'Åsa',
] as const;

export const LAST_NAMES = [
  'Andersson',
  'Axelsson',
  'Berg',
  'Berglund',
  'Bergström',
  'Björk',
  'Dahl',
  'Ek',
  'Eklund',
  'Engström',
  'Eriksson',
  'Forsberg',
  'Gustafsson',
  'Hansson',
  'Hassan',
  'Hedlund',
  'Holm',
  'Håkansson',
  'Isaksson',
  'Jakobsson',
  'Johansson',
  'Jonsson',
  'Karlsson',
  'Larsson',
  'Lind',
  'Lindberg',
  'Lindgren',
  'Lindqvist',
  'Lund',
  'Lundberg',
  'Lundgren',
  'Magnusson',
  'Mattsson',
  'Nilsson',
  'Nordin',
  'Nyström',
  'Olofsson',
  'Olsson',
  'Persson',
  'Petersson',
  'Sandberg',
  'Sjöberg',
  'Strand',
  'Ström',
  'Sundberg',
  'Svensson',
  'Wallin',
  'Wikström',
  'Åberg',
  'Öberg',
] as const;

type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Fisher–Yates with the seeded generator: the same order from the same seed. */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

/** `count` different municipality names; "Lindköping", never "Lindlind" or "Ulvulv". */
export function municipalityNames(random: Random, count: number): string[] {
  const all = PLACE_STARTS.flatMap((start) =>
    PLACE_ENDS.filter((end) => !start.toLowerCase().endsWith(end.slice(0, 2))).map((end) => `${start}${end}`),
  );
  if (count > all.length) throw new Error(`at most ${all.length} municipality names, asked for ${count}`);
  return shuffled(random, all).slice(0, count);
}

/** `count` school names different within one municipality, a few named after the municipality itself. */
export function schoolNames(random: Random, municipality: string, count: number): string[] {
  const names = new Set<string>();
  const candidates = shuffled(
    random,
    SCHOOL_STARTS.flatMap((start) => SCHOOL_ENDS.map((end) => `${start}${end}`)),
  );
  for (const candidate of candidates) {
    if (names.size >= count) break;
    names.add(random() < 0.08 ? `${municipality} centralskola` : candidate);
  }
  for (let extra = 2; names.size < count; extra++) names.add(`${municipality}skolan ${extra}`);
  return [...names];
}

export const personName = (random: Random): string => `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;

/** The part of an address before the @: "åsa.öberg" → "asa.oberg". */
export const mailboxOf = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
