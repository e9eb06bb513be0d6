import type { Kysely } from 'kysely';
import type { AppContext } from '../core/context.js';
import type { Database } from '../db/schema.js';
import { settingsRepository } from './repository.js';

const VENDOR_NAME = 'vendor_name';

/** The vendor's name is a setting: `STEGVIS_VENDOR_NAME` gives it on first start. */
export async function ensureSettings(context: AppContext): Promise<void> {
  await settingsRepository.insertIfMissing(context.db, VENDOR_NAME, context.config.vendorName);
}

export async function getVendorName(context: AppContext): Promise<string> {
  return (await settingsRepository.get(context.db, VENDOR_NAME)) ?? context.config.vendorName;
}

const TWO_FACTOR_VENDOR_STAFF = 'two_factor_required_vendor_staff';

/** Whether the vendor's own staff (its admin included) must sign in with a second factor. */
export async function vendorStaffTwoFactorRequired(context: AppContext): Promise<boolean> {
  return (await settingsRepository.get(context.db, TWO_FACTOR_VENDOR_STAFF)) === 'true';
}

export async function setVendorStaffTwoFactorRequired(db: Kysely<Database>, required: boolean): Promise<void> {
  await settingsRepository.put(db, TWO_FACTOR_VENDOR_STAFF, String(required));
}
