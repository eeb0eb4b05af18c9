-- Issue 17: no personal data in clear at rest.

-- Every wrapped key names the master key that wrapped it; keys wrapped before key ids existed were
-- wrapped with the SHA-256 of the secret ("legacy") and are re-wrapped by the rotation task.
alter table personal_data_key add column key_id varchar(32);
update personal_data_key set key_id = 'legacy' where wrapped_key is not null;
create index personal_data_key_key_id_idx on personal_data_key (key_id) where wrapped_key is not null;

-- Application secrets: the PBKDF2 salt (not secret, key_id null) and the blind index's key
-- (wrapped with the master key like a subject's key).
create table privacy_secret (
    name   varchar(40) not null primary key,
    key_id varchar(32),
    value  bytea       not null
);

-- The read models keep personal data sealed with its subject's key ("pt1:<subject>:<base64>"),
-- which is longer than the text: the columns become text (the API's bounds still hold the text).
-- The duplicate search matches keyed tokens (a blind index) instead of names and dates in clear.
drop index child_view_birth_idx;
alter table child_view
    drop column name_key,
    drop column birth_date,
    add column birth_date  text,
    add column birth_token varchar(32),
    add column name_tokens varchar(32)[],
    alter column full_name type text,
    alter column address type text,
    alter column guardian_name type text,
    alter column guardian_relation type text,
    alter column guardian_phone type text;
create index child_view_birth_token_idx on child_view (birth_token);
create index child_view_name_tokens_idx on child_view using gin (name_tokens);
alter table child_circumstance alter column end_reason type text;
alter table child_support alter column kind type text;
alter table worklist_intervention alter column provider type text;

-- What these tables held in clear is replaced by their projections replaying the events, which
-- now seal it: their tokens are removed and the rows with them.
truncate child_view, child_circumstance, child_support, child_incident, child_area, child_case,
    worklist_case, worklist_intervention, contact;
delete from tokenentry where processorname in ('children', 'worklist', 'hotline');
