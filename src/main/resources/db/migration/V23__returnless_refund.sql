-- issue 20, point 2: a returnless refund ("keep the item", decision returnlessRefund.dmn): the
-- customer keeps the goods, nothing is received, the units stay held by the return. Decided when
-- a return is asked for and revised; returns made before it were not returnless.
alter table return_order add column returnless boolean default false not null;
