-- Customer self-service (issue 20, point 4). Portable SQL: runs on PostgreSQL and H2 alike.

-- a customer's phone in the master data, and the phone of each sales order, copied from its
-- customer when the order is placed: the order keeps the number it was placed (and delivered)
-- with, as an order keeps its prices, when the customer's number changes later. Orders and
-- parties from before have none, so self-service does not recognise them (and refuses them
-- as it refuses an unknown order) until a clerk sees to it.
alter table party add column phone varchar(20);
alter table trade_order add column customer_phone varchar(20);

-- who asked for a return through which door: the desk (a clerk) or the public page (the
-- customer); every return so far came from the desk
alter table return_order add column channel varchar(10) default 'DESK' not null;
alter table return_order add constraint ck_return_order_channel check (channel in ('DESK', 'CUSTOMER'));
