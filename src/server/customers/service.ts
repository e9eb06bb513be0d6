import type { Customer } from '../../shared/customers.js';
import { isoNow } from '../core/clock.js';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { type CustomerRow, customerRepository } from './repository.js';

const toCustomer = (row: CustomerRow): Customer => ({
  id: row.id,
  name: row.name,
  organisationNumber: row.organisation_number,
  createdAt: row.created_at,
  projectCount: row.project_count,
});

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
