-- H2's side of V8 (db/vendor/postgresql): H2 has no trigram index, so the free-text search
-- reads the rows, which is fine at the sizes the zero-setup default is for. Kept so that both
-- databases record the same versions.
select 1;
