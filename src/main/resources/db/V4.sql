-- The newsletter (issue 15): confirmed subscribers with a history, suppression after bounces and
-- complaints, and bulk mail in the outbox (one body, a row per recipient), sent at a rate that
-- survives restarts. SQLite cannot change a CHECK in place: subscribers and outbox are built anew.

CREATE TABLE subscribers_v4 (
  id                INTEGER PRIMARY KEY,
  address           TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  state             TEXT    NOT NULL
                    CHECK (state IN ('pending', 'confirmed', 'unsubscribed', 'suppressed')),
  source            TEXT    NOT NULL,  -- how they opted in: form, mail, cli, import
  created_at        TEXT    NOT NULL,  -- when they asked, or were added
  confirmed_at      TEXT,
  confirm_nonce     TEXT,              -- the one confirmation link that works now; NULL once used
  confirm_sent_at   TEXT,              -- the last confirmation mail queued (one a day at most)
  unsubscribed_at   TEXT,
  suppressed_at     TEXT,
  suppressed_reason TEXT,
  soft_bounces      INTEGER NOT NULL DEFAULT 0  -- in a row, without a delivery between
);
INSERT INTO subscribers_v4(id, address, state, source, created_at, confirmed_at, unsubscribed_at)
  SELECT id, address, state, CASE source WHEN 'web' THEN 'form' ELSE source END, created_at,
         confirmed_at, unsubscribed_at
  FROM subscribers;
DROP TABLE subscribers;
ALTER TABLE subscribers_v4 RENAME TO subscribers;
CREATE INDEX subscribers_state ON subscribers(state);

-- What happened to each subscriber, for the coach: asked, confirmed, unsubscribed, bounced...
CREATE TABLE subscriber_events (
  id            INTEGER PRIMARY KEY,
  subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
  at            TEXT    NOT NULL,
  event         TEXT    NOT NULL,
  detail        TEXT
);
CREATE INDEX subscriber_events_of ON subscriber_events(subscriber_id, id);

-- One body for many outbox rows (a newsletter): each row's "personal" value replaces the body's
-- marker in its text, HTML and headers (an unsubscribe link of its own).
CREATE TABLE outbox_bodies (
  id         INTEGER PRIMARY KEY,
  kind       TEXT    NOT NULL,
  subject    TEXT    NOT NULL,
  body_text  TEXT    NOT NULL,
  body_html  TEXT,
  headers    TEXT,               -- extra header lines, "Name: value" each
  marker     TEXT    NOT NULL,
  not_after  TEXT,               -- rows not sent by then are held back (a stale column)
  created_at TEXT    NOT NULL
);

CREATE TABLE outbox_v4 (
  id              INTEGER PRIMARY KEY,
  kind            TEXT    NOT NULL,
  to_address      TEXT    NOT NULL,
  subject         TEXT,                    -- NULL for a row of a shared body
  body_text       TEXT,
  body_html       TEXT,
  body_id         INTEGER REFERENCES outbox_bodies(id),
  personal        TEXT,                    -- replaces the shared body's marker
  message_id      TEXT    NOT NULL UNIQUE,
  reply_to_ids    TEXT,
  question_id     INTEGER REFERENCES questions(id),
  state           TEXT    NOT NULL
                  CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT    NOT NULL,
  last_error      TEXT,
  created_at      TEXT    NOT NULL,
  sent_at         TEXT,
  claimed_at      TEXT,
  claimed_by      TEXT,
  CHECK ((body_id IS NULL) = (body_text IS NOT NULL AND subject IS NOT NULL))
);
INSERT INTO outbox_v4(id, kind, to_address, subject, body_text, body_html, message_id, reply_to_ids,
                      question_id, state, attempts, next_attempt_at, last_error, created_at, sent_at,
                      claimed_at, claimed_by)
  SELECT id, kind, to_address, subject, body_text, body_html, message_id, reply_to_ids,
         question_id, state, attempts, next_attempt_at, last_error, created_at, sent_at,
         claimed_at, claimed_by
  FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v4 RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
CREATE INDEX outbox_to ON outbox(to_address, kind, created_at);
CREATE INDEX outbox_of_body ON outbox(body_id, state);

-- A newsletter send: one published column, its recipients fixed when it was published (the
-- outbox rows of its body).
CREATE TABLE newsletter_sends (
  id           INTEGER PRIMARY KEY,
  question_id  INTEGER REFERENCES questions(id),
  archive_path TEXT    NOT NULL,
  title        TEXT    NOT NULL,
  url          TEXT    NOT NULL,
  body_id      INTEGER NOT NULL UNIQUE REFERENCES outbox_bodies(id),
  recipients   INTEGER NOT NULL,
  created_at   TEXT    NOT NULL
);

-- Token buckets that outlive the process (the newsletter's sending rate).
CREATE TABLE rate_buckets (
  name       TEXT PRIMARY KEY,
  tokens     REAL NOT NULL,
  updated_at TEXT NOT NULL
);

-- Keys the instance makes for itself (the one that signs readers' links).
CREATE TABLE secrets (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
