-- journal entries and credit notes are numbered when the transaction that writes them is about
-- to commit (DocumentNumbers): the row is inserted first, its number set just before the
-- commit, so that the kind's counter is locked only for that moment. A committed document
-- always has its number; within its own transaction it has none yet.
alter table journal_entry alter column number drop not null;
alter table credit_note alter column number drop not null;
