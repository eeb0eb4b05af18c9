-- Issue 17: a support's kind is free text a worker types (it may say where the child is), so it
-- is encrypted with the child's key like the note; once the child is erased it reads as nothing.
alter table child_support alter column kind drop not null;
