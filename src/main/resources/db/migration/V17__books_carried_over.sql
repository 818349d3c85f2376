-- The books (issue 9) for the data of earlier versions: unit costs of order lines and stock
-- movements, the valuation per product, the postings of finance_posting as journal entries,
-- entries that bring the goods of returns confirmed before the books into inventory at cost,
-- and the credit and debit notes of those returns; then finance_posting goes. An upgraded
-- database then keeps the invariants of a new one: every entry balances, and what returns
-- moved on 1405 equals their movements at cost. The rules are those the application applies
-- to new returns. Portable SQL: PostgreSQL and H2 alike; ${timeZone} is returns.time-zone,
-- the merchant's (for the day of a time, see V15).

-- VAT: the rate of the product, which was 13 % for every order placed so far
update trade_order_line
set vat_rate = (select p.vat_rate from product p where p.id = trade_order_line.product_id);

-- Cost of a unit received: the net purchase price. A line that never moved keeps no cost.
update trade_order_line
set unit_cost = round(unit_price / (1 + vat_rate), 2)
where fulfilled_quantity > 0
  and order_id in (select o.id from trade_order o where o.type = 'PURCHASE');

-- What a unit cost the merchant before there was a moving average: the average of the costs
-- of the purchase lines (of their rounded costs, as they now stand on the lines), weighted by
-- the units received; a product never purchased costs 60 % of its net catalogue price, the
-- margin the merchant buys at
create table books_estimated_cost (
    product_id  bigint         primary key,
    unit_cost   numeric(19, 2) not null
);
insert into books_estimated_cost (product_id, unit_cost)
select p.id,
       coalesce((select round(sum(l.fulfilled_quantity * l.unit_cost) / sum(l.fulfilled_quantity), 2)
                 from trade_order_line l join trade_order o on o.id = l.order_id
                 where o.type = 'PURCHASE' and l.fulfilled_quantity > 0 and l.product_id = p.id),
                round(p.unit_price / (1 + p.vat_rate) * 0.6, 2))
from product p;

update trade_order_line
set unit_cost = (select c.unit_cost from books_estimated_cost c where c.product_id = trade_order_line.product_id)
where fulfilled_quantity > 0
  and order_id in (select o.id from trade_order o where o.type = 'SALES');

-- Each movement at the cost of the order line it moved. Returns move at the cost of the line
-- they return; a replacement names the order line itself (OriginalOrders.shipReplacement).
-- A movement whose line has no cost fails the "not null" below rather than move at a guess.
update stock_movement
set unit_cost = (select c.unit_cost from books_estimated_cost c where c.product_id = stock_movement.product_id)
where kind = 'OPENING';

update stock_movement
set unit_cost = (select l.unit_cost
                 from trade_order o join trade_order_line l on l.order_id = o.id
                 where o.number = stock_movement.reference and l.line_no = stock_movement.reference_line)
where kind in ('PURCHASE_RECEIPT', 'SALES_SHIPMENT');

update stock_movement
set unit_cost = (select l.unit_cost
                 from return_order r
                 join return_line rl on rl.return_id = r.id
                 join trade_order_line l on l.id = rl.order_line_id
                 where r.number = stock_movement.reference and rl.line_no = stock_movement.reference_line)
where kind in ('CUSTOMER_RETURN', 'SCRAP', 'SUPPLIER_RETURN');

update stock_movement
set unit_cost = (select l.unit_cost
                 from return_order r join trade_order_line l on l.order_id = r.order_id
                 where r.number = stock_movement.reference and l.line_no = stock_movement.reference_line)
where kind in ('REPLACEMENT_SHIPMENT', 'REPLACEMENT_RECEIPT');

update stock_movement set moved_value = quantity * unit_cost;

alter table stock_movement alter column unit_cost set not null;
alter table stock_movement alter column moved_value set not null;

-- Units and value on hand. The costs above are estimates, so a product sold out may keep a
-- few cents (or owe them): nothing on hand is worth nothing, and a value is never negative.
insert into stock_valuation (product_id, quantity, total_value)
select m.product_id,
       sum(m.quantity),
       case when sum(m.quantity) = 0 or sum(m.moved_value) < 0 then 0 else sum(m.moved_value) end
from stock_movement m
group by m.product_id;

