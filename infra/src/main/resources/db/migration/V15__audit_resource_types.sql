-- Resource types named after the API's path segments, the longest now
-- "child-friendly-communes" (23 characters): room for any segment of the API.
alter table audit_entry alter column resource_type type varchar(60);
