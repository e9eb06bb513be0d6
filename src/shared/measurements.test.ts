import { describe, expect, it } from 'vitest';
import { suggestedMeasure } from './measurements.js';

describe('the measure a goal is worded for', () => {
  it('reads every subject, registration by a date, or else students with any event; never pairs', () => {
    expect(suggestedMeasure('100 % av eleverna ska ha fått bedömning i varje ämne minst en gång per termin')).toBe(
      'everyGroup',
    );
    expect(suggestedMeasure('Alla elever ska ha registrerade bedömningar i alla ämnen', null)).toBe('everyGroup');
    expect(suggestedMeasure('100 % av elevernas frånvaroregistrering ska göras i X senast den 1 mars 2027')).toBe(
      'byDate',
    );
    expect(suggestedMeasure('100 % av eleverna ska ha betyg i X vid årsskiftet 2026/2027', 'Andel elever')).toBe(
      'anyEvent',
    );
  });
});
