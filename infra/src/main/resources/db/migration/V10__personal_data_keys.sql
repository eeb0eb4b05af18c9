-- Crypto-shredding: one AES key per data subject (child, case, contact), wrapped with the master
-- key that only the application holds. Erasing a child nulls its key and the keys it owns; the
-- row stays as a tombstone so that nothing new is ever encrypted for an erased subject.
create table personal_data_key (
    subject_id  uuid        not null primary key,
    owner_id    uuid,                 -- the child whose erasure erases this key
    wrapped_key bytea,                -- null once erased
    created_at  timestamptz not null,
    erased_at   timestamptz
);
create index personal_data_key_owner_idx on personal_data_key (owner_id);

-- An erased child has no name, birth date, address or guardian in its read model.
alter table child_view
    alter column full_name drop not null,
    alter column name_key drop not null,
    add column erased boolean not null default false;

-- The stock of children in special circumstances ages each child from the age kept in clear in
-- the circumstance's own event (age at identifiedOn), never from the erasable birth date.
alter table stat_circumstance add column age_basis date;
alter table stat_child drop column birth_basis;

-- The child a contact was escalated about: its summary is erased with the child.
alter table contact add column child_id uuid;
