-- Return numbers without a lock held to the commit (issue 7): each request draws from a
-- sequence, which never waits, and a day's numbers count from the day's base, the first value
-- drawn that day: RT-yyyyMMdd-(value - base + 1). Only the first request of a day takes the
-- lock row, to record the base. Portable SQL: PostgreSQL and H2 alike.

create sequence return_number_seq start with 1 increment by 1;

create table return_number_day (
    counter_day  date   primary key,
    base_value   bigint not null
);

-- days numbered before continue where they were: the sequence's first value gives last + 1
insert into return_number_day (counter_day, base_value)
select counter_day, 1 - last_value from return_number_counter;

drop table return_number_counter;
