-- issue 13 (#20): the restocking fee a return keeps of its refund (decision restockingFee.dmn),
-- priced when it is requested and again on the units received, posted to 6051 and shown on
-- its credit note. Returns and notes made before it had none.
alter table return_order add column restocking_fee numeric(19, 2) default 0 not null;
alter table return_order add constraint ck_return_order_restocking_fee check (restocking_fee >= 0);

alter table credit_note add column restocking_fee numeric(19, 2) default 0 not null;
alter table credit_note add constraint ck_credit_note_restocking_fee check (restocking_fee >= 0 and restocking_fee <= gross);
