import { describe, expect, it } from 'vitest';
import { shortStepTitle } from './shortTitle.js';

describe('shortStepTitle', () => {
  it('keeps what comes before a colon', () => {
    expect(shortStepTitle('Projektplan: bakgrund, mål och utvärdering')).toBe('Projektplan');
  });

  it('keeps what comes before " och "', () => {
    expect(shortStepTitle('Leverans och skarp start')).toBe('Leverans');
    expect(shortStepTitle('Test av data och system')).toBe('Test av data');
  });

  it('leaves a title without either as it is', () => {
    expect(shortStepTitle('Utbildningar')).toBe('Utbildningar');
  });

  it('keeps the whole title when nothing would be left', () => {
    expect(shortStepTitle(': inledning')).toBe(': inledning');
    expect(shortStepTitle(' och sedan')).toBe(' och sedan');
  });

  it('does not cut inside a word', () => {
    expect(shortStepTitle('Kochområden')).toBe('Kochområden');
  });
});
