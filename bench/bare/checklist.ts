/**
 * The bare baseline's checklist read, `GET /api/projects/:id/activities` without Stegvis' code: the
 * SQL, the session check and the answer built from rows. Shared by the bare servers of
 * activities.bench.ts (node:http + better-sqlite3) and http.bench.ts (the same, and node:http + pg),
 * so that both compare Stegvis with the same work.
 *
 * The answer is typed as `Complete<Checklist>`, the shared zod schema's output type with every
 * optional field made required, so a field added to `activitySchema` (src/shared/checklist.ts) fails
 * `npm run validate` here until the baseline builds it too.
 *
 * Nothing here may load zod or any of Stegvis' runtime code: the baseline would then pay for it.
 */
import { createHash } from 'node:crypto';
import type http from 'node:http';
import { isDeepStrictEqual } from 'node:util';
// Types only.
import type { Checklist } from '../../src/shared/checklist.js';

export const SESSION_COOKIE = 'stegvis_session';

/**
 * The contract's output type with every optional field required (its value may still be undefined,
 * which JSON leaves out), at every depth.
 */
export type Complete<T> = T extends readonly (infer Item)[]
  ? Complete<Item>[]
  : T extends object
    ? { [K in keyof Required<T>]: Complete<T[K]> }
    : T;
type CompleteActivity = Complete<Checklist>['groups'][number]['activities'][number];

export interface BaselineTemplate {
  groups: { key: string; title: string }[];
  customerRoles: Map<string, string>;
  vendorRoles: Map<string, string>;
  /** Hash of each role's responsibility text as the template words it, computed once. */
  roleTextHashes: Map<string, string>;
}

export interface BaselineSession {
  session_id: string;
  csrf_token: string;
  expires_at: string;
  user_id: string;
  email: string;
  name: string;
  role: string;
}

export interface BaselineHoldingRow {
  role_key: string;
  project_text: string | null;
  text_hash: string | null;
}

export interface BaselineActivityRow {
  id: string;
  group_key: string;
  position: number;
  template_activity_key: string | null;
  title: string;
  template_title: string | null;
  description: string;
  customer_role_keys: string;
  vendor_role_keys: string;
  deadline: string | null;
  done_at: string | null;
  version: number;
  done_by_id: string | null;
  done_by_name: string | null;
  customer_person_id: string | null;
  customer_person_name: string | null;
  vendor_person_id: string | null;
  vendor_person_name: string | null;
  comment_count: number;
  attachment_count: number;
  depends_on_ids: string | null;
}

interface BaselineDependency {
  id: string;
  title: string;
  deadline: string | null;
  done: boolean;
}

/** The checklist activity that shows the role holders' confirmations (as in src/server/checklist/service.ts). */
const ROLE_ACKNOWLEDGEMENT_ACTIVITY = 'roller-och-ansvar';

/** As Stegvis' responsibilityHash: line endings and surrounding blanks do not make another text. */
const textHash = (text: string) =>
  createHash('sha256').update(text.replace(/\r\n?/g, '\n').trim(), 'utf8').digest('hex');

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * The queries, written once for both databases: `?` placeholders (see `numberedPlaceholders` for
 * PostgreSQL) and counts cast to integer, which pg would otherwise hand over as strings.
 */
