-- Free-text search at scale (issue 7): trigram indexes let "contains" (lower(x) like '%…%')
-- use an index instead of reading every row. PostgreSQL only: pg_trgm is one of its standard
-- extensions (trusted: the database owner may create it). H2 runs its own V8, which has none.
-- Patterns of fewer than three characters have no trigram and are still answered by a scan.
create extension if not exists pg_trgm;

-- the history search's q: return number, reason detail, order number, party name
create index ix_return_order_number_trgm on return_order using gin (lower(number) gin_trgm_ops);
create index ix_return_order_reason_detail_trgm on return_order using gin (lower(reason_detail) gin_trgm_ops);
create index ix_trade_order_number_trgm on trade_order using gin (lower(number) gin_trgm_ops);
-- also the party filter of the history search and the order search's party name
create index ix_party_name_trgm on party using gin (lower(name) gin_trgm_ops);
