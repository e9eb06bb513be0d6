import { describe, expect, it } from 'vitest';
import { ApiError } from './client.js';
import { editProblem, isVersionConflict } from './versioned-edit.js';

const conflict = new ApiError(409, 'VERSION_CONFLICT', 'Någon annan har ändrat beslutet sedan du öppnade det.');
const offline = new ApiError(0, 'NETWORK', 'network');
const invalid = new ApiError(400, 'VALIDATION_FAILED', 'Kontrollera fälten', { title: 'Skriv en rubrik' });

describe('editProblem', () => {
  it('offers "Hämta senaste" for a conflict on something already saved', () => {
    expect(editProblem(conflict, null, true)).toEqual({ error: conflict, canLoadLatest: true });
  });

  it('offers nothing to load while adding, nor for other failures', () => {
    expect(editProblem(conflict, null, false)).toEqual({ error: conflict, canLoadLatest: false });
    expect(editProblem(invalid, null, true)).toEqual({ error: invalid, canLoadLatest: false });
    expect(editProblem(null, null, true)).toEqual({ error: null, canLoadLatest: false });
  });

  it('says why the latest could not be fetched in place of the conflict', () => {
    expect(editProblem(conflict, offline, true)).toEqual({ error: offline, canLoadLatest: false });
  });
});

describe('isVersionConflict', () => {
  it('knows a stale version from the other refusals', () => {
    expect(isVersionConflict(conflict)).toBe(true);
    expect(isVersionConflict(new ApiError(409, 'CONFLICT', 'Ansvarstexten har ändrats'))).toBe(false);
    expect(isVersionConflict(new Error('VERSION_CONFLICT'))).toBe(false);
  });
});
