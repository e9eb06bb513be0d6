import type { CurrentUser } from '../../shared/auth.js';
import type { PlanSnapshot } from '../../shared/revisions.js';
import type { ProjectAccess } from '../access/service.js';
import type { AppContext } from '../core/context.js';
import { getRevision } from '../revisions/service.js';
import { planSnapshotFor } from '../revisions/snapshot.js';
import { planFileName } from './file-name.js';
import { type PlanVersion, planDocument } from './plan-document.js';
import { renderDocument } from './render.js';

export const planFileTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;
export type PlanFileFormat = keyof typeof planFileTypes;

export interface PlanFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

async function snapshotOf(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  revision: number | undefined,
): Promise<{ snapshot: PlanSnapshot; version: PlanVersion }> {
  if (revision === undefined) {
    return { snapshot: await planSnapshotFor(context, access, 'draft'), version: { kind: 'draft' } };
  }
  const sent = await getRevision(context, user, access, revision);
  return {
    snapshot: sent.snapshot,
    version: { kind: 'revision', number: sent.number, sentAt: sent.createdAt, senderName: sent.sender.name },
  };
}

/**
 * The plan as a Word or PDF file: revision `revision` exactly as it was sent (404 when there is no
 * such revision), or the draft as it stands now. Anyone who may read the project may export it.
 */
export async function exportPlan(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  format: PlanFileFormat,
  revision: number | undefined,
): Promise<PlanFile> {
  const { snapshot, version } = await snapshotOf(context, user, access, revision);
  const document = planDocument(snapshot, version);
  return {
    fileName: planFileName(snapshot, version, format),
    contentType: planFileTypes[format],
    body: await renderDocument(format, document),
  };
}
