-- Issue 20: the service directory and the referrals of cases to its providers (projection
-- "referrals"); notes, decline reasons and outcomes sealed with the case's key.
create table provider (
    provider_id   uuid         not null primary key,
    name          varchar(200) not null,
    type          varchar(20)  not null,
    contact_point varchar(300)
);
create table provider_area (
    provider_id uuid       not null,
    area_code   varchar(5) not null,
    primary key (provider_id, area_code)
);
create index provider_area_area_idx on provider_area (area_code);
create table referral_case (
    case_id   uuid       not null primary key,
    area_code varchar(5) not null
);
create table referral (
    referral_id    uuid         not null primary key,
    case_id        uuid         not null,
    provider_id    uuid         not null,
    service        varchar(30)  not null,
    status         varchar(10)  not null,
    referred_at    timestamptz  not null,
    referred_by    varchar(100),
    answer_due_at  timestamptz  not null,
    answered_at    timestamptz,
    answered_by    varchar(100),
    decline_reason text,
    completed_on   date,
    outcome        text,
    note           text
);
create index referral_case_idx on referral (case_id);
create index referral_provider_idx on referral (provider_id, referred_at);

-- A provider's user (role PROVIDER) sees and answers only the referrals made to their provider.
alter table app_user add column provider_id uuid;