export const BASELINE_SQL = {
  templates: 'SELECT id, content FROM templates',
  findSession: `SELECT sessions.id AS session_id, sessions.csrf_token, sessions.expires_at,
                       users.id AS user_id, users.email, users.name, users.role
                  FROM sessions INNER JOIN users ON users.id = sessions.user_id
                 WHERE sessions.id = ?`,
  findProject: 'SELECT id, customer_id, template_id, phase FROM projects WHERE id = ?',
  listActivities: `SELECT activities.id, activities.group_key, activities.position, activities.template_activity_key,
            activities.title, activities.template_title, activities.description, activities.customer_role_keys,
            activities.vendor_role_keys, activities.deadline, activities.done_at, activities.version,
            users.id AS done_by_id, users.name AS done_by_name,
            customer_person.id AS customer_person_id, customer_person.name AS customer_person_name,
            vendor_person.id AS vendor_person_id, vendor_person.name AS vendor_person_name,
            (SELECT CAST(count(*) AS integer) FROM activity_comments
              WHERE activity_comments.activity_id = activities.id) AS comment_count,
            (SELECT CAST(count(*) AS integer) FROM activity_attachments
              WHERE activity_attachments.activity_id = activities.id) AS attachment_count,
            (SELECT string_agg(activity_dependencies.depends_on_id, ',') FROM activity_dependencies
              WHERE activity_dependencies.activity_id = activities.id) AS depends_on_ids
       FROM activities
       LEFT JOIN users ON users.id = activities.done_by_user_id
       LEFT JOIN activity_people AS customer_side
              ON customer_side.activity_id = activities.id AND customer_side.side = 'customer'
       LEFT JOIN people AS customer_person ON customer_person.id = customer_side.person_id
       LEFT JOIN activity_people AS vendor_side
              ON vendor_side.activity_id = activities.id AND vendor_side.side = 'vendor'
       LEFT JOIN people AS vendor_person ON vendor_person.id = vendor_side.person_id
      WHERE activities.project_id = ?
      ORDER BY activities.position`,
  // Each person once per role and school, with the project's own text of the role and their confirmation.
  listHoldings: `SELECT DISTINCT role_assignments.role_key, role_assignments.school_id, role_assignments.person_id,
            role_texts.responsibility AS project_text, role_acknowledgements.text_hash
       FROM role_assignments
      INNER JOIN people ON people.id = role_assignments.person_id
       LEFT JOIN role_texts
              ON role_texts.project_id = role_assignments.project_id
             AND role_texts.role_key = role_assignments.role_key
       LEFT JOIN role_acknowledgements
              ON role_acknowledgements.project_id = role_assignments.project_id
             AND role_acknowledgements.person_id = role_assignments.person_id
             AND role_acknowledgements.role_key = role_assignments.role_key
      WHERE role_assignments.project_id = ?`,
};

/** `?` → `$1`, `$2` …, for pg. The queries above have no `?` inside a string literal. */
export function numberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

/** Template content is parsed once at start (Stegvis keeps it parsed after its first use, too). */
export function parseTemplates(rows: { id: string; content: string }[]): Map<string, BaselineTemplate> {
  const templates = new Map<string, BaselineTemplate>();
  for (const row of rows) {
    const content = JSON.parse(row.content) as {
      checklistGroups: { key: string; title: string }[];
      customerRoles: { key: string; title: string; responsibility: string }[];
      vendorRoles: { key: string; title: string; responsibility: string }[];
    };
    templates.set(row.id, {
      groups: content.checklistGroups.map((group) => ({ key: group.key, title: group.title })),
      customerRoles: new Map(content.customerRoles.map((role) => [role.key, role.title])),
      vendorRoles: new Map(content.vendorRoles.map((role) => [role.key, role.title])),
      roleTextHashes: new Map(
        [...content.customerRoles, ...content.vendorRoles].map((role) => [role.key, textHash(role.responsibility)]),
      ),
    });
  }
  return templates;
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      return decodeURIComponent(part.slice(separator + 1).trim());
    }
  }
  return undefined;
}

/** Sessions are stored by the hash of the cookie's token, as Stegvis stores them. */
export function sessionKey(cookieHeader: string | undefined): string | undefined {
  const token = cookieValue(cookieHeader, SESSION_COOKIE);
  return token ? createHash('sha256').update(token).digest('hex') : undefined;
}

export const isLiveSession = (session: BaselineSession | undefined): session is BaselineSession =>
  session !== undefined && session.expires_at > new Date().toISOString();

/** Whether the answer needs the project's role holdings: only one activity shows the confirmations. */
export const showsAcknowledgements = (rows: BaselineActivityRow[]) =>
  rows.some((row) => row.template_activity_key === ROLE_ACKNOWLEDGEMENT_ACTIVITY);

