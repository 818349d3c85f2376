/**
 * Proof attached to returns: refund vouchers and photos, their type told by their
 * content, each stored once per return.
 */
package io.returnsdesk.attachments;
