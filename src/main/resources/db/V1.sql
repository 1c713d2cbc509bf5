-- Columnist's first schema: everything that is not yet published (DESIGN.md "The flow").
-- Times are ISO-8601 UTC text; ids are integers; booleans are 0/1.

-- Every message fetched from a mailbox, raw, with the outcome intake gave it.
-- (mailbox, uidvalidity, uid) makes a re-run after a crash find what it already took in.
CREATE TABLE messages (
  id            INTEGER PRIMARY KEY,
  mailbox       TEXT    NOT NULL,           -- user@host/folder, or user@host for POP3
  uidvalidity   INTEGER NOT NULL,           -- 0 for POP3
  uid           TEXT    NOT NULL,           -- IMAP UID, or POP3 UIDL
  message_id    TEXT,                       -- the Message-ID header, if any
  raw_hash      TEXT    NOT NULL,           -- SHA-256 of the raw bytes: the same message seen again
  content_hash  TEXT    NOT NULL,           -- SHA-256 of sender + text, to tell duplicates
  sender        TEXT,
  subject       TEXT,
  size          INTEGER NOT NULL,
  raw           BLOB    NOT NULL,
  outcome       TEXT    NOT NULL CHECK (outcome IN
                  ('question', 'follow_up', 'command', 'auto_reply', 'bounce', 'spam',
                   'duplicate', 'rejected')),
  reason        TEXT    NOT NULL,
  warnings      TEXT,                       -- e.g. charset fallbacks, one per line
  question_id   INTEGER REFERENCES questions(id),
  outbox_id     INTEGER REFERENCES outbox(id),   -- what a bounce reports on
  fetched_at    TEXT    NOT NULL,
  UNIQUE (mailbox, uidvalidity, uid)
);
CREATE INDEX messages_message_id ON messages(message_id);
CREATE INDEX messages_hash ON messages(content_hash);
CREATE INDEX messages_raw_hash ON messages(mailbox, raw_hash);

-- A queue entry: a reader's question, or a column the coach starts without one.
CREATE TABLE questions (
  id             INTEGER PRIMARY KEY,
  state          TEXT    NOT NULL CHECK (state IN
                   ('new', 'accepted', 'in_review', 'scheduled', 'published',
                    'declined', 'spam', 'withdrawn', 'merged')),
  version        INTEGER NOT NULL DEFAULT 1,   -- bumped on every change; guards concurrent edits
  origin         TEXT    NOT NULL CHECK (origin IN ('mail', 'coach')),
  sender_address TEXT,
  sender_name    TEXT,
  subject        TEXT,
  body           TEXT    NOT NULL DEFAULT '',  -- the question as extracted (quotes, signature cut)
  message_id     INTEGER REFERENCES messages(id),
  notify_reader  INTEGER NOT NULL DEFAULT 1,
  merged_into    INTEGER REFERENCES questions(id),
  scheduled_at   TEXT,
  published_at   TEXT,
  archive_path   TEXT,                          -- relative to the archive folder
  url            TEXT,
  received_at    TEXT    NOT NULL,
  updated_at     TEXT    NOT NULL
);
CREATE INDEX questions_state ON questions(state, received_at);

CREATE TABLE attachments (
  id           INTEGER PRIMARY KEY,
  message_id   INTEGER NOT NULL REFERENCES messages(id),
  name         TEXT,
  content_type TEXT    NOT NULL,
  size         INTEGER NOT NULL
);
CREATE INDEX attachments_message ON attachments(message_id);

-- The column being written for a question; its text is in draft_versions.
CREATE TABLE drafts (
  id           INTEGER PRIMARY KEY,
  question_id  INTEGER NOT NULL UNIQUE REFERENCES questions(id),
  slug         TEXT,
  created_at   TEXT    NOT NULL
);

-- Every save of a draft, kept: the archive-file text (front matter + sections).
CREATE TABLE draft_versions (
  draft_id     INTEGER NOT NULL REFERENCES drafts(id),
  version      INTEGER NOT NULL,
  text         TEXT    NOT NULL,
  saved_by     TEXT    NOT NULL,
  saved_at     TEXT    NOT NULL,
  PRIMARY KEY (draft_id, version)
);

-- Who did what, when and why: every queue transition and every other editorial act.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           TEXT    NOT NULL,
  actor        TEXT    NOT NULL,
  action       TEXT    NOT NULL,
  question_id  INTEGER REFERENCES questions(id),
  from_state   TEXT,
  to_state     TEXT,
  note         TEXT
);
CREATE INDEX audit_log_question ON audit_log(question_id, at);

CREATE TABLE subscribers (
  id              INTEGER PRIMARY KEY,
  address         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  state           TEXT    NOT NULL CHECK (state IN ('pending', 'confirmed', 'unsubscribed')),
  token           TEXT    NOT NULL UNIQUE,   -- for the confirm and unsubscribe links
  source          TEXT    NOT NULL,          -- mail, web, cli
  created_at      TEXT    NOT NULL,
  confirmed_at    TEXT,
  unsubscribed_at TEXT
);

-- All mail Columnist sends, queued first and sent (with retries) from here.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  kind            TEXT    NOT NULL,        -- ack, decline, published, newsletter, confirm, ...
  to_address      TEXT    NOT NULL,
  subject         TEXT    NOT NULL,
  body_text       TEXT    NOT NULL,
  body_html       TEXT,
  message_id      TEXT    NOT NULL UNIQUE, -- ours, so replies and bounces find their way back
  reply_to_ids    TEXT,                    -- the thread's Message-IDs, space-separated; the last is answered
  question_id     INTEGER REFERENCES questions(id),
  state           TEXT    NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT    NOT NULL,
  last_error      TEXT,
  created_at      TEXT    NOT NULL,
  sent_at         TEXT
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
CREATE INDEX outbox_to ON outbox(to_address, kind, created_at);

-- Editor accounts; the password only as a slow hash.
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL UNIQUE,
  password_hash TEXT    NOT NULL,
  created_at    TEXT    NOT NULL
);