/** Holdings of roles the template knows; confirmed when the confirmation is of the text in force. */
export function countAcknowledgements(holdings: BaselineHoldingRow[], template: BaselineTemplate) {
  let confirmed = 0;
  let total = 0;
  for (const holding of holdings) {
    const templateHash = template.roleTextHashes.get(holding.role_key);
    if (templateHash === undefined) continue;
    total += 1;
    const current = holding.project_text === null ? templateHash : textHash(holding.project_text);
    if (holding.text_hash === current) confirmed += 1;
  }
  return { confirmed, total };
}

const progressOf = (done: number, total: number) => ({
  done,
  total,
  percent: total === 0 ? 0 : Math.floor((done * 100) / total),
});

const swedish = new Intl.Collator('sv');

/** Closure approved: the checklist is read-only, for the vendor admin too. */
export const isClosed = (project: { phase: string }) => project.phase === 'operations';

/**
 * The checklist answer from the rows, as the vendor admin sees it (who may tick every activity of an
 * open project). `holdings` is needed only when `showsAcknowledgements(rows)`.
 */
export function buildChecklist(
  rows: BaselineActivityRow[],
  holdings: BaselineHoldingRow[] | undefined,
  template: BaselineTemplate,
  project: { phase: string },
): Complete<Checklist> {
  const canTick = !isClosed(project);
  const refs = (json: string, titles: Map<string, string>) =>
    (JSON.parse(json) as string[]).map((key) => ({ key, title: titles.get(key) ?? key }));
  const person = (id: string | null, name: string | null) => (id !== null && name !== null ? { id, name } : null);
  const dependencies = new Map<string, BaselineDependency>(
    rows.map((row) => [row.id, { id: row.id, title: row.title, deadline: row.deadline, done: row.done_at !== null }]),
  );
  const acknowledgements = holdings ? countAcknowledgements(holdings, template) : undefined;
  const activities = rows.map((row): CompleteActivity => {
    // Like Stegvis: soonest deadline first, none last, then by title.
    const dependsOn = (row.depends_on_ids ? row.depends_on_ids.split(',') : [])
      .map((id) => dependencies.get(id))
      .filter((dependency) => dependency !== undefined)
      .sort((a, b) => {
        if (a.deadline !== b.deadline) {
          if (a.deadline === null) return 1;
          if (b.deadline === null) return -1;
          return a.deadline < b.deadline ? -1 : 1;
        }
        return swedish.compare(a.title, b.title);
      });
    const deadline = row.deadline;
    return {
      id: row.id,
      groupKey: row.group_key,
      position: row.position,
      title: row.title,
      fromTemplate: row.template_activity_key !== null,
      customerResponsible: refs(row.customer_role_keys, template.customerRoles),
      vendorResponsible: refs(row.vendor_role_keys, template.vendorRoles),
      deadline,
      done:
        row.done_at && row.done_by_id && row.done_by_name
          ? { at: row.done_at, by: { id: row.done_by_id, name: row.done_by_name } }
          : null,
      version: row.version,
      canTick,
      description: row.description,
      templateTitle: row.template_title !== null && row.template_title !== row.title ? row.template_title : null,
      customerPerson: person(row.customer_person_id, row.customer_person_name),
      vendorPerson: person(row.vendor_person_id, row.vendor_person_name),
      dependsOn,
      dueBeforeDependency:
        deadline !== null &&
        dependsOn.some((dependency) => dependency.deadline !== null && dependency.deadline > deadline),
      commentCount: row.comment_count,
      attachmentCount: row.attachment_count,
      roleAcknowledgements: row.template_activity_key === ROLE_ACKNOWLEDGEMENT_ACTIVITY ? acknowledgements : undefined,
    };
  });
  const groups = template.groups.map((group) => {
    const inGroup = activities.filter((activity) => activity.groupKey === group.key);
    const done = inGroup.filter((activity) => activity.done).length;
    return { key: group.key, title: group.title, progress: progressOf(done, inGroup.length), activities: inGroup };
  });
  // Like Stegvis, the total counts every activity, also one whose group is not in the template.
  const doneTotal = activities.filter((activity) => activity.done).length;
  return { progress: progressOf(doneTotal, activities.length), groups };
}

