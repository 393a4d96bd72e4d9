alter table patient drop column date_of_birth;
alter table patient add constraint uk_patient_email_hash unique (email_hash);
alter table patient add constraint uk_patient_phone_hash unique (phone_hash);
