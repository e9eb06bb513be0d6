import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CurrentUser } from '../../shared/auth.js';
import type { SnapshotDecision } from '../../shared/revisions.js';
import type {
  Decision,
  DecisionLink,
  DecisionList,
  decisionInputSchema,
  decisionLinkKinds,
} from '../../shared/steering.js';
import type { ProjectAccess } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { Database, DecisionsTable } from '../db/schema.js';
import { getVendorName } from '../settings/service.js';
import { withVendorName } from '../templates/vendor-name.js';
import { type DecisionRow, decisionRepository } from './repository.js';
import { deciderLabels, decisionMatches, mayRecordDecisions, REMOVED_TARGET } from './rules.js';

export type DecisionValues = z.output<typeof decisionInputSchema>;
type LinkKind = (typeof decisionLinkKinds)[number];

/** The plan's sections by key with their titles as the plan shows them: what a section link names. */
export type SectionTitles = ReadonlyMap<string, string>;

export async function sectionTitlesOf(context: AppContext, access: ProjectAccess): Promise<SectionTitles> {
  const sections = withVendorName(access.template.planSections, await getVendorName(context));
  return new Map(sections.map((section) => [section.key, section.title]));
}

const linkKindOrder: Record<LinkKind, number> = { section: 0, goal: 1, keyActivity: 2, activity: 3 };
const swedish = new Intl.Collator('sv');

/** Id → title of every target of `links` that is still in the project, one query per kind. */
async function targetTitles(
  db: Kysely<Database>,
  projectId: string,
  sectionTitles: SectionTitles,
  links: DecisionLink[],
): Promise<Record<LinkKind, ReadonlyMap<string, string>>> {
  const idsOf = (kind: LinkKind) => [
    ...new Set(links.filter((link) => link.kind === kind).map((link) => link.targetId)),
  ];
  const [activity, keyActivity, goal] = await Promise.all([
    decisionRepository.activityTitles(db, projectId, idsOf('activity')),
    decisionRepository.keyActivityTitles(db, projectId, idsOf('keyActivity')),
    decisionRepository.goalTitles(db, projectId, idsOf('goal')),
  ]);
  return { activity, keyActivity, goal, section: sectionTitles };
}

/** Decisions with their links titled, sections first, then goals, key activities and activities. */
async function toDecisions(
  db: Kysely<Database>,
  projectId: string,
  sectionTitles: SectionTitles,
  rows: DecisionRow[],
): Promise<Decision[]> {
  const linkRows = await decisionRepository.links(
    db,
    rows.map((row) => row.id),
  );
  const links = linkRows.map((row) => ({ decisionId: row.decision_id, kind: row.kind, targetId: row.target_id }));
  const titles = await targetTitles(db, projectId, sectionTitles, links);
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    title: row.title,
    background: row.background,
    decision: row.decision,
    decidedBy: row.decided_by,
    decidedOn: row.decided_on,
    links: links
      .filter((link) => link.decisionId === row.id)
      .map((link) => ({
        kind: link.kind,
        targetId: link.targetId,
        title: titles[link.kind].get(link.targetId) ?? REMOVED_TARGET,
      }))
      .sort((a, b) => linkKindOrder[a.kind] - linkKindOrder[b.kind] || swedish.compare(a.title, b.title)),
    changeRequest:
      row.change_request_id !== null && row.change_request_number !== null
        ? { id: row.change_request_id, number: row.change_request_number }
        : null,
    meeting:
      row.meeting_id !== null && row.meeting_date !== null ? { id: row.meeting_id, date: row.meeting_date } : null,
    recordedBy: { name: row.recorded_by_name },
    createdAt: row.created_at,
    version: row.version,
  }));
}

export async function loadDecision(
  db: Kysely<Database>,
  access: ProjectAccess,
  sectionTitles: SectionTitles,
  decisionId: string,
): Promise<Decision> {
  const row = await decisionRepository.findDecision(db, access.project.id, decisionId);
  if (!row) throw notFound('Beslutet');
  const [decision] = await toDecisions(db, access.project.id, sectionTitles, [row]);
  return decision;
}

