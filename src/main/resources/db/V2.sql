-- The editorial queue (issue 5): a privacy-check override covers one draft version only, so an
-- edit after scheduling is checked again when the column is published.
ALTER TABLE questions ADD COLUMN privacy_override TEXT;
ALTER TABLE questions ADD COLUMN privacy_override_version INTEGER;
