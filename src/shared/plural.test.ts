import { describe, expect, it } from 'vitest';
import { readDefaultTemplateFile } from '../server/templates/service.js';
import { countText, guessPlural, inSentence, nounFor, partOfText, roleTitleForms } from './plural.js';

const person = { one: 'person', other: 'personer' };

describe('counts agree in number', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countText(0, person)).toBe('0 personer');
    expect(countText(1, person)).toBe('1 person');
    expect(countText(2, person)).toBe('2 personer');
    expect(nounFor(-1, person)).toBe('personer');
  });

  it('agrees with the whole in "n av m"', () => {
    const administrators = { one: 'administratör', other: 'administratörer' };
    expect(partOfText(1, 2, administrators)).toBe('1 av 2 administratörer');
    expect(partOfText(0, 1, { one: 'rektor', other: 'rektorer' })).toBe('0 av 1 rektor');
  });

  it('keeps capitals that belong to the word inside a sentence', () => {
    expect(inSentence('Administratör')).toBe('administratör');
    expect(inSentence('IT-verksamhet')).toBe('IT-verksamhet');
  });
});

describe('role titles', () => {
  it("takes the template's plural when it has one", () => {
    expect(roleTitleForms({ title: 'Administratör', titlePlural: 'Administratörer' })).toEqual({
      one: 'Administratör',
      other: 'Administratörer',
    });
  });

  it('gives every role of the default template a plural, and the guess agrees with each', () => {
    const { customerRoles, vendorRoles } = readDefaultTemplateFile().content;
    for (const role of [...customerRoles, ...vendorRoles]) {
      expect(role.titlePlural, role.key).toBeTruthy();
      // Templates stored before `titlePlural` existed get the same words from the guess.
      expect(guessPlural(role.title), role.key).toBe(role.titlePlural);
    }
  });

  it('guesses the common endings', () => {
    expect(guessPlural('Rektor')).toBe('Rektorer');
    expect(guessPlural('Användarstödjare')).toBe('Användarstödjare');
    expect(guessPlural('Integrationsansvarig')).toBe('Integrationsansvariga');
    expect(guessPlural('Samordnande')).toBe('Samordnande');
  });
});
