import {
  type TemplateContent,
  type TemplateDetail,
  type TemplateFile,
  type TemplateSummary,
  templateContentSchema,
  templateFileSchema,
} from '../../shared/templates.js';
import { isoNow } from '../core/clock.js';
import type { AppContext } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { getVendorName } from '../settings/service.js';
// Imported rather than read from disk, so that the built server carries the template inside it.
import defaultTemplateFile from './default-template.json' with { type: 'json' };
import { type TemplateRow, templateRepository } from './repository.js';
import { withVendorName } from './vendor-name.js';

export interface TemplateRef {
  id: string;
  key: string;
  version: number;
  name: string;
}

export function readDefaultTemplateFile(): TemplateFile {
  return templateFileSchema.parse(defaultTemplateFile);
}

/** Loads the repo's default template into the database unless this version is there already. */
export async function ensureDefaultTemplate(context: AppContext): Promise<void> {
  const file = readDefaultTemplateFile();
  if (await templateRepository.findByKeyAndVersion(context.db, file.key, file.version)) return;
  await templateRepository.insert(context.db, {
    id: newId(),
    key: file.key,
    version: file.version,
    name: file.name,
    content: JSON.stringify(file.content),
    is_default: 1,
    created_at: isoNow(context.clock),
  });
}

// A template version never changes once stored, so its parsed content can be kept for good.
const parsedContent = new Map<string, TemplateContent>();

function templateContent(row: Pick<TemplateRow, 'id' | 'content'>): TemplateContent {
  let content = parsedContent.get(row.id);
  if (!content) {
    content = templateContentSchema.parse(JSON.parse(row.content));
    parsedContent.set(row.id, content);
  }
  return content;
}

/** A template version's content; read from the database only the first time. */
export async function loadTemplateContent(context: AppContext, templateId: string): Promise<TemplateContent> {
  const cached = parsedContent.get(templateId);
  if (cached) return cached;
  const row = await templateRepository.findById(context.db, templateId);
  if (!row) throw notFound('Mallen');
  return templateContent(row);
}

const toSummary = (row: TemplateRow): TemplateSummary => ({
  id: row.id,
  key: row.key,
  version: row.version,
  name: row.name,
  isDefault: row.is_default === 1,
  createdAt: row.created_at,
});

export async function listTemplates(context: AppContext): Promise<TemplateSummary[]> {
  return (await templateRepository.list(context.db)).map(toSummary);
}

export async function getTemplate(context: AppContext, id: string): Promise<TemplateDetail> {
  const row = await templateRepository.findById(context.db, id);
  if (!row) throw notFound('Mallen');
  return { ...toSummary(row), content: withVendorName(templateContent(row), await getVendorName(context)) };
}

/** A template version's id, key, version and name: stored once and never changed, so read once. */
const refs = new Map<string, TemplateRef>();
export async function templateRef(context: AppContext, templateId: string): Promise<TemplateRef> {
  let ref = refs.get(templateId);
  if (!ref) {
    ref = await templateRepository.findRefById(context.db, templateId);
    if (!ref) throw notFound('Mallen');
    refs.set(templateId, ref);
  }
  return ref;
}

/** The template a new project gets unless another is chosen: the newest default. */
export async function defaultTemplateId(context: AppContext): Promise<string> {
  const row = await templateRepository.findNewestDefaultId(context.db);
  if (!row) throw notFound('Mallen');
  return row.id;
}

export async function findTemplateForNewProject(context: AppContext, templateId?: string): Promise<TemplateRow> {
  const row = templateId
    ? await templateRepository.findById(context.db, templateId)
    : await templateRepository.findNewestDefault(context.db);
  if (!row) throw notFound('Mallen');
  return row;
}