/** The project's decisions, newest first, narrowed to those matching `q` when given. */
export async function listDecisions(
  context: AppContext,
  access: ProjectAccess,
  query: { q?: string },
): Promise<DecisionList> {
  const projectId = access.project.id;
  const [rows, sectionTitles] = await Promise.all([
    decisionRepository.decisions(context.db, projectId),
    sectionTitlesOf(context, access),
  ]);
  // Searched here, not in SQL: SQLite's lower() and LIKE fold only ASCII letters, so "Å" would not
  // find "å"; a project's log is small enough to read whole.
  const matching = query.q ? rows.filter((row) => decisionMatches(row, query.q ?? '')) : rows;
  return {
    items: await toDecisions(context.db, projectId, sectionTitles, matching),
    may: { record: mayRecordDecisions(access) },
  };
}

/** The decision log as a revision freezes it, in the order the decisions were taken. */
export async function decisionSnapshot(
  context: AppContext,
  access: ProjectAccess,
): Promise<{ decisions: SnapshotDecision[] }> {
  const rows = await decisionRepository.decisions(context.db, access.project.id);
  return {
    decisions: rows
      .map((row) => ({
        id: row.id,
        number: row.number,
        title: row.title,
        decision: row.decision,
        decidedBy: row.decided_by,
        decidedOn: row.decided_on,
      }))
      .sort((a, b) => a.number - b.number),
  };
}

// ---- Recording decisions ----

function requireRecord(access: ProjectAccess): void {
  if (!mayRecordDecisions(access)) {
    throw new AppError(
      'FORBIDDEN',
      'Bara styrgruppen och de som skriver planen (beställare, projektledare, projektgrupp) kan föra beslutsloggen',
    );
  }
}

const staleVersion = () =>
  new AppError(
    'VERSION_CONFLICT',
    'Någon annan har ändrat beslutet sedan du öppnade det. Ladda om och gör ändringen igen.',
  );

/** Each link once, in the order first given. */
const uniqueLinks = (links: DecisionLink[]) =>
  links.filter(
    (link, index) => links.findIndex((other) => other.kind === link.kind && other.targetId === link.targetId) === index,
  );

/** A meeting of the project's steering group, or 400 naming `field`. */
export async function requireMeeting(
  db: Kysely<Database>,
  projectId: string,
  meetingId: string | null,
  field = 'meetingId',
): Promise<void> {
  if (meetingId === null) return;
  if (!(await decisionRepository.findMeeting(db, projectId, meetingId))) {
    throw new AppError('VALIDATION_FAILED', 'Mötet finns inte i projektet', { [field]: 'Okänt möte' });
  }
}

/** Refuses, naming the link, what the decision cannot concern: anything not in this project. */
async function assertLinks(
  db: Kysely<Database>,
  projectId: string,
  sectionTitles: SectionTitles,
  links: DecisionLink[],
): Promise<void> {
  const titles = await targetTitles(db, projectId, sectionTitles, links);
  const missing = links.findIndex((link) => !titles[link.kind].has(link.targetId));
  if (missing !== -1) {
    throw new AppError('VALIDATION_FAILED', 'Beslutet kan bara gälla det som finns i projektets plan', {
      [`links.${missing}.targetId`]: 'Finns inte i projektet',
    });
  }
}

/**
 * Stores a decision under the project's next number. Two at once both read the same highest
 * number; the unique (project, number) constraint lets one insert it and the other, reading again
 * in its still open transaction, takes the next.
 */
export async function insertNumberedDecision(
  trx: Kysely<Database>,
  row: Omit<DecisionsTable, 'version' | 'number'>,
): Promise<number> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const number = (await decisionRepository.highestDecisionNumber(trx, row.project_id)) + 1;
    if (await decisionRepository.insertDecisionIfNumberFree(trx, { ...row, number })) return number;
  }
  throw new AppError('CONFLICT', 'Flera beslut registrerades samtidigt. Försök igen.');
}

export const decisionLinkRows = (links: DecisionLink[]) =>
  uniqueLinks(links).map((link) => ({ kind: link.kind, target_id: link.targetId }));

/** The decision as the project history shows it: titles rather than ids. */
export const decisionAuditView = (decision: Decision) => ({
  number: decision.number,
  title: decision.title,
  background: decision.background,
  decision: decision.decision,
  decidedBy: deciderLabels[decision.decidedBy],
  decidedOn: decision.decidedOn,
  links: decision.links.map((link) => link.title),
  meeting: decision.meeting?.date ?? null,
  changeRequest: decision.changeRequest?.number ?? null,
});

