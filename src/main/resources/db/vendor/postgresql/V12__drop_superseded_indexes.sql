-- The single-column indexes that V10's lead with the same column (PostgreSQL's foreign keys need
-- no index of their own).
drop index ix_trade_order_line_product;
drop index ix_return_line_order_line;
drop index ix_trade_order_party;
drop index ix_return_order_order;
