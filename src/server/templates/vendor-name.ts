const VENDOR_TOKEN = '{vendor}';

/** Puts the vendor's name where template texts say `{vendor}`, in every string of a value. */
export function withVendorName<T>(value: T, vendorName: string): T {
  // A replacer function, not a string: `$&`, `$'` and `$$` in the name must stay as written.
  if (typeof value === 'string') return value.replaceAll(VENDOR_TOKEN, () => vendorName) as T;
  if (Array.isArray(value)) return value.map((item) => withVendorName(item, vendorName)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withVendorName(item, vendorName)])) as T;
  }
  return value;
}
