import type { Generated } from 'kysely';

/**
 * Table types shared by SQLite and PostgreSQL. Timestamps are ISO-8601 UTC text and dates are
 * `YYYY-MM-DD` text so that both databases store and sort them the same way.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  templates: TemplatesTable;
  customers: CustomersTable;
  projects: ProjectsTable;
  activities: ActivitiesTable;
  schools: SchoolsTable;
  people: PeopleTable;
  role_assignments: RoleAssignmentsTable;
  auth_tokens: AuthTokensTable;
  audit_events: AuditEventsTable;
  plan_sections: PlanSectionsTable;
  goals: GoalsTable;
  evaluation_items: EvaluationItemsTable;
  evaluation_item_goals: EvaluationItemGoalsTable;
  risks: RisksTable;
  success_factors: SuccessFactorsTable;
  key_activities: KeyActivitiesTable;
  plan_revisions: PlanRevisionsTable;
  plan_revision_reads: PlanRevisionReadsTable;
  activity_people: ActivityPeopleTable;
  activity_dependencies: ActivityDependenciesTable;
  activity_comments: ActivityCommentsTable;
  reminder_preferences: ReminderPreferencesTable;
  reminder_deliveries: ReminderDeliveriesTable;
  calendar_feeds: CalendarFeedsTable;
  job_leases: JobLeasesTable;
  project_trainings: ProjectTrainingsTable;
  training_proposals: TrainingProposalsTable;
  training_sessions: TrainingSessionsTable;
  training_participants: TrainingParticipantsTable;
  staff_workshops: StaffWorkshopsTable;
  communication_items: CommunicationItemsTable;
  process_guides: ProcessGuidesTable;
  process_guide_goals: ProcessGuideGoalsTable;
  delivery_steps: DeliveryStepsTable;
  activity_attachments: ActivityAttachmentsTable;
  goal_measurement_settings: GoalMeasurementSettingsTable;
  measurement_computations: MeasurementComputationsTable;
  goal_measurements: GoalMeasurementsTable;
  project_step_decisions: ProjectStepDecisionsTable;
  project_closures: ProjectClosuresTable;
  follow_on_projects: FollowOnProjectsTable;
  steering_meetings: SteeringMeetingsTable;
  change_requests: ChangeRequestsTable;
  decisions: DecisionsTable;
  decision_links: DecisionLinksTable;
  budget_lines: BudgetLinesTable;
  project_budgets: ProjectBudgetsTable;
  role_texts: RoleTextsTable;
  role_acknowledgements: RoleAcknowledgementsTable;
  identity_providers: IdentityProvidersTable;
  sso_sign_ins: SsoSignInsTable;
  sso_identities: SsoIdentitiesTable;
  totp_factors: TotpFactorsTable;
  recovery_codes: RecoveryCodesTable;
  passkeys: PasskeysTable;
  passkey_registrations: PasskeyRegistrationsTable;
  pending_sign_ins: PendingSignInsTable;
  two_factor_customers: TwoFactorCustomersTable;
  login_throttles: LoginThrottlesTable;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: 'vendor_admin' | 'vendor_staff' | 'customer';
  created_at: string;
  /** Set while the login is switched off (the person has left): no sign-in, no session. */
  disabled_at?: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the session token: a leaked table does not hand out sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  /** The last request, written at most about once a minute; null: none since created_at. */
  last_seen_at?: string | null;
}

