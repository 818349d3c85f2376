package io.returnsdesk.returns.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.returnsdesk.catalog.VatRate;
import io.returnsdesk.finance.Account;
import io.returnsdesk.finance.CreditNote;
import io.returnsdesk.finance.GeneralLedger;
import io.returnsdesk.finance.JournalEntryDraft;
import io.returnsdesk.finance.JournalLine;
import io.returnsdesk.finance.NoteDraft;
import io.returnsdesk.finance.Notes;
import io.returnsdesk.inventory.MovementKind;
import io.returnsdesk.inventory.StockLedger;
import io.returnsdesk.inventory.StockMovement;
import io.returnsdesk.returns.RefundMethod;
import io.returnsdesk.returns.Resolution;
import io.returnsdesk.returns.ReturnStateException;
import io.returnsdesk.returns.ReturnStatus;
import io.returnsdesk.returns.ReturnType;
import io.returnsdesk.returns.internal.RefundShares.Share;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a confirmed return writes into the books (DESIGN.md, *Books*): its journal entry —
 * the refund split into revenue and output VAT, the goods back in inventory or written
 * off at the cost they were shipped with, or a supplier's receivable against the goods at
 * cost, the input VAT transferred out and the loss — its credit or debit note, and the
 * entry of an exchange's replacement. The amounts at cost are those the stock movements
 * moved, so that 1405 always equals what returns moved at cost. Each is posted once, as a
 * retried job may ask again.
 */
@Service
public class ReturnBooks {

	private final ReturnOrders returns;

	private final StockLedger stock;

	private final GeneralLedger ledger;

	private final Notes notes;

	ReturnBooks(ReturnOrders returns, StockLedger stock, GeneralLedger ledger, Notes notes) {
		this.returns = returns;
		this.stock = stock;
		this.ledger = ledger;
		this.notes = notes;
	}

	/** Posts the return's entry and issues its note, once; after its stock moved. */
	@Transactional
	public void post(String number) {
		ReturnOrder order = this.returns.getByNumber(number);
		if (order.getStatus() != ReturnStatus.PROCESSED && order.getStatus() != ReturnStatus.CONFIRMED) {
			throw new ReturnStateException(number, order.getStatus(), "booked");
		}
		List<StockMovement> moved = this.stock.movementsOf(number);
		// a customer's refund and the fee kept of it take back the sales they stand for
		List<Share> shares = RefundShares.of(order.getLines(),
				(order.getType() == ReturnType.CUSTOMER)
						? order.getSettlement().getRefundAmount().add(order.getRestockingFee())
						: order.getSettlement().getRefundAmount());
		List<JournalLine> lines = (order.getType() == ReturnType.CUSTOMER) ? customerLines(order, shares, moved)
				: supplierLines(order, shares, moved);
		this.ledger.post(
				new JournalEntryDraft(number + ":RETURN", number, memo(order), order.getOrder().getStoreCode(), lines));
		// a dearer replacement is a sale, charged, not credited: the merchant's invoice
		if (RefundWithinReceivedValue.exchangeCharge(order).signum() == 0) {
			this.notes.issue(note(order, shares));
		}
	}

	/**
	 * Posts the entry of an exchange's replacement, once: goods sold again leave
	 * inventory at their cost without revenue (Dr 6401 / Cr 1405); goods a supplier sends
	 * come back in at the cost the returned ones left at, settling its receivable (Dr
	 * 1405 / Cr 1221).
	 */
	@Transactional
	public void postReplacement(String number) {
		ReturnOrder order = this.returns.getByNumber(number);
		List<StockMovement> moved = this.stock.movementsOf(number);
		List<JournalLine> lines = new ArrayList<>();
		if (order.getType() == ReturnType.CUSTOMER) {
			BigDecimal out = value(moved, MovementKind.REPLACEMENT_SHIPMENT).negate();
			lines.add(JournalLine.debit(Account.COST_OF_GOODS_SOLD, out));
			lines.add(JournalLine.credit(Account.INVENTORY, out));
		}
		else {
			BigDecimal in = value(moved, MovementKind.REPLACEMENT_RECEIPT);
			lines.add(JournalLine.debit(Account.INVENTORY, in));
			lines.add(JournalLine.credit(Account.SUPPLIER_RETURN_RECEIVABLE, in));
		}
		this.ledger.post(new JournalEntryDraft(number + ":REPLACEMENT", number,
				"Replacement for %s · %s 换货".formatted(number, number), order.getOrder().getStoreCode(), lines));
	}

