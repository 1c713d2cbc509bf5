-- Readers on the site (issue 16): questions asked from the form, responses to columns, votes on
-- whether a column helped, and what intake cuts from a mail as its signature. SQLite cannot change
-- a CHECK in place: questions is built anew to allow origin 'form'.

CREATE TABLE questions_v5 (
  id             INTEGER PRIMARY KEY,
  state          TEXT    NOT NULL CHECK (state IN
                   ('new', 'accepted', 'in_review', 'scheduled', 'published',
                    'declined', 'spam', 'withdrawn', 'merged')),
  version        INTEGER NOT NULL DEFAULT 1,
  origin         TEXT    NOT NULL CHECK (origin IN ('mail', 'form', 'coach')),
  sender_address TEXT,
  sender_name    TEXT,
  subject        TEXT,
  body           TEXT    NOT NULL DEFAULT '',
  message_id     INTEGER REFERENCES messages(id),
  notify_reader  INTEGER NOT NULL DEFAULT 1,
  merged_into    INTEGER REFERENCES questions(id),
  scheduled_at   TEXT,
  published_at   TEXT,
  archive_path   TEXT,
  url            TEXT,
  received_at    TEXT    NOT NULL,
  updated_at     TEXT    NOT NULL,
  privacy_override         TEXT,
  privacy_override_version INTEGER,
  signature                TEXT  -- a form question's cut sign-off (mail keeps it with the message)
);
INSERT INTO questions_v5(id, state, version, origin, sender_address, sender_name, subject, body,
                         message_id, notify_reader, merged_into, scheduled_at, published_at,
                         archive_path, url, received_at, updated_at, privacy_override,
                         privacy_override_version)
  SELECT id, state, version, origin, sender_address, sender_name, subject, body, message_id,
         notify_reader, merged_into, scheduled_at, published_at, archive_path, url, received_at,
         updated_at, privacy_override, privacy_override_version
  FROM questions;
DROP TABLE questions;
ALTER TABLE questions_v5 RENAME TO questions;
CREATE INDEX questions_state ON questions(state, received_at);

-- The signature intake cut from a reader's mail (name, job, company, phone), kept with the raw
-- mail for the privacy check; NULL when the mail had none.
ALTER TABLE messages ADD COLUMN signature TEXT;

-- A question asked on the site, waiting for its writer to confirm the address by a mailed link;
-- confirmed, it becomes a question (origin 'form'); unconfirmed, it is deleted once expired.
CREATE TABLE form_questions (
  id            INTEGER PRIMARY KEY,
  address       TEXT    NOT NULL COLLATE NOCASE,
  name          TEXT,              -- as typed, optional: shown to the coach only
  subject       TEXT,
  body          TEXT    NOT NULL,  -- the question with the profile lines the form asked for
  signature     TEXT,              -- the sign-off cut from the question, as intake cuts a mail's
  consent       INTEGER NOT NULL,  -- to publication in anonymised form
  nonce         TEXT    NOT NULL,  -- the one confirmation link that works
  created_at    TEXT    NOT NULL,
  expires_at    TEXT    NOT NULL,
  question_id   INTEGER REFERENCES questions(id)  -- set when confirmed
);
CREATE INDEX form_questions_expires ON form_questions(expires_at);

-- A reader's response to a published column (by slug), from the form under the column.
-- unconfirmed: waiting for the mailed link; pending: confirmed, waiting for the coach;
-- approved: on the page; rejected, spam: never shown. A coach's reply shows under it.
CREATE TABLE responses (
  id            INTEGER PRIMARY KEY,
  slug          TEXT    NOT NULL,
  state         TEXT    NOT NULL
                CHECK (state IN ('unconfirmed', 'pending', 'approved', 'rejected', 'spam')),
  name          TEXT    NOT NULL,  -- shown on the page
  address       TEXT    NOT NULL COLLATE NOCASE,  -- never shown
  body          TEXT    NOT NULL,  -- Markdown as typed (edited only for a typo, by the coach)
  notify        INTEGER NOT NULL DEFAULT 0,  -- mail the writer when the coach replies
  nonce         TEXT,              -- the one confirmation link that works; NULL once used
  created_at    TEXT    NOT NULL,
  expires_at    TEXT    NOT NULL,  -- an unconfirmed response is deleted after this
  confirmed_at  TEXT,
  decided_at    TEXT,
  decided_by    TEXT,              -- a coach's name, or 'trusted' when it needed no one
  reply         TEXT,              -- the coach's reply, Markdown
  replied_at    TEXT,
  replied_by    TEXT
);
CREATE INDEX responses_of_slug ON responses(slug, state, confirmed_at);
CREATE INDEX responses_state ON responses(state, created_at);
CREATE INDEX responses_address ON responses(address, state);

-- "Was this helpful?": one row per visitor per column per day. The visitor is a keyed hash of
-- the day's salt, the column and the client's address; the address itself is never stored, and
-- the salt of a past day is deleted, so no row can be tied to an address afterwards.
CREATE TABLE votes (
  day      TEXT    NOT NULL,  -- YYYY-MM-DD
  slug     TEXT    NOT NULL,
  visitor  TEXT    NOT NULL,
  helpful  INTEGER NOT NULL,  -- 1 yes, 0 no
  PRIMARY KEY (day, slug, visitor)
);
CREATE INDEX votes_of_slug ON votes(slug, helpful);

-- The salt of the current day only (one row).
CREATE TABLE vote_salts (
  day   TEXT PRIMARY KEY,
  salt  TEXT NOT NULL
);

-- What a reader who said "no" thought was missing: for the coach, never for the page. One text
-- per "no" vote (the same day and visitor hash as the vote's): a later one replaces it.
CREATE TABLE vote_feedback (
  id         INTEGER PRIMARY KEY,
  day        TEXT NOT NULL,
  slug       TEXT NOT NULL,
  visitor    TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (day, slug, visitor)
);
CREATE INDEX vote_feedback_of_slug ON vote_feedback(slug, id);
