-- What the desk finds rows by, read whole until now (SchemaIndexesIntegrationTest):
-- a return's notifications and webhook deliveries, shown with the return, and an
-- order's shipments, read when an exchange ships its replacement.
create index ix_notification_reference on notification (reference);
create index ix_webhook_delivery_return on webhook_delivery (return_number);
create index ix_shipment_order on shipment (order_id);
