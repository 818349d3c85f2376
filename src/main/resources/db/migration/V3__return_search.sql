-- History search (issue 3): sorting by amount and filtering by store, party, SKU and day stay
-- on indexes when return_order holds a million rows. Portable SQL: PostgreSQL and H2 alike.

-- the sum of the return's line amounts, kept by the ReturnOrder aggregate whenever its lines change
alter table return_order add column total_amount numeric(19, 2);
update return_order set total_amount = (
    select coalesce(sum(l.quantity * l.unit_price), 0) from return_line l where l.return_id = return_order.id);
alter table return_order alter column total_amount set not null;

-- sort keys (id breaks ties, so pages do not overlap) and the day range
create index ix_return_order_requested_at on return_order (requested_at, id);
create index ix_return_order_total_amount on return_order (total_amount, id);
create index ix_return_order_type on return_order (type, requested_at);

-- store and party filters reach return_order through its original order (ix_return_order_order)
create index ix_trade_order_store on trade_order (store_code, id);
create index ix_trade_order_party on trade_order (party_id);

-- SKU filter: product (unique sku) -> order lines -> return lines (ix_return_line_order_line)
create index ix_trade_order_line_product on trade_order_line (product_id);
