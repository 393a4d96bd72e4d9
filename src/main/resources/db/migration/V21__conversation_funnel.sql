-- How far each journey towards a booking got, for the funnel on the campaigns dashboard: a conversation a patient
-- started, or a campaign's thread from its first message. When each stage was first reached; no personal data and no
-- foreign keys (a read model, fed by events: see io.smiledesk.campaign.FunnelRecorder).
create table conversation_funnel (
    -- the conversation's id for one a patient started, the campaign's id for a campaign's
    journey_id        uuid                     not null primary key,
    clinic_id         integer                  not null,
    conversation_id   uuid,
    campaign_id       uuid,
    started_at        timestamp with time zone not null,
    service_known_at  timestamp with time zone,
    times_offered_at  timestamp with time zone,
    held_at           timestamp with time zone,
    booked_at         timestamp with time zone
);
create index ix_conversation_funnel_started on conversation_funnel (clinic_id, started_at);
