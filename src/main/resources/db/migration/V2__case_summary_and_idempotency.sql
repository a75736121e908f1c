-- The case list: one row per case, kept current from the engine's history events (dashboard package),
-- so that listing thousands of open cases is one indexed query. No personal data.
CREATE TABLE case_summary (
  case_number         VARCHAR(32)  PRIMARY KEY,
  process_instance_id VARCHAR(64)  NOT NULL,
  jurisdiction        VARCHAR(8)   NOT NULL,
  status              VARCHAR(8)   NOT NULL,
  stage               VARCHAR(64),
  stage_name          VARCHAR(255),
  lawyer              VARCHAR(64),
  opened_at           TIMESTAMP WITH TIME ZONE,
  closed_at           TIMESTAMP WITH TIME ZONE,
  detention_deadline  TIMESTAMP WITH TIME ZONE,
  released_at         TIMESTAMP WITH TIME ZONE,
  hearing_at          TIMESTAMP WITH TIME ZONE,
  verdict             VARCHAR(16),
  appeal_deadline     TIMESTAMP WITH TIME ZONE,
  appeal_filed_at     TIMESTAMP WITH TIME ZONE,
  appeal_outcome      VARCHAR(16),
  payment_due_at      TIMESTAMP WITH TIME ZONE,
  payment_status      VARCHAR(16),
  next_what           VARCHAR(32),
  next_due_at         TIMESTAMP WITH TIME ZONE,
  incidents           INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX ix_case_summary_status_due ON case_summary (status, next_due_at);
CREATE INDEX ix_case_summary_lawyer ON case_summary (lawyer, status);

-- Answers already given to POST /api/alerts, by the client's Idempotency-Key.
CREATE TABLE idempotent_request (
  idempotency_key VARCHAR(128)  NOT NULL,
  user_id         VARCHAR(64)   NOT NULL,
  request_hash    VARCHAR(64)   NOT NULL,
  response        VARCHAR(8000),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_idempotent_request PRIMARY KEY (idempotency_key, user_id)
);
