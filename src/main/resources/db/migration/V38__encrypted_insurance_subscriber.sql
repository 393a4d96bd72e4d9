-- A subscriber's member id, name and date of birth become ciphertext, like the patient's own fields. The member id is
-- found, and kept unique per plan, through a keyed hash instead (ciphertext is randomised). Dates written before this
-- stay readable as plain text until the crypto-rotate command encrypts them; hashes of older rows are filled at start.
alter table insurance_subscriber drop constraint uq_insurance_subscriber_member;
alter table insurance_subscriber alter column member_id set data type varchar(600);
alter table insurance_subscriber alter column name set data type varchar(1000);
alter table insurance_subscriber add column member_id_hash varchar(64);
alter table insurance_subscriber add column date_of_birth_enc varchar(200);
update insurance_subscriber set date_of_birth_enc = cast(date_of_birth as varchar(10)) where date_of_birth is not null;
alter table insurance_subscriber drop column date_of_birth;
alter table insurance_subscriber add constraint uq_insurance_subscriber_member unique (clinic_id, plan_id, member_id_hash);
