import { describe, expect, it } from 'vitest';
import type { RevisionSummary } from '../../shared/revisions.js';
import { comparisonOf, defaultComparison, requestedVersion } from './comparison.js';

const revision = (number: number, readByMe = true): RevisionSummary => ({
  number,
  createdAt: `2026-0${number}-01T10:00:00.000Z`,
  sender: { name: 'Åsa Öberg' },
  message: 'Nytt mål',
  readByMe,
});

describe('comparisonOf', () => {
  it('compares a revision with the one before it', () => {
    expect(comparisonOf(3, 4)).toEqual({ from: 2, to: 3 });
  });

  it('compares the first revision with the next one, or with the draft when it is the only one', () => {
    expect(comparisonOf(1, 3)).toEqual({ from: 1, to: 2 });
    expect(comparisonOf(1, 1)).toEqual({ from: 1, to: 'draft' });
  });
});

describe('defaultComparison', () => {
  const three = [revision(3, false), revision(2, false), revision(1)];

  it('has nothing to compare before the first revision', () => {
    expect(defaultComparison([], { requested: null, viewerIsVendor: true })).toBeNull();
  });

  it('opens the version named in the e-mail link', () => {
    expect(defaultComparison(three, { requested: 3, viewerIsVendor: true })).toEqual({ from: 2, to: 3 });
  });

  it('ignores a requested version that does not exist', () => {
    expect(defaultComparison(three, { requested: 9, viewerIsVendor: false })).toEqual({ from: 2, to: 3 });
  });

  it('shows the vendor the oldest revision they have not read', () => {
    expect(defaultComparison(three, { requested: null, viewerIsVendor: true })).toEqual({ from: 1, to: 2 });
  });

  it('shows the newest two when the vendor has read everything, and always to the customer', () => {
    const allRead = [revision(3), revision(2), revision(1)];
    expect(defaultComparison(allRead, { requested: null, viewerIsVendor: true })).toEqual({ from: 2, to: 3 });
    expect(defaultComparison(three, { requested: null, viewerIsVendor: false })).toEqual({ from: 2, to: 3 });
  });

  it('compares a single revision with the current draft', () => {
    expect(defaultComparison([revision(1, false)], { requested: null, viewerIsVendor: true })).toEqual({
      from: 1,
      to: 'draft',
    });
  });
});

describe('requestedVersion', () => {
  it('reads a positive whole number and nothing else', () => {
    expect(requestedVersion(new URLSearchParams('version=4'))).toBe(4);
    expect(requestedVersion(new URLSearchParams('version=0'))).toBeNull();
    expect(requestedVersion(new URLSearchParams('version=abc'))).toBeNull();
    expect(requestedVersion(new URLSearchParams(''))).toBeNull();
  });
});
