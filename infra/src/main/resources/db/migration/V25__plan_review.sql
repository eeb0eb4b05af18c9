-- Issue 19: the supervisor sees the plan's goals before approving it, and can send the plan back
-- with a comment (SupportPlanReturnedEvent). Goals and comment are sealed with the case's key.
alter table worklist_case
    add column plan_goals          text,
    add column plan_returned_at    timestamptz,
    add column plan_returned_by    varchar(100),
    add column plan_return_comment text;

-- The goals of plans submitted before this version come from replaying the worklist.
truncate worklist_case, worklist_intervention;
delete from tokenentry where processorname = 'worklist';