export function reply(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

export const replyError = (response: http.ServerResponse, status: number, code: string, message: string) =>
  reply(response, status, { error: { code, message } });

// ---------------------------------------------------------------------------------------------
// Comparing Stegvis' answer with the baseline's
// ---------------------------------------------------------------------------------------------

interface Difference {
  /** Where, with the array indices: `$.groups.0.activities.5.roleAcknowledgements`. */
  at: string;
  ours: unknown;
  bare: unknown;
}

/** Every place where two JSON values differ, down to the smallest part that does. */
export function differences(ours: unknown, bare: unknown, at = '$', found: Difference[] = []): Difference[] {
  if (isDeepStrictEqual(ours, bare)) return found;
  const bothArrays = Array.isArray(ours) && Array.isArray(bare);
  const bothObjects =
    typeof ours === 'object' &&
    typeof bare === 'object' &&
    ours !== null &&
    bare !== null &&
    !Array.isArray(ours) &&
    !Array.isArray(bare);
  if (bothArrays && ours.length !== bare.length) {
    found.push({ at: `${at}.length`, ours: ours.length, bare: bare.length });
  } else if (bothArrays || bothObjects) {
    const a = ours as Record<string, unknown>;
    const b = bare as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      differences(a[key], b[key], `${at}.${key}`, found);
  } else {
    found.push({ at, ours, bare });
  }
  return found;
}

const shown = (value: unknown) => (value === undefined ? 'absent' : JSON.stringify(value));

/**
 * One line per field that differs, whatever the activity or group it is in, with how often and a
 * first example: `groups[].activities[].roleAcknowledgements` rather than a thousand paths.
 */
export function describeDifferences(found: Difference[], ourName: string, bareName: string): string {
  return byField(found, (first) => `${ourName} ${shown(first.ours)}, ${bareName} ${shown(first.bare)}`);
}

/** Groups located problems by field, array indices left out, with a count and the first one explained. */
function byField<Item extends { at: string }>(items: Item[], explain: (first: Item) => string): string {
  const fields = new Map<string, Item[]>();
  for (const item of items) {
    const field = item.at.replace(/^\$\.?/, '').replace(/\.\d+(?=\.|$)/g, '[]');
    fields.set(field, [...(fields.get(field) ?? []), item]);
  }
  return [...fields]
    .map(([field, inField]) => {
      const places = `${inField.length} place${inField.length === 1 ? '' : 's'}`;
      return `  ${field || '(the whole answer)'}: ${places}, first ${inField[0].at}: ${explain(inField[0])}`;
    })
    .join('\n');
}

/**
 * Checks an answer against the API's own response schema: a missing or mistyped field fails the
 * parse, and a field outside the contract shows as a difference between the answer and its parse
 * (zod drops keys it does not know). Loads zod: call it from the orchestrator, never a baseline.
 */
export async function checkContract(name: string, urlPath: string, answer: unknown): Promise<void> {
  const { checklistSchema } = await import('../../src/shared/checklist.js');
  const parsed = checklistSchema.safeParse(answer);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ at: ['$', ...issue.path].join('.'), issue }));
    throw new Error(
      `${urlPath}: the ${name} answer breaks the checklist schema:\n` +
        byField(problems, ({ issue }) => `${issue.code}: ${issue.message}`),
    );
  }
  const outside = differences(parsed.data, answer);
  if (outside.length > 0) {
    throw new Error(
      `${urlPath}: the ${name} answer has fields outside the checklist schema:\n` +
        describeDifferences(outside, 'schema', name),
    );
  }
}
