-- H2's side of V12 (db/vendor/postgresql): H2's foreign keys use the single-column indexes
-- that V10's supersede, so they stay. Kept so that both databases record the same versions.
select 1;
