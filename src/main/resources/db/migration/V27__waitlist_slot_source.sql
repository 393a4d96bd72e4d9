-- A freed time now also comes from a provider's time off taken away, not only from an appointment: the source is
-- the appointment or the time off it came from.
alter table waitlist_slot rename column source_appointment_id to source_id;
