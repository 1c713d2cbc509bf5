-- The outbox (issue 12): a sender claims each row (queued -> sending) before it sends it, so that
-- two senders never send the same mail. A claim older than the lease belongs to a sender that
-- died and is taken over. SQLite cannot change a CHECK in place: the table is built anew.
CREATE TABLE outbox_v3 (
  id              INTEGER PRIMARY KEY,
  kind            TEXT    NOT NULL,
  to_address      TEXT    NOT NULL,
  subject         TEXT    NOT NULL,
  body_text       TEXT    NOT NULL,
  body_html       TEXT,
  message_id      TEXT    NOT NULL UNIQUE,
  reply_to_ids    TEXT,
  question_id     INTEGER REFERENCES questions(id),
  state           TEXT    NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT    NOT NULL,
  last_error      TEXT,
  created_at      TEXT    NOT NULL,
  sent_at         TEXT,
  claimed_at      TEXT,                    -- when a sender took it; set while state = 'sending'
  claimed_by      TEXT                     -- which sender (host, process, instance)
);
INSERT INTO outbox_v3(id, kind, to_address, subject, body_text, body_html, message_id, reply_to_ids,
                      question_id, state, attempts, next_attempt_at, last_error, created_at, sent_at)
  SELECT id, kind, to_address, subject, body_text, body_html, message_id, reply_to_ids,
         question_id, state, attempts, next_attempt_at, last_error, created_at, sent_at
  FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v3 RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
CREATE INDEX outbox_to ON outbox(to_address, kind, created_at);
