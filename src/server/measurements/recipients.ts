import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { parseDetails } from '../plan/service.js';
import { measurementRepository } from './repository.js';

export interface Recipient {
  id: string;
  name: string;
  email: string;
  /** The person named for the task, or one of the project's Projektledare standing in. */
  as: 'named' | 'project_leader';
}

export type RecipientLookup = (projectId: string, namedPersonId: string | null) => Recipient[];

/**
 * Who gets a mail about a goal: the person named for it (who measures it, who is informed about
 * the goals) when they have an e-mail address, otherwise every Projektledare of the project who
 * has one. Two queries for any number of projects.
 */
export async function loadRecipients(
  db: Kysely<Database>,
  wanted: readonly { projectId: string; namedPersonId: string | null }[],
): Promise<RecipientLookup> {
  const namedIds = [...new Set(wanted.flatMap((entry) => (entry.namedPersonId ? [entry.namedPersonId] : [])))];
  const projectIds = [...new Set(wanted.map((entry) => entry.projectId))];
  const [named, leaders] = await Promise.all([
    measurementRepository.mailablePeople(db, namedIds),
    measurementRepository.mailableProjectLeaders(db, projectIds),
  ]);
  const namedById = new Map(named.map((person) => [person.id, person]));
  return (projectId, namedPersonId) => {
    const person = namedPersonId ? namedById.get(namedPersonId) : undefined;
    if (person) return [{ id: person.id, name: person.name, email: person.email as string, as: 'named' }];
    const seen = new Set<string>();
    return leaders
      .filter((leader) => leader.project_id === projectId && !seen.has(leader.id) && seen.add(leader.id))
      .map((leader) => ({ id: leader.id, name: leader.name, email: leader.email as string, as: 'project_leader' }));
  };
}

/** Project id → the person the Mål section names to be informed when goals cannot be met. */
export async function informedPeople(
  db: Kysely<Database>,
  projectIds: readonly string[],
): Promise<Map<string, string | null>> {
  const rows = await measurementRepository.goalSectionDetails(db, projectIds);
  return new Map(rows.map((row) => [row.project_id, parseDetails(row.details).informedPersonId ?? null]));
}
