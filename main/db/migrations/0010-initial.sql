-- 0010: the whole case lifecycle (open → plan → review → end), settings, drafts and the audit trail.
-- Frozen once landed: change the schema with a new numbered file, never by editing this one.
--
-- Conventions: ids are UUIDv7 TEXT; calendar dates are 'YYYY-MM-DD' TEXT (checked by GLOB, so always
-- 10 characters); instants (created_at, audit at) are UTC ISO strings; JSON columns are checked with
-- json_valid; enums are CHECKed here as well as validated in main. Nothing is ever deleted, so foreign
-- keys have no cascades.

CREATE TABLE teams (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  created_at  TEXT NOT NULL
);

CREATE TABLE clinicians (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role        TEXT NOT NULL CHECK (role IN ('clinician', 'team_lead')),
  team_id     TEXT NOT NULL REFERENCES teams(id),
  created_at  TEXT NOT NULL
);
CREATE INDEX clinicians_team ON clinicians (team_id, name);

-- Key → JSON value: 'settings' holds the Settings object, 'profileClinicianId' the signed-in clinician.
CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL CHECK (json_valid(value)),
  updated_at  TEXT NOT NULL
);

CREATE TABLE young_people (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
  date_of_birth  TEXT NOT NULL CHECK (date_of_birth GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  nhs_number     TEXT CHECK (nhs_number IS NULL OR (length(nhs_number) = 10 AND nhs_number NOT GLOB '*[^0-9]*')),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
-- One young person per NHS number; most referrals without a traced number share NULL.
CREATE UNIQUE INDEX young_people_nhs_number ON young_people (nhs_number) WHERE nhs_number IS NOT NULL;

-- A case is one episode of care. Re-opening creates a new episode with the same case reference.
-- grouping, next_review_date, target_date and plan_complete are copies of the latest Current View,
-- plan and review, kept here so the caseload and team queries read one row per case.
CREATE TABLE cases (
  id                   TEXT PRIMARY KEY,
  case_ref             TEXT NOT NULL COLLATE NOCASE CHECK (length(case_ref) BETWEEN 1 AND 40),
  episode_no           INTEGER NOT NULL DEFAULT 1 CHECK (episode_no >= 1),
  previous_episode_id  TEXT REFERENCES cases(id),
  young_person_id      TEXT NOT NULL REFERENCES young_people(id),
  referral_date        TEXT NOT NULL CHECK (referral_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  open_date            TEXT NOT NULL CHECK (open_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  closed_date          TEXT CHECK (closed_date IS NULL OR closed_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  status               TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  lead_clinician_id    TEXT NOT NULL REFERENCES clinicians(id),
  team_id              TEXT NOT NULL REFERENCES teams(id),
  coordinating_agency  TEXT NOT NULL,
  grouping             TEXT CHECK (grouping IS NULL OR grouping IN
                         ('thriving', 'getting_advice', 'getting_help', 'getting_more_help', 'getting_risk_support')),
  next_review_date     TEXT CHECK (next_review_date IS NULL OR next_review_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  target_date          TEXT CHECK (target_date IS NULL OR target_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  plan_complete        INTEGER NOT NULL DEFAULT 0 CHECK (plan_complete IN (0, 1)),
  version              INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  UNIQUE (case_ref, episode_no),
  CHECK (open_date >= referral_date),
  CHECK ((status = 'open' AND closed_date IS NULL) OR (status = 'closed' AND closed_date IS NOT NULL AND closed_date >= open_date))
);
CREATE INDEX cases_caseload ON cases (lead_clinician_id, status);
CREATE INDEX cases_team ON cases (team_id, status);
CREATE INDEX cases_young_person ON cases (young_person_id);
CREATE INDEX cases_previous_episode ON cases (previous_episode_id) WHERE previous_episode_id IS NOT NULL;

-- The Current View at open, at each review and at close, with the THRIVE grouping agreed then.
-- ratings: { itemCode: 0..3 | 'not_known' | 'yes' | 'no' } for all 50 items.
-- review_id / ending_id are deferred so a review (or ending) and its Current View, which point at each
-- other, can be written in either order inside one transaction.
CREATE TABLE current_views (
  id              TEXT PRIMARY KEY,
  case_id         TEXT NOT NULL REFERENCES cases(id),
  context         TEXT NOT NULL CHECK (context IN ('open', 'review', 'close')),
  review_id       TEXT REFERENCES reviews(id) DEFERRABLE INITIALLY DEFERRED,
  ending_id       TEXT REFERENCES endings(id) DEFERRABLE INITIALLY DEFERRED,
  completed_date  TEXT NOT NULL CHECK (completed_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  reason          TEXT NOT NULL CHECK (reason IN ('first_contact', 'changed_situation', 'changed_understanding')),
  grouping        TEXT NOT NULL CHECK (grouping IN
                    ('thriving', 'getting_advice', 'getting_help', 'getting_more_help', 'getting_risk_support')),
  ratings         TEXT NOT NULL CHECK (json_valid(ratings) AND json_type(ratings) = 'object'),
  recorded_by     TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  CHECK (context <> 'open' OR (review_id IS NULL AND ending_id IS NULL)),
  CHECK (context <> 'review' OR review_id IS NOT NULL),
  CHECK (context <> 'close' OR ending_id IS NOT NULL)
);
CREATE INDEX current_views_case ON current_views (case_id, context, completed_date);
-- Exactly one Current View at open per case.
CREATE UNIQUE INDEX current_views_one_opening ON current_views (case_id) WHERE context = 'open';
CREATE INDEX current_views_review ON current_views (review_id) WHERE review_id IS NOT NULL;
CREATE INDEX current_views_ending ON current_views (ending_id) WHERE ending_id IS NOT NULL;

-- The THRIVE plan, versioned: a revision at a review inserts a new row and points the old one at it.
-- superseded_by is deferred so the old version can be marked superseded (freeing plans_current) before
-- the new version it points at is inserted, inside one transaction.
-- sdm: { participants, otherParticipants, optionsConsidered, decisionAid, collaborate }.
CREATE TABLE plans (
  id                    TEXT PRIMARY KEY,
  case_id               TEXT NOT NULL REFERENCES cases(id),
  version_no            INTEGER NOT NULL CHECK (version_no >= 1),
  superseded_by         TEXT REFERENCES plans(id) DEFERRABLE INITIALLY DEFERRED,
  agreed_date           TEXT NOT NULL CHECK (agreed_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  grouping              TEXT NOT NULL CHECK (grouping IN
                          ('thriving', 'getting_advice', 'getting_help', 'getting_more_help', 'getting_risk_support')),
  agreed_outcome        TEXT NOT NULL,
  likelihood            TEXT NOT NULL CHECK (likelihood IN ('likely', 'possible', 'unlikely')),
  likelihood_note       TEXT,
  target_date           TEXT NOT NULL CHECK (target_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  contingency           TEXT,
  review_date           TEXT NOT NULL CHECK (review_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  risk_support_summary  TEXT,
  sdm                   TEXT NOT NULL CHECK (json_valid(sdm) AND json_type(sdm) = 'object'),
  -- Why a revision was made, and the review it was made at (both NULL for the plan agreed at the start).
  revision_reason       TEXT,
  review_id             TEXT REFERENCES reviews(id),
  created_at            TEXT NOT NULL,
  created_by            TEXT NOT NULL,
  UNIQUE (case_id, version_no),
  CHECK (version_no = 1 OR length(trim(coalesce(revision_reason, ''))) > 0),
  CHECK (target_date > agreed_date),
  CHECK (review_date > agreed_date)
);
-- One plan in force per case.
CREATE UNIQUE INDEX plans_current ON plans (case_id) WHERE superseded_by IS NULL;
CREATE INDEX plans_superseded_by ON plans (superseded_by) WHERE superseded_by IS NOT NULL;
CREATE INDEX plans_review ON plans (review_id) WHERE review_id IS NOT NULL;

-- An ending criterion belongs to the plan version that set it and stays in force through later
-- versions until one retires it (retired_by_plan_id), so each version's criteria can be shown as agreed.
CREATE TABLE ending_criteria (
  id                  TEXT PRIMARY KEY,
  case_id             TEXT NOT NULL REFERENCES cases(id),
  plan_id             TEXT NOT NULL REFERENCES plans(id),
  position            INTEGER NOT NULL CHECK (position >= 1),
  text                TEXT NOT NULL CHECK (length(trim(text)) > 0),
  retired_at          TEXT,
  retired_by_plan_id  TEXT REFERENCES plans(id),
  created_at          TEXT NOT NULL,
  CHECK ((retired_at IS NULL) = (retired_by_plan_id IS NULL))
);
CREATE INDEX ending_criteria_case ON ending_criteria (case_id, position);
CREATE INDEX ending_criteria_plan ON ending_criteria (plan_id, position);
CREATE INDEX ending_criteria_retired_by ON ending_criteria (retired_by_plan_id) WHERE retired_by_plan_id IS NOT NULL;

-- Goals (GBO): up to three active at once, in the young person's words. A replaced goal stays, dropped.
CREATE TABLE goals (
  id                TEXT PRIMARY KEY,
  case_id           TEXT NOT NULL REFERENCES cases(id),
  plan_id           TEXT REFERENCES plans(id),
  position          INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),
  description       TEXT NOT NULL CHECK (length(trim(description)) > 0),
  status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dropped', 'achieved')),
  replaces_goal_id  TEXT REFERENCES goals(id),
  created_on        TEXT NOT NULL CHECK (created_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  -- The day the goal stopped being active (dropped or achieved).
  ended_on          TEXT CHECK (ended_on IS NULL OR ended_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  created_at        TEXT NOT NULL,
  created_by        TEXT NOT NULL,
  CHECK ((status = 'active') = (ended_on IS NULL))
);
CREATE INDEX goals_case ON goals (case_id, status, position);
CREATE UNIQUE INDEX goals_one_active_per_position ON goals (case_id, position) WHERE status = 'active';
CREATE INDEX goals_plan ON goals (plan_id) WHERE plan_id IS NOT NULL;
CREATE INDEX goals_replaces ON goals (replaces_goal_id) WHERE replaces_goal_id IS NOT NULL;

CREATE TABLE reviews (
  id                   TEXT PRIMARY KEY,
  case_id              TEXT NOT NULL REFERENCES cases(id),
  review_date          TEXT NOT NULL CHECK (review_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  -- Participant codes ('young_person', 'parent_carer', 'other'); other_attendees names the others.
  attendees            TEXT NOT NULL CHECK (json_valid(attendees) AND json_type(attendees) = 'array'),
  other_attendees      TEXT,
  decision             TEXT NOT NULL CHECK (decision IN ('continue', 'revise_plan', 'move_to_ending', 'change_grouping')),
  -- With "move to ending": how the ending will be worked towards.
  ending_plan          TEXT,
  -- What was agreed when the target date had passed or goals were stuck (THRIVE's explicit discussion).
  explicit_discussion  TEXT,
  next_review_date     TEXT CHECK (next_review_date IS NULL OR next_review_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  notes                TEXT,
  current_view_id      TEXT REFERENCES current_views(id),
  created_at           TEXT NOT NULL,
  created_by           TEXT NOT NULL,
  CHECK (next_review_date IS NULL OR next_review_date > review_date),
  CHECK (decision <> 'move_to_ending' OR length(trim(coalesce(ending_plan, ''))) > 0)
);
CREATE INDEX reviews_case ON reviews (case_id, review_date);
CREATE INDEX reviews_current_view ON reviews (current_view_id) WHERE current_view_id IS NOT NULL;

CREATE TABLE goal_ratings (
  id          TEXT PRIMARY KEY,
  goal_id     TEXT NOT NULL REFERENCES goals(id),
  rated_on    TEXT NOT NULL CHECK (rated_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  score       INTEGER NOT NULL CHECK (typeof(score) = 'integer' AND score BETWEEN 0 AND 10),
  context     TEXT NOT NULL CHECK (context IN ('plan', 'review', 'ending', 'session')),
  review_id   TEXT REFERENCES reviews(id),
  ending_id   TEXT REFERENCES endings(id),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  CHECK (context <> 'review' OR review_id IS NOT NULL),
  CHECK (context <> 'ending' OR ending_id IS NOT NULL)
);
CREATE INDEX goal_ratings_goal ON goal_ratings (goal_id, rated_on);
CREATE INDEX goal_ratings_review ON goal_ratings (review_id) WHERE review_id IS NOT NULL;
CREATE INDEX goal_ratings_ending ON goal_ratings (ending_id) WHERE ending_id IS NOT NULL;

CREATE TABLE review_criterion_progress (
  review_id     TEXT NOT NULL REFERENCES reviews(id),
  criterion_id  TEXT NOT NULL REFERENCES ending_criteria(id),
  status        TEXT NOT NULL CHECK (status IN ('met', 'partly', 'not_yet')),
  PRIMARY KEY (review_id, criterion_id)
) WITHOUT ROWID;
CREATE INDEX review_criterion_progress_criterion ON review_criterion_progress (criterion_id);

CREATE TABLE endings (
  id                    TEXT PRIMARY KEY,
  case_id               TEXT NOT NULL UNIQUE REFERENCES cases(id),
  ending_date           TEXT NOT NULL CHECK (ending_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  reason                TEXT NOT NULL CHECK (reason IN (
                          'criteria_met', 'enough_help', 'contingency_applied', 'chose_to_end',
                          'did_not_engage', 'moved_away', 'transferred', 'other')),
  reason_other          TEXT,
  mhsds_code            TEXT CHECK (mhsds_code IS NULL OR mhsds_code GLOB '0[1-9]'),
  continuing_support    TEXT,
  signposting           TEXT,
  wellbeing_plan        TEXT,
  discussed_from_start  INTEGER NOT NULL CHECK (discussed_from_start IN (0, 1)),
  current_view_id       TEXT REFERENCES current_views(id),
  created_at            TEXT NOT NULL,
  created_by            TEXT NOT NULL,
  CHECK (reason <> 'other' OR length(trim(coalesce(reason_other, ''))) > 0)
);
CREATE INDEX endings_current_view ON endings (current_view_id) WHERE current_view_id IS NOT NULL;

CREATE TABLE ending_criterion_status (
  ending_id     TEXT NOT NULL REFERENCES endings(id),
  criterion_id  TEXT NOT NULL REFERENCES ending_criteria(id),
  status        TEXT NOT NULL CHECK (status IN ('met', 'partly', 'not_met')),
  PRIMARY KEY (ending_id, criterion_id)
) WITHOUT ROWID;
CREATE INDEX ending_criterion_status_criterion ON ending_criterion_status (criterion_id);

-- Form drafts autosaved while typing; one per form kind and case (case_id NULL for "open a case").
CREATE TABLE drafts (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('open_case', 'current_view', 'plan', 'plan_revision', 'review', 'ending', 'reopen')),
  case_id     TEXT REFERENCES cases(id),
  payload     TEXT NOT NULL CHECK (json_valid(payload)),
  updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX drafts_kind_case ON drafts (kind, coalesce(case_id, ''));
CREATE INDEX drafts_case ON drafts (case_id) WHERE case_id IS NOT NULL;

-- Append-only audit trail. hash = sha256 over prev_hash and the entry (computed in main), so editing
-- or removing a row breaks the chain even if someone bypasses these triggers with another tool.
CREATE TABLE audit_log (
  seq              INTEGER PRIMARY KEY AUTOINCREMENT,
  id               TEXT NOT NULL UNIQUE,
  at               TEXT NOT NULL,
  actor_id         TEXT NOT NULL,
  case_id          TEXT,
  young_person_id  TEXT,
  action           TEXT NOT NULL,
  entity           TEXT NOT NULL,
  entity_id        TEXT NOT NULL,
  before           TEXT CHECK (before IS NULL OR json_valid(before)),
  after            TEXT CHECK (after IS NULL OR json_valid(after)),
  prev_hash        TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash             TEXT NOT NULL CHECK (length(hash) = 64)
);
CREATE INDEX audit_log_case ON audit_log (case_id, seq) WHERE case_id IS NOT NULL;
CREATE INDEX audit_log_young_person ON audit_log (young_person_id, seq) WHERE young_person_id IS NOT NULL;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be removed');
END;
