import { createHash } from 'node:crypto';
import { type Attachment, type AttachmentList, attachmentExtensions } from '../../shared/attachments.js';
import type { CurrentUser } from '../../shared/auth.js';
import { mayTick } from '../access/permissions.js';
import { type ProjectAccess, whileOpen } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { checkFile, displayFileName } from './file-check.js';
import { type AttachmentRow, attachmentRepository } from './repository.js';

export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

const fileError = (message: string) => new AppError('VALIDATION_FAILED', message, { file: message });

export const tooLargeMessage = (maxMegabytes: number) => `Filen är större än ${maxMegabytes} MB`;

const mayDelete = (row: AttachmentRow, user: CurrentUser, access: ProjectAccess) =>
  whileOpen(
    access,
    access.permissions.edit || (row.uploaded_by_user_id !== null && row.uploaded_by_user_id === user.id),
  );

const toAttachment = (row: AttachmentRow, user: CurrentUser, access: ProjectAccess): Attachment => ({
  id: row.id,
  activityId: row.activity_id,
  fileName: row.file_name,
  contentType: row.content_type,
  sizeBytes: Number(row.size_bytes),
  uploadedBy: { id: row.uploaded_by_user_id, name: row.uploaded_by_name },
  createdAt: row.created_at,
  mayDelete: mayDelete(row, user, access),
});

/** The activity, and whether the viewer may attach files to it: whoever may tick it, and the plan writers. */
async function activityOf(context: AppContext, access: ProjectAccess, activityId: string) {
  const activity = await attachmentRepository.findActivity(context.db, access.project.id, activityId);
  if (!activity) throw notFound('Aktiviteten');
  const roles = {
    customerRoleKeys: JSON.parse(activity.customer_role_keys) as string[],
    vendorRoleKeys: JSON.parse(activity.vendor_role_keys) as string[],
  };
  return { ...activity, mayUpload: access.permissions.edit || mayTick(access.permissions, roles) };
}

export async function listAttachments(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  activityId: string,
): Promise<AttachmentList> {
  const activity = await activityOf(context, access, activityId);
  const rows = await attachmentRepository.list(context.db, activityId);
  return {
    items: rows.map((row) => toAttachment(row, user, access)),
    mayUpload: activity.mayUpload,
    maxMegabytes: context.config.attachmentMaxMegabytes,
    extensions: [...attachmentExtensions],
  };
}

/**
 * Stores a file on the activity once its type is proven by its content. The file is read only
 * after the viewer is known to be allowed to attach it.
 */
export async function uploadAttachment(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  activityId: string,
  readFile: () => Promise<UploadedFile>,
): Promise<Attachment> {
  const activity = await activityOf(context, access, activityId);
  if (!activity.mayUpload) {
    throw new AppError('FORBIDDEN', 'Du kan bara bifoga filer till aktiviteter som din roll ansvarar för');
  }
  const uploaded = await readFile();
  const fileName = displayFileName(uploaded.fileName);
  const check = checkFile(fileName, uploaded.content);
  if (!check.ok) throw fileError(check.message);
  const row = {
    id: newId(),
    activity_id: activityId,
    project_id: access.project.id,
    file_name: fileName,
    content_type: check.contentType,
    size_bytes: uploaded.content.length,
    sha256: createHash('sha256').update(uploaded.content).digest('hex'),
    content: uploaded.content,
    uploaded_by_user_id: user.id,
    uploaded_by_name: user.name,
    created_at: context.clock.now().toISOString(),
  };
  await context.db.transaction().execute(async (trx) => {
    await attachmentRepository.insert(trx, row);
    await recordAudit(context, trx, {
      actor: user,
      customerId: access.project.customerId,
      projectId: access.project.id,
      action: 'attachment.uploaded',
      entityType: 'attachment',
      entityId: row.id,
      summary: `Bifogade ”${fileName}” till ”${activity.title}”`,
      after: { fileName, sizeBytes: row.size_bytes, sha256: row.sha256, activity: activity.title },
    });
  });
  return toAttachment(row, user, access);
}

/** The file as it was uploaded, for anyone who can read the project. */
export async function downloadAttachment(context: AppContext, access: ProjectAccess, attachmentId: string) {
  const file = await attachmentRepository.findContent(context.db, access.project.id, attachmentId);
  if (!file) throw notFound('Filen');
  return { fileName: file.file_name, contentType: file.content_type, content: file.content };
}

/** Removes a file: its uploader may, and so may the plan writers. */
export async function deleteAttachment(
  context: AppContext,
  user: CurrentUser,
  access: ProjectAccess,
  attachmentId: string,
): Promise<void> {
  const row = await attachmentRepository.find(context.db, access.project.id, attachmentId);
  if (!row) throw notFound('Filen');
  if (!mayDelete(row, user, access)) {
    throw new AppError('FORBIDDEN', 'Bara den som bifogade filen, eller den som skriver planen, kan ta bort den');
  }
  await context.db.transaction().execute(async (trx) => {
    await attachmentRepository.delete(trx, attachmentId);
    await recordAudit(context, trx, {
      actor: user,
      customerId: access.project.customerId,
      projectId: access.project.id,
      action: 'attachment.deleted',
      entityType: 'attachment',
      entityId: attachmentId,
      summary: `Tog bort ”${row.file_name}” från ”${row.activity_title}”`,
      before: { fileName: row.file_name, sizeBytes: Number(row.size_bytes), activity: row.activity_title },
    });
  });
}
