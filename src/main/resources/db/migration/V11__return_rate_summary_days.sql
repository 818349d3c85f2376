-- Return-rate reports over a rolling period (issue 7): the days of a month that a period takes
-- only in part were read from the shipment and return lines, which cost more than the whole
-- months from the summary. The same summary per day of the merchant's calendar, with the same
-- rows over all stores, all products and both. Portable SQL: PostgreSQL and H2 alike.
create table return_rate_shipped_day (
    day_start   date        not null,
    order_type  varchar(10) not null,
    store_code  varchar(20) not null,
    product_id  bigint      not null,
    quantity    bigint      not null,
    primary key (day_start, order_type, store_code, product_id)
);

create table return_rate_returned_day (
    day_start    date           not null,
    return_type  varchar(10)    not null,
    store_code   varchar(20)    not null,
    product_id   bigint         not null,
    reason       varchar(20)    not null,
    quantity     bigint         not null,
    amount       numeric(19, 2) not null,
    primary key (day_start, return_type, store_code, product_id, reason)
);

-- the application builds both grains at its next start
delete from return_rate_summary_state;
