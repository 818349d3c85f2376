-- Receiving (issue 8): the warehouse records, line by line, the units that came back (or went to
-- the supplier) and of those the units written off, and the day the goods came back. Until then
-- a line's received_quantity is null and the return holds the units asked; from then on it
-- holds the units received. This replaces the condition of a whole line (RESTOCK or SCRAP).
-- Portable SQL: PostgreSQL and H2 alike; ${timeZone} is returns.time-zone, the merchant's.

alter table return_line add column received_quantity integer;
alter table return_line add column scrapped_quantity integer default 0 not null;
alter table return_order add column returned_on date;

-- a return processed before (it has a refund method, which only processing sets) received
-- every unit it asked for; a scrapped line wrote all of them off
update return_line
set received_quantity = quantity,
    scrapped_quantity = case when line_condition = 'SCRAP' then quantity else 0 end
where return_id in (select id from return_order where refund_method is not null);

-- its goods came back on the merchant's day of its latest processing. Not "cast(x at time zone
-- ... as date)": PostgreSQL's "at time zone" gives the local time in the zone, whose date is the
-- merchant's day, but H2's keeps a timestamp with time zone and its cast to date takes the day
-- in the session's zone (the JVM's): the UTC day on a server in UTC. to_char formats the local
-- time in the zone on both.
update return_order
set returned_on = (select cast(to_char(max(e.at) at time zone '${timeZone}', 'YYYY-MM-DD') as date)
                   from return_event e
                   where e.return_id = return_order.id and e.status = 'PROCESSED')
where refund_method is not null;

alter table return_line drop column line_condition;

alter table return_line add constraint ck_return_line_received
    check (received_quantity is null or (received_quantity >= 0 and received_quantity <= quantity));
alter table return_line add constraint ck_return_line_scrapped
    check (scrapped_quantity >= 0 and scrapped_quantity <= coalesce(received_quantity, 0));