export interface LoginThrottlesTable {
  key: string;
  attempts: number;
  window_start: string;
  blocked_until: string | null;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface TemplatesTable {
  id: string;
  key: string;
  version: number;
  name: string;
  content: string;
  is_default: number;
  created_at: string;
}

export interface CustomersTable {
  id: string;
  name: string;
  organisation_number: string;
  created_at: string;
  /** The customer's own school terms as 'MM-DD', all four or none (null: the default terms). */
  term_ht_start?: string | null;
  term_ht_end?: string | null;
  term_vt_start?: string | null;
  term_vt_end?: string | null;
}

export interface ProjectsTable {
  id: string;
  customer_id: string;
  template_id: string;
  name: string;
  phase: 'implementation' | 'operations';
  start_date: string;
  created_at: string;
  /** Raised with every audit event of the project (docs/decisions/013). */
  change_count: Generated<number>;
}

export interface ActivitiesTable {
  id: string;
  project_id: string;
  group_key: string;
  position: number;
  template_activity_key: string | null;
  title: string;
  customer_role_keys: string;
  vendor_role_keys: string;
  deadline: string | null;
  done_at: string | null;
  done_by_user_id: string | null;
  version: Generated<number>;
  updated_at: string;
  description: Generated<string>;
  /** The template's wording when the activity came from the template. */
  template_title: string | null;
}

export interface SchoolsTable {
  id: string;
  customer_id: string;
  name: string;
  /** JSON array of school forms. */
  school_forms: string;
  school_unit_code: string | null;
  /** Staff the user-supporters are to train at the school. */
  staff_count: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: string;
  /** Null for the vendor's own people. */
  customer_id: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  school_id: string | null;
  user_id: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface RoleAssignmentsTable {
  id: string;
  project_id: string;
  role_key: string;
  school_id: string | null;
  person_id: string;
  created_at: string;
}

export interface AuthTokensTable {
  /** SHA-256 of the token sent by e-mail. */
  id: string;
  user_id: string;
  purpose: 'invitation' | 'password_reset';
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditEventsTable {
  id: string;
  customer_id: string | null;
  project_id: string | null;
  actor_user_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  before: string | null;
  after: string | null;
  created_at: string;
}

export interface PlanSectionsTable {
  project_id: string;
  section_key: string;
  /** JSON: field key → formatted text document (see `src/shared/rich-text.ts`). */
  texts: string;
  /** JSON: the section's other content (`PlanSectionDetails`). */
  details: string;
  version: Generated<number>;
  updated_at: string;
  updated_by_name: string | null;
}

export interface GoalsTable {
  id: string;
  project_id: string;
  kind: 'effect' | 'project';
  position: number;
  title: string;
  description: string;
  measure: string | null;
  unit: 'percent' | 'count' | null;
  unit_label: string | null;
  baseline: number | null;
  target: number | null;
  target_date: string | null;
  deliverable: 'organisation' | 'function' | 'integration' | 'other' | null;
  due_date: string | null;
  budget_sek: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EvaluationItemsTable {
  id: string;
  project_id: string;
  position: number;
  why: string;
  what: string;
  how: string;
  /** JSON array of `YYYY-MM-DD`. */
  collection_dates: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EvaluationItemGoalsTable {
  evaluation_item_id: string;
  goal_id: string;
}

export interface RisksTable {
  id: string;
  project_id: string;
  position: number;
  cause_key: string | null;
  title: string;
  leadership_issue: number;
  likelihood: 'low' | 'medium' | 'high' | null;
  impact: 'low' | 'medium' | 'high' | null;
  mitigation: string;
  owner_person_id: string | null;
  status: 'open' | 'mitigating' | 'occurred' | 'closed';
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SuccessFactorsTable {
  id: string;
  project_id: string;
  position: number;
  keyword_key: string | null;
  title: string;
  approach: string;
  version: Generated<number>;
  updated_at: string;
}

export interface KeyActivitiesTable {
  id: string;
  project_id: string;
  position: number;
  template_key: string | null;
  title: string;
  description: string;
  date: string | null;
  version: Generated<number>;
  updated_at: string;
}

export interface PlanRevisionsTable {
  id: string;
  project_id: string;
  number: number;
  created_at: string;
  sender_user_id: string | null;
  sender_name: string;
  message: string;
  /** JSON `PlanSnapshot`; never updated after the insert. */
  snapshot: string;
}

export interface PlanRevisionReadsTable {
  revision_id: string;
  user_id: string;
  read_at: string;
}

export interface ActivityPeopleTable {
  activity_id: string;
  side: 'customer' | 'vendor';
  person_id: string;
}

export interface ActivityDependenciesTable {
  activity_id: string;
  /** The activity that must be done first. */
  depends_on_id: string;
}

export interface ActivityCommentsTable {
  id: string;
  activity_id: string;
  author_user_id: string | null;
  author_name: string;
  body: string;
  created_at: string;
}

export interface ReminderPreferencesTable {
  person_id: string;
  enabled: number;
  days_before: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  digest_weekday: number;
  updated_at: string;
}

export interface ReminderDeliveriesTable {
  id: string;
  /** What was reminded of, to whom, for which date: unique, so each reminder goes out once. */
  delivery_key: string;
  kind: 'due_soon' | 'overdue' | 'digest' | 'project_summary' | 'collection' | 'goal_escalation';
  person_id: string | null;
  project_id: string | null;
  created_at: string;
  sent_at: string | null;
}

/** One secret per user and feed: the personal feed (`project_id` null), and each project's feed. */
export interface CalendarFeedsTable {
  /** SHA-256 of the secret in the feed's address. */
  id: string;
  scope: 'project' | 'person';
  user_id: string;
  project_id: string | null;
  created_at: string;
}

export interface JobLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface ProjectTrainingsTable {
  project_id: string;
  training_key: string;
  min_participants: number | null;
  max_participants: number | null;
  /** How the project holds the training when its trainees cannot be split within the range. */
  split_choice: 'over_max' | 'under_min' | null;
  version: Generated<number>;
  updated_at: string;
}

export interface TrainingProposalsTable {
  id: string;
  project_id: string;
  training_key: string;
  batch_id: string;
  proposed_date: string;
  part_of_day: 'heldag' | 'formiddag' | 'eftermiddag';
  note: Generated<string>;
  proposed_by_user_id: string | null;
  proposed_by_name: string;
  created_at: string;
}

export interface TrainingSessionsTable {
  id: string;
  project_id: string;
  training_key: string;
  proposal_id: string | null;
  date: string;
  start_time: string;
  end_time: string;
  mode: 'on_site' | 'web';
  place: Generated<string>;
  link: Generated<string>;
  trainer_person_id: string | null;
  confirmed_by_name: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface TrainingParticipantsTable {
  session_id: string;
  project_id: string;
  training_key: string;
  person_id: string;
  attendance: Generated<'booked' | 'attended' | 'absent'>;
  marked_by_name: string | null;
  marked_at: string | null;
  booked_at: string;
}

export interface StaffWorkshopsTable {
  id: string;
  project_id: string;
  school_id: string;
  held_on: string;
  staff_count: number;
  held_by_person_id: string | null;
  note: Generated<string>;
  recorded_by_name: string;
  created_at: string;
}

export interface CommunicationItemsTable {
  id: string;
  project_id: string;
  /** JSON array of audience keys from the template. */
  audience_keys: string;
  title: string;
  message: Generated<string>;
  channel: Generated<string>;
  planned_on: string | null;
  key_activity_id: string | null;
  responsible_person_id: string | null;
  position: number;
  done_at: string | null;
  done_by_name: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ProcessGuidesTable {
  project_id: string;
  /** Rich-text document, JSON. */
  introduction: string;
  version: Generated<number>;
  updated_at: string;
}

export interface ProcessGuideGoalsTable {
  goal_id: string;
  project_id: string;
  /** Rich-text documents, JSON. */
  usage: string;
  statistics: string;
  version: Generated<number>;
  updated_at: string;
}

export interface DeliveryStepsTable {
  id: string;
  project_id: string;
  school_id: string | null;
  step_key: string;
  delivery_key: string;
  done_on: string;
  done_by_person_id: string | null;
  recorded_by_name: string;
  created_at: string;
}

export interface ActivityAttachmentsTable {
  id: string;
  activity_id: string;
  project_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by_user_id: string | null;
  uploaded_by_name: string;
  created_at: string;
}

export interface GoalMeasurementSettingsTable {
  goal_id: string;
  project_id: string;
  measurer_person_id: string | null;
  method: 'coverage' | 'share_by_date' | null;
  /** JSON: the file columns mapped to the method's fields. */
  mapping: string | null;
  version: Generated<number>;
  updated_at: string;
}

export interface MeasurementComputationsTable {
  id: string;
  goal_id: string;
  project_id: string;
  method: 'coverage' | 'share_by_date';
  value: number;
  /** JSON: the computation as shown to the user. */
  result: string;
  created_by_user_id: string | null;
  created_at: string;
}

export interface GoalMeasurementsTable {
  id: string;
  goal_id: string;
  project_id: string;
  measured_on: string;
  value: number;
  method: 'manual' | 'coverage' | 'share_by_date';
  source: Generated<string>;
  comment: Generated<string>;
  computation_id: string | null;
  recorded_by_user_id: string | null;
  recorded_by_name: string;
  created_at: string;
}

export interface ProjectStepDecisionsTable {
  id: string;
  project_id: string;
  /** Null: the step follows the project's data again. */
  step_number: number | null;
  derived_step_number: number;
  reason: string;
  decided_by_user_id: string | null;
  decided_by_name: string;
  created_at: string;
}

export interface ProjectClosuresTable {
  project_id: string;
  approved_by_user_id: string | null;
  approved_by_name: string;
  approved_at: string;
  /** JSON: what was still open when the closure was approved. */
  open_items: string;
}

export interface FollowOnProjectsTable {
  project_id: string;
  follows_project_id: string;
  created_at: string;
}

export interface SteeringMeetingsTable {
  id: string;
  project_id: string;
  date: string;
  time: string | null;
  place: string;
  /** JSON: [{ title, note }] */
  agenda_items: string;
  minutes: string;
  agenda_sent_at: string | null;
  created_at: string;
  version: number;
  updated_at: string;
}

export interface ChangeRequestsTable {
  id: string;
  project_id: string;
  number: number;
  title: string;
  /** JSON: ['result' | 'time' | 'budget'] */
  areas: string;
  change: string;
  reason: string;
  consequence: string;
  proposal: string;
  /** JSON: [{ keyActivityId, to }] */
  date_changes: string;
  /** JSON: [{ goalId, field, to }] */
  goal_changes: string;
  status: 'pending' | 'approved' | 'rejected';
  meeting_id: string | null;
  prepared_by_user_id: string | null;
  prepared_by_name: string;
  created_at: string;
  decided_by_user_id: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_comment: string | null;
  version: number;
  updated_at: string;
}

export interface DecisionsTable {
  id: string;
  project_id: string;
  number: number;
  title: string;
  background: string;
  decision: string;
  decided_by: 'styrgrupp' | 'projektgrupp' | 'bestallare';
  decided_on: string;
  change_request_id: string | null;
  meeting_id: string | null;
  recorded_by_user_id: string | null;
  recorded_by_name: string;
  created_at: string;
  version: number;
  updated_at: string;
}

export interface DecisionLinksTable {
  decision_id: string;
  kind: 'activity' | 'keyActivity' | 'goal' | 'section';
  target_id: string;
}

export interface BudgetLinesTable {
  id: string;
  project_id: string;
  position: number;
  title: string;
  planned_sek: number;
  actual_sek: number;
  created_at: string;
  version: number;
  updated_at: string;
}

export interface ProjectBudgetsTable {
  project_id: string;
  overrun_threshold_percent: number;
  version: number;
  updated_at: string;
}

export interface RoleTextsTable {
  project_id: string;
  role_key: string;
  responsibility: string;
  version: number;
  updated_at: string;
}

export interface RoleAcknowledgementsTable {
  project_id: string;
  person_id: string;
  role_key: string;
  /** SHA-256 of the responsibility text confirmed. */
  text_hash: string;
  acknowledged_at: string;
  user_id: string | null;
}

export interface IdentityProvidersTable {
  id: string;
  name: string;
  /** null: the provider of the vendor's own staff. */
  customer_id: string | null;
  issuer: string;
  client_id: string;
  client_secret: string;
  /** JSON array of lower-case domains whose addresses this provider vouches for. */
  email_domains: string;
  enabled: number;
  created_at: string;
  version: number;
  updated_at: string;
}

export interface SsoSignInsTable {
  state: string;
  provider_id: string;
  nonce: string;
  code_verifier: string;
  /** A path inside the app to land on after signing in. */
  return_to: string;
  expires_at: string;
}

export interface SsoIdentitiesTable {
  provider_id: string;
  /** The provider's `sub` claim: stable where the e-mail address may change. */
  subject: string;
  user_id: string;
  created_at: string;
  last_sign_in_at: string;
}

export interface TotpFactorsTable {
  user_id: string;
  /** The base32 secret, sealed with SECRETS_KEY when one is configured (see two-factor/secret-box.ts). */
  secret: string;
  /** null until confirmed with a code from the app. */
  confirmed_at: string | null;
  /** The time step of the last code accepted; older or equal steps are refused. */
  last_used_step: number | null;
  created_at: string;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  /** SHA-256 of the normalised code. */
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface PasskeysTable {
  /** The WebAuthn credential id, base64url. */
  id: string;
  user_id: string;
  name: string;
  /** COSE public key, base64url. */
  public_key: string;
  /** bigint: PostgreSQL hands it back as text. */
  counter: number | string;
  /** JSON array of transports. */
  transports: string;
  created_at: string;
  last_used_at: string | null;
}

export interface PasskeyRegistrationsTable {
  user_id: string;
  challenge: string;
  expires_at: string;
}

export interface PendingSignInsTable {
  /** SHA-256 of the token in the browser's cookie. */
  id: string;
  user_id: string;
  purpose: 'verify' | 'enrol';
  csrf_token: string;
  failed_attempts: number;
  challenge: string | null;
  created_at: string;
  expires_at: string;
}

export interface TwoFactorCustomersTable {
  /** A customer whose people must sign in with a second factor. */
  customer_id: string;
  created_at: string;
}
