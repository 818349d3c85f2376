-- H2's side of V14 (db/vendor/postgresql): the history search reads the rows for short text
-- on H2, which is fine at the sizes the zero-setup default is for. Kept so that both
-- databases record the same versions.
select 1;
