-- Issue 19: a worker finds a case by its short number, the last 7 digits of its id
-- (CaseId.number); the worklist matches this expression.
create index worklist_case_number on worklist_case ((right(case_id::text, 7)));