-- The journal. Entries are gathered here first, so that one numbering runs over each day:
-- the entries as they were posted (batch 0, by posted_at), then the carry-overs (batch 1, by
-- the time of the return's confirmation, its cost before its replacement).
create table books_carried_entry (
    event_key   varchar(60)  primary key,
    reference   varchar(40)  not null,
    memo        varchar(300) not null,
    store_code  varchar(20),
    entry_date  date         not null,
    posted_at   timestamp with time zone not null,
    batch       integer      not null,
    sort_at     timestamp with time zone not null,
    sort_sub    integer      not null
);
create table books_carried_line (
    event_key  varchar(60)    not null,
    slot       integer        not null,
    account    varchar(10)    not null,
    debit      numeric(19, 2) not null,
    credit     numeric(19, 2) not null,
    primary key (event_key, slot)
);

-- What finance_posting holds, unchanged: the refunds to the original payment went to 2241 then,
-- supplier returns took their gross value out of 1405. The carry-overs below complete them.
insert into books_carried_entry (event_key, reference, memo, store_code, entry_date, posted_at, batch, sort_at,
        sort_sub)
select f.reference || ':BEFORE-BOOKS', f.reference, 'Return ' || f.reference || ' posted before the books',
       (select o.store_code from return_order r join trade_order o on o.id = r.order_id
        where r.number = f.reference),
       cast(to_char(f.posted_at at time zone '${timeZone}', 'YYYY-MM-DD') as date),
       f.posted_at, 0, f.posted_at, 0
from (select reference, min(posted_at) as posted_at from finance_posting group by reference) f;

insert into books_carried_line (event_key, slot, account, debit, credit)
select reference || ':BEFORE-BOOKS', entry_line, account, debit, credit
from finance_posting;

-- Carry-overs, dated on the merchant's day of the return's confirmation (the day of its entry
-- above, which the same transaction posted; a return that posted nothing has only this day)
-- and posted now: they were not posted then.
insert into books_carried_entry (event_key, reference, memo, store_code, entry_date, posted_at, batch, sort_at,
        sort_sub)
select r.number || ':COST', r.number, 'Return ' || r.number || ' at cost, carried over', o.store_code,
       cast(to_char(r.confirmed_at at time zone '${timeZone}', 'YYYY-MM-DD') as date),
       current_timestamp, 1, r.confirmed_at, 1
from return_order r join trade_order o on o.id = r.order_id
where r.status = 'CONFIRMED';

-- a customer return: the units received come into 1405 at the cost they left with, those
-- written off go on to the losses, and the cost of goods sold falls by all of them
insert into books_carried_line (event_key, slot, account, debit, credit)
select r.number || ':COST', 1, '1405', sum((rl.received_quantity - rl.scrapped_quantity) * l.unit_cost), 0
from return_order r
join return_line rl on rl.return_id = r.id
join trade_order_line l on l.id = rl.order_line_id
where r.status = 'CONFIRMED' and r.type = 'CUSTOMER'
group by r.number;

insert into books_carried_line (event_key, slot, account, debit, credit)
select r.number || ':COST', 2, '6711', sum(rl.scrapped_quantity * l.unit_cost), 0
from return_order r
join return_line rl on rl.return_id = r.id
join trade_order_line l on l.id = rl.order_line_id
where r.status = 'CONFIRMED' and r.type = 'CUSTOMER'
group by r.number;

insert into books_carried_line (event_key, slot, account, debit, credit)
select r.number || ':COST', 3, '6401', 0, sum(rl.received_quantity * l.unit_cost)
from return_order r
join return_line rl on rl.return_id = r.id
join trade_order_line l on l.id = rl.order_line_id
where r.status = 'CONFIRMED' and r.type = 'CUSTOMER'
group by r.number;

-- a supplier return: 1405 was credited with the gross value of the units handed over, the
-- movements took out their cost; the difference goes back to 1405, against the loss posted
create table books_supplier_difference (
    number      varchar(20)    primary key,
    difference  numeric(19, 2) not null
);
insert into books_supplier_difference (number, difference)
select r.number, sum(rl.received_quantity * rl.unit_price) - sum(rl.received_quantity * l.unit_cost)
from return_order r
join return_line rl on rl.return_id = r.id
join trade_order_line l on l.id = rl.order_line_id
where r.status = 'CONFIRMED' and r.type = 'SUPPLIER'
group by r.number;

insert into books_carried_line (event_key, slot, account, debit, credit)
select number || ':COST', 1, '1405',
       case when difference > 0 then difference else 0 end, case when difference < 0 then -difference else 0 end
from books_supplier_difference;

insert into books_carried_line (event_key, slot, account, debit, credit)
select number || ':COST', 2, '6711',
       case when difference < 0 then -difference else 0 end, case when difference > 0 then difference else 0 end
from books_supplier_difference;

-- an exchange's replacement: shipped to the customer it leaves 1405 for the cost of goods sold
-- (nothing is sold twice); received from the supplier it comes back in
insert into books_carried_entry (event_key, reference, memo, store_code, entry_date, posted_at, batch, sort_at,
        sort_sub)
select r.number || ':REPLACEMENT', r.number, 'Replacement of return ' || r.number || ' at cost, carried over',
       o.store_code, cast(to_char(r.confirmed_at at time zone '${timeZone}', 'YYYY-MM-DD') as date),
       current_timestamp, 1, r.confirmed_at, 2
from return_order r join trade_order o on o.id = r.order_id
where r.status = 'CONFIRMED'
  and exists (select 1 from stock_movement m
              where m.reference = r.number and m.kind in ('REPLACEMENT_SHIPMENT', 'REPLACEMENT_RECEIPT'));

insert into books_carried_line (event_key, slot, account, debit, credit)
select r.number || ':REPLACEMENT', 1, '6401', -sum(m.moved_value), 0
from return_order r join stock_movement m on m.reference = r.number and m.kind = 'REPLACEMENT_SHIPMENT'
where r.status = 'CONFIRMED'
group by r.number;

insert into books_carried_line (event_key, slot, account, debit, credit)
select r.number || ':REPLACEMENT', 2, '1405', 0, -sum(m.moved_value)
from return_order r join stock_movement m on m.reference = r.number and m.kind = 'REPLACEMENT_SHIPMENT'
where r.status = 'CONFIRMED'
group by r.number;

insert into books_carried_line (event_key, slot, account, debit, credit)
select r.number || ':REPLACEMENT', 1, '1405', sum(m.moved_value), 0
from return_order r join stock_movement m on m.reference = r.number and m.kind = 'REPLACEMENT_RECEIPT'
where r.status = 'CONFIRMED'
group by r.number;

-- (before the books a supplier exchange booked its goods as a loss, not as a receivable: the
-- replacement takes the loss back)
insert into books_carried_line (event_key, slot, account, debit, credit)
select r.number || ':REPLACEMENT', 2, '6711', 0, sum(m.moved_value)
from return_order r join stock_movement m on m.reference = r.number and m.kind = 'REPLACEMENT_RECEIPT'
where r.status = 'CONFIRMED'
group by r.number;

-- lines of zero are left out, as the ledger leaves them out; an entry left without lines (a
-- return of which nothing came back) is not posted at all
delete from books_carried_line where debit = 0 and credit = 0;
delete from books_carried_entry
where not exists (select 1 from books_carried_line l where l.event_key = books_carried_entry.event_key);

insert into journal_entry (number, entry_date, reference, event_key, memo, store_code, posted_at)
select 'JE-' || to_char(e.entry_date, 'YYYYMMDD') || '-'
           || lpad(cast(row_number() over (partition by e.entry_date
                                           order by e.batch, e.sort_at, e.reference, e.sort_sub) as varchar(10)),
                   4, '0'),
       e.entry_date, e.reference, e.event_key, e.memo, e.store_code, e.posted_at
from books_carried_entry e;

insert into journal_line (entry_id, line_no, account, debit, credit)
select j.id, row_number() over (partition by l.event_key order by l.slot), l.account, l.debit, l.credit
from books_carried_line l join journal_entry j on j.event_key = l.event_key;

-- the numbers run from 1 without gaps, so a day's count is its last number
insert into document_number_counter (kind, counter_day, last_value)
select 'JE', entry_date, count(*) from journal_entry group by entry_date;

-- Credit notes (customer returns) and debit notes (supplier returns) of the confirmed returns:
-- a line per return line of which units came back. The refund is shared in proportion to the
-- lines' value, each line's share rounded to the cent but the last, which takes the rest, so
-- that the lines add up to the refund to the cent.
create table books_note_line (
    return_id     bigint         not null,
    line_no       integer        not null,
    sku           varchar(40)    not null,
    name          varchar(200)   not null,
    quantity      integer        not null,
    unit_price    numeric(19, 2) not null,
    vat_rate      numeric(5, 4)  not null,
    line_amount   numeric(19, 2) not null,
    refund        numeric(19, 2) not null,
    total_amount  numeric(19, 2),
    note_line_no  integer,
    line_count    integer,
    gross         numeric(19, 2),
    net           numeric(19, 2),
    primary key (return_id, line_no)
);
insert into books_note_line (return_id, line_no, sku, name, quantity, unit_price, vat_rate, line_amount, refund)
select r.id, rl.line_no, p.sku, p.name, rl.received_quantity, rl.unit_price, l.vat_rate,
       rl.received_quantity * rl.unit_price, coalesce(r.refund_amount, 0)
from return_order r
join return_line rl on rl.return_id = r.id
join trade_order_line l on l.id = rl.order_line_id
join product p on p.id = l.product_id
where r.status = 'CONFIRMED' and rl.received_quantity > 0;

update books_note_line
set total_amount = (select sum(o.line_amount) from books_note_line o where o.return_id = books_note_line.return_id),
    line_count = (select count(*) from books_note_line o where o.return_id = books_note_line.return_id),
    note_line_no = (select count(*) from books_note_line o
                    where o.return_id = books_note_line.return_id and o.line_no <= books_note_line.line_no);

update books_note_line
set gross = case when total_amount = 0 then 0 else round(refund * line_amount / total_amount, 2) end
where note_line_no < line_count;

update books_note_line
set gross = refund - coalesce((select sum(o.gross) from books_note_line o
                               where o.return_id = books_note_line.return_id
                                 and o.note_line_no < books_note_line.note_line_no), 0)
where note_line_no = line_count;

update books_note_line set net = round(gross / (1 + vat_rate), 2);

insert into credit_note (number, kind, return_number, issued_on, order_number, party_code, party_name, store_code,
        refund_method, net, tax, gross, issued_at)
select case when n.type = 'CUSTOMER' then 'CN' else 'DN' end || '-' || to_char(n.issued_on, 'YYYYMMDD') || '-'
           || lpad(cast(row_number() over (partition by n.type, n.issued_on
                                           order by n.confirmed_at, n.number) as varchar(10)), 4, '0'),
       case when n.type = 'CUSTOMER' then 'CREDIT' else 'DEBIT' end,
       n.number, n.issued_on, o.number, p.code, p.name, o.store_code, n.refund_method,
       coalesce((select sum(x.net) from books_note_line x where x.return_id = n.id), 0),
       coalesce((select sum(x.gross - x.net) from books_note_line x where x.return_id = n.id), 0),
       coalesce((select sum(x.gross) from books_note_line x where x.return_id = n.id), 0),
       n.confirmed_at
from (select r.id, r.number, r.type, r.order_id, r.refund_method, r.confirmed_at,
             cast(to_char(r.confirmed_at at time zone '${timeZone}', 'YYYY-MM-DD') as date) as issued_on
      from return_order r
      where r.status = 'CONFIRMED') n
join trade_order o on o.id = n.order_id
join party p on p.id = o.party_id;

insert into credit_note_line (note_id, line_no, sku, name, quantity, unit_price, vat_rate, net, tax, gross)
select c.id, x.note_line_no, x.sku, x.name, x.quantity, x.unit_price, x.vat_rate, x.net, x.gross - x.net, x.gross
from books_note_line x
join return_order r on r.id = x.return_id
join credit_note c on c.return_number = r.number;

insert into document_number_counter (kind, counter_day, last_value)
select case when kind = 'CREDIT' then 'CN' else 'DN' end, issued_on, count(*)
from credit_note
group by kind, issued_on;

drop table books_note_line;
drop table books_carried_line;
drop table books_carried_entry;
drop table books_supplier_difference;
drop table books_estimated_cost;

-- its postings live on as the journal entries above
drop table finance_posting;
