-- Return-rate reports read shipments and confirmed returns by time range.
create index ix_shipment_shipped_at on shipment (shipped_at, kind);
create index ix_shipment_line_shipment on shipment_line (shipment_id);
create index ix_return_order_confirmed on return_order (status, type, confirmed_at);
