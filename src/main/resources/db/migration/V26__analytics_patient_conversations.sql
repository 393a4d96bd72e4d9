-- A conversation counts for chat conversion once the patient has written in it: the clinic's own first messages
-- (campaigns, reminders, booking emails) start conversations too. Conversations recorded so far were the patients'.
alter table analytics_conversation add column patient_wrote boolean not null default false;
update analytics_conversation set patient_wrote = true;
