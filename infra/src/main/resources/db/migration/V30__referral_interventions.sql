-- Issue 20: a referral can carry out an intervention of the support plan.
alter table referral add column intervention_id uuid;
