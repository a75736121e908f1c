-- When a case becomes overdue: its earliest pending legal deadline (detention until released, appeal until
-- filed or settled, payment until paid or declined). "Overdue" is then overdue_at < now, which an index serves.
ALTER TABLE case_summary ADD COLUMN overdue_at TIMESTAMP WITH TIME ZONE;
UPDATE case_summary SET overdue_at = detention_deadline WHERE released_at IS NULL AND detention_deadline IS NOT NULL;
UPDATE case_summary SET overdue_at = appeal_deadline WHERE appeal_outcome IS NULL AND appeal_filed_at IS NULL
  AND appeal_deadline IS NOT NULL AND (overdue_at IS NULL OR appeal_deadline < overdue_at);
UPDATE case_summary SET overdue_at = payment_due_at WHERE payment_status IS NULL
  AND payment_due_at IS NOT NULL AND (overdue_at IS NULL OR payment_due_at < overdue_at);
CREATE INDEX ix_case_summary_status_overdue ON case_summary (status, overdue_at);