	/**
	 * Dr 6001 net, Dr 2221.01 tax / Cr the refund's account, Cr 6051 the restocking fee
	 * kept (an exchange: the difference its replacements make,
	 * {@link ExchangeDifference}); Dr 1405 the units restocked, Dr 6711 the units written
	 * off / Cr 6401 all units back, at the cost they moved at.
	 */
	private static List<JournalLine> customerLines(ReturnOrder order, List<Share> shares, List<StockMovement> moved) {
		BigDecimal in = value(moved, MovementKind.CUSTOMER_RETURN);
		BigDecimal writtenOff = value(moved, MovementKind.SCRAP).negate();
		List<JournalLine> lines = new ArrayList<>();
		if (order.getResolution() == Resolution.EXCHANGE) {
			lines.addAll(
					ExchangeDifference.of(order).lines(order, refundAccount(order.getSettlement().getRefundMethod())));
		}
		else {
			lines.add(JournalLine.debit(Account.SALES_REVENUE, net(shares)));
			lines.add(JournalLine.debit(Account.OUTPUT_VAT, tax(shares)));
			lines.add(JournalLine.credit(refundAccount(order.getSettlement().getRefundMethod()),
					order.getSettlement().getRefundAmount()));
		}
		if (order.getRestockingFee().signum() > 0) {
			lines.add(JournalLine.credit(Account.OTHER_INCOME, order.getRestockingFee()));
		}
		lines.add(JournalLine.debit(Account.INVENTORY, in.subtract(writtenOff)));
		lines.add(JournalLine.debit(Account.LOSSES, writtenOff));
		lines.add(JournalLine.credit(Account.COST_OF_GOODS_SOLD, in));
		return lines;
	}

	/**
	 * Dr 1221 what the supplier owes / Cr 1405 the goods at cost, Cr 2221.03 the input
	 * VAT of the refund, the difference to 6711; an exchange owes the goods back instead,
	 * at cost.
	 */
	private static List<JournalLine> supplierLines(ReturnOrder order, List<Share> shares, List<StockMovement> moved) {
		BigDecimal out = value(moved, MovementKind.SUPPLIER_RETURN).negate();
		if (order.getResolution() == Resolution.EXCHANGE) {
			return List.of(JournalLine.debit(Account.SUPPLIER_RETURN_RECEIVABLE, out),
					JournalLine.credit(Account.INVENTORY, out));
		}
		BigDecimal refund = order.getSettlement().getRefundAmount();
		BigDecimal tax = tax(shares);
		return List.of(JournalLine.debit(Account.SUPPLIER_RETURN_RECEIVABLE, refund),
				JournalLine.credit(Account.INVENTORY, out), JournalLine.credit(Account.INPUT_VAT_TRANSFERRED_OUT, tax),
				JournalLine.balancing(Account.LOSSES, out.add(tax).subtract(refund)));
	}

	private static NoteDraft note(ReturnOrder order, List<Share> shares) {
		var party = order.getOrder().getParty();
		return new NoteDraft((order.getType() == ReturnType.CUSTOMER) ? CreditNote.Kind.CREDIT : CreditNote.Kind.DEBIT,
				order.getNumber(), order.getOrder().getNumber(), party.getCode(), party.getName(),
				order.getOrder().getStoreCode(), order.getSettlement().getRefundMethod().name(),
				(order.getType() == ReturnType.CUSTOMER && order.getResolution() == Resolution.EXCHANGE)
						? ExchangeDifference.noteLines(order)
						: shares.stream()
							.map((share) -> new NoteDraft.Line(share.line().getSku(), share.line().getName(),
									share.line().getHeldQuantity(), share.line().getUnitPrice(),
									share.line().getOrderLine().getVatRate(), share.gross()))
							.toList(),
				(order.getType() == ReturnType.CUSTOMER) ? order.getRestockingFee() : BigDecimal.ZERO.setScale(2));
	}

	private static String memo(ReturnOrder order) {
		String number = order.getNumber();
		String orderNumber = order.getOrder().getNumber();
		return (order.getType() == ReturnType.CUSTOMER)
				? "Customer return %s of %s · 客户退货 %s（原单 %s）".formatted(number, orderNumber, number, orderNumber)
				: "Supplier return %s of %s · 退供应商 %s（原单 %s）".formatted(number, orderNumber, number, orderNumber);
	}

	private static BigDecimal value(List<StockMovement> moved, MovementKind kind) {
		return moved.stream()
			.filter((movement) -> movement.getKind() == kind)
			.map(StockMovement::getMovedValue)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	private static BigDecimal net(List<Share> shares) {
		return shares.stream()
			.map((share) -> VatRate.split(share.gross(), share.line().getOrderLine().getVatRate()).net())
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	private static BigDecimal tax(List<Share> shares) {
		return shares.stream()
			.map((share) -> VatRate.split(share.gross(), share.line().getOrderLine().getVatRate()).tax())
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	private static Account refundAccount(RefundMethod method) {
		return switch (method) {
			case ORIGINAL_PAYMENT -> Account.CUSTOMER_RECEIVABLE;
			case BANK_TRANSFER -> Account.BANK;
			case CASH -> Account.CASH;
			case STORE_CREDIT -> Account.STORE_CREDIT;
		};
	}

}
