-- issue 20, point 2: a returnless refund ("keep the item") receives nothing, so the returned
-- summary, whose quantity and amount are the units received, lost it. The units the customer
-- kept and their value (at the original order's price) are counted apart; the report adds them
-- to the units returned (they are returned sales) and shows them in a column of their own.
-- Rows written before it had no returnless refund in them: 0. Portable SQL: PostgreSQL and H2.
alter table return_rate_returned add column returnless_quantity bigint default 0 not null;
alter table return_rate_returned add column returnless_amount numeric(19, 2) default 0 not null;
alter table return_rate_returned_day add column returnless_quantity bigint default 0 not null;
alter table return_rate_returned_day add column returnless_amount numeric(19, 2) default 0 not null;
-- V23 and V24 came in one release: no returnless refund was confirmed before, and the built
-- summary stays (a large database is not summed up again at its next start).
