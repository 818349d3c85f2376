-- A user bound to stores reads only the news of their stores' returns: each notification keeps the
-- store of the return it is about (null: of no store, such as the review of every store's return
-- rates, which is the head office's). Portable SQL: PostgreSQL and H2 alike.
alter table notification add column store_code varchar(20);

update notification
   set store_code = (select o.store_code from return_order r join trade_order o on o.id = r.order_id
                      where r.number = notification.reference)
 where reference is not null;
