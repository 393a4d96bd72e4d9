-- Contact details, date of birth and appointment notes become AES-GCM ciphertext (longer than the plain values).
-- Email and phone are found through keyed hashes instead; ciphertext is randomised, so uniqueness moves there too.
alter table patient drop constraint uk_patient_email;
alter table patient drop constraint uk_patient_phone;
alter table patient alter column email set data type varchar(600);
alter table patient alter column phone set data type varchar(200);
alter table patient add column email_hash varchar(64);
alter table patient add column phone_hash varchar(64);
alter table patient add column date_of_birth_enc varchar(200);
alter table appointment alter column notes set data type varchar(10000);
