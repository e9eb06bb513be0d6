/**
 * Counts in Swedish sentences agree in number: "1 administratör", "2 administratörer",
 * "1 av 2 administratörer". Every count the API and the UI put into words goes through here.
 */

export interface NounForms {
  one: string;
  other: string;
}

/** The form for `count`: singular for exactly one, plural otherwise (also for 0). */
export const nounFor = (count: number, forms: NounForms): string => (count === 1 ? forms.one : forms.other);

/** "1 person", "3 personer", "0 personer". */
export const countText = (count: number, forms: NounForms): string => `${count} ${nounFor(count, forms)}`;

/**
 * "1 av 2 administratörer", "0 av 1 rektor": the noun agrees with the whole, as in
 * "2 av 3 skolor är redo".
 */
export const partOfText = (part: number, whole: number, forms: NounForms): string =>
  `${part} av ${whole} ${nounFor(whole, forms)}`;

/** "Administratör" → "administratör" inside a sentence, but "IT-verksamhet" keeps its capitals. */
export const inSentence = (title: string): string =>
  title.length > 1 && title[1] === title[1].toLowerCase() ? title.charAt(0).toLowerCase() + title.slice(1) : title;

/**
 * The plural of a role title when the template does not give one: templates stored before
 * `titlePlural` existed still need "administratörer". Covers the endings role titles have; the
 * template's own `titlePlural` always wins.
 */
export function guessPlural(title: string): string {
  const rules: [RegExp, (word: string) => string][] = [
    [/(are|ande|ende)$/i, (word) => word],
    [/(ör|or|on|ent|ant|ist|grupp|het)$/i, (word) => `${word}er`],
    [/ig$/i, (word) => `${word}a`],
    [/ing$/i, (word) => `${word}ar`],
    [/e$/i, (word) => `${word}r`],
  ];
  for (const [ending, plural] of rules) if (ending.test(title)) return plural(title);
  return title;
}

/** A template role's title in both numbers, for use in a sentence with a count. */
export const roleTitleForms = (role: { title: string; titlePlural?: string }): NounForms => ({
  one: role.title,
  other: role.titlePlural ?? guessPlural(role.title),
});

/** The same forms as they stand inside a sentence ("administratör", "administratörer"). */
export const roleTitleFormsInSentence = (role: { title: string; titlePlural?: string }): NounForms => {
  const forms = roleTitleForms(role);
  return { one: inSentence(forms.one), other: inSentence(forms.other) };
};
