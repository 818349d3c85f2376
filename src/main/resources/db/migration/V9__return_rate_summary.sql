-- Return-rate reports at scale (issue 7): units shipped and returned per month of the merchant's
-- calendar, kept by the same transactions that ship orders and confirm returns, so that a report
-- over a year reads a few thousand monthly rows instead of every shipment and return line. Days
-- at the edges of a period are still read from the shipments and returns themselves.
-- Each month has rows per store and product, and rows over all stores (store_code ''), over all
-- products (product_id 0) and over both, so that every report reads only the rows it shows.
-- Portable SQL: PostgreSQL and H2 alike.

-- units of ORIGINAL shipments (sales) and receipts (purchases)
create table return_rate_shipped (
    month_start date        not null,
    order_type  varchar(10) not null,
    store_code  varchar(20) not null,
    product_id  bigint      not null,
    quantity    bigint      not null,
    primary key (month_start, order_type, store_code, product_id)
);

-- units and value of confirmed returns, by the month of their confirmation; reason '' is all
-- reasons, and the rows of one reason are kept over all products only
create table return_rate_returned (
    month_start  date           not null,
    return_type  varchar(10)    not null,
    store_code   varchar(20)    not null,
    product_id   bigint         not null,
    reason       varchar(20)    not null,
    quantity     bigint         not null,
    amount       numeric(19, 2) not null,
    primary key (month_start, return_type, store_code, product_id, reason)
);

-- for which calendar (time zone) the months were built; no row: not built yet. The
-- application builds the summary from the raw rows when it starts without a row or with
-- another zone, and on an administrator's request after rows were loaded around it.
create table return_rate_summary_state (
    id         integer     primary key,
    time_zone  varchar(64) not null,
    built_at   timestamp with time zone not null
);
