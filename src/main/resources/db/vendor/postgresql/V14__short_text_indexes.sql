-- Free text too short for a trigram at scale: a word of two Chinese characters (划痕, a
-- scratch) or a two-character name (王伟) holds no trigram, so V8's indexes cannot narrow it
-- down, and a text that few returns hold was answered by reading every return and order.
-- PostgreSQL only; H2 runs its own V14, which has none.

-- A value's pairs of characters. The history search asks for the rows whose pairs include
-- all of the text's, then checks "contains" on those alone.
create function returns_bigrams(value text) returns text[]
    language sql immutable strict parallel safe
    as $$ select array(select distinct substr(value, i, 2) from generate_series(1, length(value) - 1) i) $$;

-- the history search's q in reason details and party names
create index ix_return_order_reason_detail_bigram on return_order using gin (returns_bigrams(lower(reason_detail)));
create index ix_party_name_bigram on party using gin (returns_bigrams(lower(name)));

-- Numbers are ASCII in practice: text with a character beyond ASCII can be in a number only
-- if the number holds such a character too, and these list the few numbers that do.
create index ix_return_order_number_multibyte on return_order (id) where octet_length(number) <> length(number);
create index ix_trade_order_number_multibyte on trade_order (id) where octet_length(number) <> length(number);
