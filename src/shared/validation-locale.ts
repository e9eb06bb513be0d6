import { z } from 'zod';

/** Zod's own messages (a missing field, a wrong type) in Swedish, like the ones our schemas write. */
export function setSwedishValidationMessages(): void {
  z.config(z.locales.sv());
}
