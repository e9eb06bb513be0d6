import type { AppContext } from '../core/context.js';
import { settingsRepository } from './repository.js';

const VENDOR_NAME = 'vendor_name';

/** The vendor's name is a setting: `STEGVIS_VENDOR_NAME` gives it on first start. */
export async function ensureSettings(context: AppContext): Promise<void> {
  await settingsRepository.insertIfMissing(context.db, VENDOR_NAME, context.config.vendorName);
}

export async function getVendorName(context: AppContext): Promise<string> {
  return (await settingsRepository.get(context.db, VENDOR_NAME)) ?? context.config.vendorName;
}