export const decisionAuditOf = (user: CurrentUser, access: ProjectAccess) => ({
  actor: user,
  customerId: access.project.customerId,
  projectId: access.project.id,
  entityType: 'decision',
});

export async function createDecision(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  values: DecisionValues,
): Promise<Decision> {
  requireRecord(access);
  const projectId = access.project.id;
  const sectionTitles = await sectionTitlesOf(context, access);
  const links = uniqueLinks(values.links);
  const now = context.clock.now().toISOString();
  return context.db.transaction().execute(async (trx) => {
    await assertLinks(trx, projectId, sectionTitles, links);
    await requireMeeting(trx, projectId, values.meetingId);
    const id = newId();
    await insertNumberedDecision(trx, {
      id,
      project_id: projectId,
      title: values.title,
      background: values.background,
      decision: values.decision,
      decided_by: values.decidedBy,
      decided_on: values.decidedOn,
      change_request_id: null,
      meeting_id: values.meetingId,
      recorded_by_user_id: user.id,
      recorded_by_name: user.name,
      created_at: now,
      updated_at: now,
    });
    await decisionRepository.replaceLinks(trx, id, decisionLinkRows(links));
    const decision = await loadDecision(trx, access, sectionTitles, id);
    await recordAudit(context, trx, {
      ...decisionAuditOf(user, access),
      action: 'decision.created',
      entityId: id,
      summary: `Registrerade beslut #${decision.number} ”${decision.title}”`,
      after: decisionAuditView(decision),
    });
    return decision;
  });
}

export async function updateDecision(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  decisionId: string,
  body: DecisionValues & { version: number },
): Promise<Decision> {
  requireRecord(access);
  const projectId = access.project.id;
  const sectionTitles = await sectionTitlesOf(context, access);
  const links = uniqueLinks(body.links);
  return context.db.transaction().execute(async (trx) => {
    const before = await loadDecision(trx, access, sectionTitles, decisionId);
    await assertLinks(trx, projectId, sectionTitles, links);
    await requireMeeting(trx, projectId, body.meetingId);
    const saved = await decisionRepository.updateDecisionIfVersion(
      trx,
      { projectId, id: decisionId, version: body.version },
      {
        title: body.title,
        background: body.background,
        decision: body.decision,
        decided_by: body.decidedBy,
        decided_on: body.decidedOn,
        meeting_id: body.meetingId,
        updated_at: context.clock.now().toISOString(),
      },
    );
    if (!saved) throw staleVersion();
    await decisionRepository.replaceLinks(trx, decisionId, decisionLinkRows(links));
    const after = await loadDecision(trx, access, sectionTitles, decisionId);
    await recordAudit(context, trx, {
      ...decisionAuditOf(user, access),
      action: 'decision.updated',
      entityId: decisionId,
      summary: `Ändrade beslut #${after.number} ”${after.title}”`,
      before: decisionAuditView(before),
      after: decisionAuditView(after),
    });
    return after;
  });
}

/** Removes a decision recorded by hand; one that approved a change request stays, as the change it made does. */
export async function deleteDecision(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  decisionId: string,
  version: number,
): Promise<void> {
  requireRecord(access);
  const projectId = access.project.id;
  const sectionTitles = await sectionTitlesOf(context, access);
  await context.db.transaction().execute(async (trx) => {
    const before = await loadDecision(trx, access, sectionTitles, decisionId);
    if (before.changeRequest) {
      throw new AppError(
        'CONFLICT',
        `Beslutet godkände ändringsförslag #${before.changeRequest.number} och ändrade planen: det kan inte tas bort`,
      );
    }
    if (!(await decisionRepository.deleteDecisionIfVersion(trx, { projectId, id: decisionId, version }))) {
      throw staleVersion();
    }
    await recordAudit(context, trx, {
      ...decisionAuditOf(user, access),
      action: 'decision.deleted',
      entityId: decisionId,
      summary: `Tog bort beslut #${before.number} ”${before.title}”`,
      before: decisionAuditView(before),
    });
  });
}
