-- History search at scale (issue 7): the SKU filter goes product -> order lines -> return lines
-- -> returns, the party filter party -> orders -> returns. With the next id in each index the
-- lines' and orders' rows are not read at all (index-only scans): for a SKU of a million return
-- lines that is thousands of random page reads fewer. They lead with the same columns as the
-- single-column indexes of V1 and V3, which PostgreSQL drops in its V12 (H2 keeps them: its
-- foreign keys use them). Portable SQL: PostgreSQL and H2 alike.
create index ix_trade_order_line_product_line on trade_order_line (product_id, id);
create index ix_return_line_order_line_return on return_line (order_line_id, return_id);
create index ix_trade_order_party_order on trade_order (party_id, id);
create index ix_return_order_order_return on return_order (order_id, id);
