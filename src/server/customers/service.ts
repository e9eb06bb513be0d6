import type { CurrentUser } from '../../shared/auth.js';
import type { Customer, CustomerTerms, TermDates } from '../../shared/customers.js';
import { requireCustomerEdit, requireCustomerRead } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import { isoNow } from '../core/clock.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { type CustomerRow, customerRepository, type TermColumns } from './repository.js';

/** The stored term dates as the API gives them: null unless all four are set. */
export function termDatesOf(row: Partial<TermColumns>): TermDates | null {
  const { term_ht_start: htStart, term_ht_end: htEnd, term_vt_start: vtStart, term_vt_end: vtEnd } = row;
  return htStart && htEnd && vtStart && vtEnd ? { htStart, htEnd, vtStart, vtEnd } : null;
}

const toCustomer = (row: CustomerRow): Customer => ({
  id: row.id,
  name: row.name,
  organisationNumber: row.organisation_number,
  createdAt: row.created_at,
  projectCount: row.project_count,
  terms: termDatesOf(row),
});

/** The customer's own term dates, or null for the default terms (for anyone who may see the customer). */
export async function customerTermDates(context: AppContext, customerId: string): Promise<TermDates | null> {
  const row = await customerRepository.findTerms(context.db, customerId);
  return row ? termDatesOf(row) : null;
}

export async function getCustomerTerms(
  context: AppContext,
  user: CurrentUser,
  customerId: string,
): Promise<CustomerTerms> {
  await requireCustomerRead(context, user, customerId);
  return { terms: await customerTermDates(context, customerId) };
}

const termText = (terms: TermDates | null) =>
  terms ? `ht ${terms.htStart}–${terms.htEnd}, vt ${terms.vtStart}–${terms.vtEnd}` : 'standardterminerna';

/** Sets the customer's own term dates (null: back to the default terms), recorded in the history. */
export async function setCustomerTerms(
  context: AppContext,
  user: CurrentUser,
  customerId: string,
  input: CustomerTerms,
): Promise<CustomerTerms> {
  await requireCustomerEdit(context, user, customerId);
  const terms = input.terms;
  await context.db.transaction().execute(async (trx) => {
    const stored = await customerRepository.findTerms(trx, customerId);
    if (!stored) throw notFound('Kunden');
    const before = termDatesOf(stored);
    if (JSON.stringify(before) === JSON.stringify(terms)) return;
    await customerRepository.setTerms(trx, customerId, {
      term_ht_start: terms?.htStart ?? null,
      term_ht_end: terms?.htEnd ?? null,
      term_vt_start: terms?.vtStart ?? null,
      term_vt_end: terms?.vtEnd ?? null,
    });
    await recordAudit(context, trx, {
      actor: user,
      action: 'customer.terms_set',
      entityType: 'customer',
      entityId: customerId,
      summary: `Satte kundens terminer till ${termText(terms)}`,
      customerId,
      before: { terms: before },
      after: { terms },
    });
  });
  return { terms };
}

// Swedish alphabetical order (…, Z, Å, Ä, Ö), the same on both databases whatever their collation.
const byName = new Intl.Collator('sv').compare;

export async function listCustomers(context: AppContext): Promise<Customer[]> {
  return (await customerRepository.list(context.db)).map(toCustomer).sort((a, b) => byName(a.name, b.name));
}

const organisationNumberTaken = () =>
  new AppError('CONFLICT', 'Det finns redan en kund med det organisationsnumret', {
    organisationNumber: 'Finns redan',
  });

export async function createCustomer(
  context: AppContext,
  input: { name: string; organisationNumber: string },
): Promise<Customer> {
  if (await customerRepository.findByOrganisationNumber(context.db, input.organisationNumber)) {
    throw organisationNumberTaken();
  }
  const row = {
    id: newId(),
    name: input.name,
    organisation_number: input.organisationNumber,
    created_at: isoNow(context.clock),
  };
  if (!(await customerRepository.insert(context.db, row))) throw organisationNumberTaken();
  return toCustomer({ ...row, project_count: 0 });
}
