-- A message that is not a transcript's (an overdue-handoff email to a manager) is written once per key, so that a
-- redelivered event does not queue it twice.
alter table channel_outbound add column idempotency_key varchar(200);
alter table channel_outbound add constraint uq_channel_outbound_idempotency unique (clinic_id, idempotency_key);
