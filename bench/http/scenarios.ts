/**
 * What http.bench.ts sends: sessions signed in through the API, the requests the project page makes
 * on load, ticks that are real versioned updates, and the mixed load. Each scenario is a `NextRequest`
 * that any free autocannon connection calls.
 */
import type { Checklist } from '../../src/shared/checklist.js';
import type { ProjectDetail } from '../../src/shared/projects.js';
import { seededRandom } from '../measure.js';
import type { Login } from './data.js';
import type { LoadRequest, NextRequest } from './load.js';
import { HOST } from './processes.js';

export interface Session {
  who: string;
  cookie: string;
  csrfToken: string;
}

export async function signIn(port: number, who: string, login: Login): Promise<Session> {
  const response = await fetch(`http://${HOST}:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: login.email, password: login.password }),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${who} (${login.email}) could not sign in: ${response.status} ${body}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return { who, cookie, csrfToken: (JSON.parse(body) as { csrfToken: string }).csrfToken };
}

export async function getJson<T>(port: number, session: Session, urlPath: string): Promise<T> {
  const response = await fetch(`http://${HOST}:${port}${urlPath}`, { headers: { cookie: session.cookie } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${urlPath} as ${session.who} answered ${response.status}: ${body}`);
  return JSON.parse(body) as T;
}

/** The path with its ids left out, so that the latency per kind of request adds up over projects. */
export const kindOf = (method: string, urlPath: string) =>
  `${method} ${urlPath.split('?')[0].replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')}`;

export const get = (session: Session, urlPath: string): LoadRequest => ({
  kind: kindOf('GET', urlPath),
  method: 'GET',
  path: urlPath,
  headers: { cookie: session.cookie },
});

/** Round robin over a fixed list of requests. */
export function rotate(requests: LoadRequest[]): NextRequest {
  let index = 0;
  return () => {
    const request = requests[index];
    index = (index + 1) % requests.length;
    return request;
  };
}

/** What one user's project page fetches on load, for one project. */
export interface ProjectPage {
  session: Session;
  projectId: string;
  requests: LoadRequest[];
  open: boolean;
}

/**
 * The page's requests as src/web asks for them on load: the session (AppLayout), the project
 * (ProjectPage), its budget (BudgetSummary), the role confirmations (MyResponsibilityPrompt), the
 * steps (StepBar), the checklist (ChecklistSection; unfiltered, so the whole and the shown list are
 * one query) and the organisation, and for those who may edit, the people to name on an activity.
 */
export async function projectPage(port: number, session: Session, projectId: string): Promise<ProjectPage> {
  const detail = await getJson<ProjectDetail>(port, session, `/api/projects/${projectId}`);
  const paths = [
    '/api/auth/session',
    `/api/projects/${projectId}`,
    `/api/projects/${projectId}/budget`,
    `/api/projects/${projectId}/acknowledgements`,
    `/api/projects/${projectId}/steps`,
    `/api/projects/${projectId}/activities`,
    `/api/projects/${projectId}/organisation`,
    ...(detail.permissions.edit ? [`/api/customers/${detail.customer.id}/people`, '/api/vendor/people'] : []),
  ];
  return {
    session,
    projectId,
    requests: paths.map((urlPath) => get(session, urlPath)),
    open: detail.phase === 'implementation',
  };
}

const checklistOf = (page: ProjectPage) =>
  page.requests.find((request) => request.path.endsWith('/activities')) ?? page.requests[0];

/** Page loads one after the other, each over the next project: every request of a page, in order. */
export function pageLoads(pages: ProjectPage[]): NextRequest {
  return rotate(pages.flatMap((page) => page.requests));
}

export async function projectPages(port: number, session: Session, projectIds: string[]): Promise<ProjectPage[]> {
  const pages: ProjectPage[] = [];
  // A few at a time: 290 at once would be a load test of their own.
  for (let start = 0; start < projectIds.length; start += 8) {
    pages.push(...(await Promise.all(projectIds.slice(start, start + 8).map((id) => projectPage(port, session, id)))));
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------
// Ticking
// ---------------------------------------------------------------------------------------------

interface Tickable {
  projectId: string;
  activityId: string;
  version: number;
  done: boolean;
}

/**
 * Activities a user may tick, each lent to one connection at a time together with its current
 * version: the PATCH toggles done on that version, and the answer's new version goes back with the
 * activity. So every tick is a real, successful versioned update with its audit row, never a 409.
 */
export class TickPool {
  private free: Tickable[] = [];

  constructor(
    readonly who: string,
    private readonly projectIds: string[],
  ) {}

  get size(): number {
    return this.free.length;
  }

  /** Reads the versions afresh: a run that ends mid-request leaves an answer nobody read. */
  async refresh(port: number, session: Session): Promise<void> {
    const free: Tickable[] = [];
    for (const projectId of this.projectIds) {
      const checklist = await getJson<Checklist>(port, session, `/api/projects/${projectId}/activities`);
      for (const group of checklist.groups) {
        for (const activity of group.activities) {
          if (activity.canTick) {
            free.push({ projectId, activityId: activity.id, version: activity.version, done: activity.done !== null });
          }
        }
      }
    }
    this.free = free;
  }

  /** The PATCH for the next free activity as `session`, or undefined when all are lent out. */
  take(session: Session): LoadRequest | undefined {
    const activity = this.free.shift();
    if (!activity) return undefined;
    const urlPath = `/api/projects/${activity.projectId}/activities/${activity.activityId}`;
    return {
      kind: kindOf('PATCH', urlPath),
      method: 'PATCH',
      path: urlPath,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ version: activity.version, done: !activity.done }),
      onAnswer: (status, body) => {
        if (status !== 200) return;
        const saved = JSON.parse(body) as { version: number; done: unknown };
        this.free.push({ ...activity, version: saved.version, done: saved.done !== null });
      },
    };
  }
}

/** Ticks only; the run's connections are at most the pool's size, so that one is always free. */
export function ticks(pool: TickPool, session: Session): NextRequest {
  return () => {
    const request = pool.take(session);
    if (!request) throw new Error(`no free activity left for ${pool.who}: more connections than activities`);
    return request;
  };
}

// ---------------------------------------------------------------------------------------------
// The mixed load
// ---------------------------------------------------------------------------------------------

export interface MixedLoadParts {
  supporterPages: ProjectPage[];
  leaderPages: ProjectPage[];
  supporterTicks: { pool: TickPool; session: Session };
  leaderTicks: { pool: TickPool; session: Session }[];
  myTasks: LoadRequest[];
  portfolio: LoadRequest[];
  comparison: LoadRequest;
  exports: LoadRequest[];
}

/** The share of each kind of work in the mixed load: mostly people on project pages, some ticking. */
export const MIXED_WEIGHTS = {
  'supporter project page': 30,
  "customers' project pages": 25,
  'supporter ticks': 8,
  "customers' ticks": 8,
  'Mina uppgifter': 12,
  portfolio: 5,
  'revision comparison': 3,
  'Word or PDF export': 1,
};

/**
 * Requests drawn by weight from a seeded sequence, so each run sends the same blend. A tick whose
 * pool is lent out becomes a read of that user's checklist instead.
 */
export function mixedLoad(parts: MixedLoadParts): NextRequest {
  const random = seededRandom(20_260_815);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const supporterPage = pageLoads(parts.supporterPages);
  const leaderPage = pageLoads(parts.leaderPages);
  const entries = Object.entries(MIXED_WEIGHTS) as [keyof typeof MIXED_WEIGHTS, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  const tickOr = (owner: { pool: TickPool; session: Session }, page: ProjectPage | undefined) =>
    owner.pool.take(owner.session) ?? (page ? checklistOf(page) : supporterPage());
  return () => {
    const draw = random() * total;
    let below = 0;
    const [work] =
      entries.find(([, weight]) => {
        below += weight;
        return draw < below;
      }) ?? entries[0];
    switch (work) {
      case 'supporter project page':
        return supporterPage();
      case "customers' project pages":
        return leaderPage();
      case 'supporter ticks':
        return tickOr(parts.supporterTicks, undefined);
      case "customers' ticks": {
        const owner = pick(parts.leaderTicks);
        return tickOr(
          owner,
          parts.leaderPages.find((page) => page.session === owner.session),
        );
      }
      case 'Mina uppgifter':
        return pick(parts.myTasks);
      case 'portfolio':
        return pick(parts.portfolio);
      case 'revision comparison':
        return parts.comparison;
      case 'Word or PDF export':
        return pick(parts.exports);
    }
  };
}
