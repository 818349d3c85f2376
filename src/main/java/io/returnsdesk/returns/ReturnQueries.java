package io.returnsdesk.returns;

import java.util.Map;
import java.util.Optional;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.finance.CreditNote;
import io.returnsdesk.finance.Notes;
import io.returnsdesk.returns.internal.ReturnOrder;
import io.returnsdesk.returns.internal.ReturnOrders;
import io.returnsdesk.sales.OriginalOrders;
import io.returnsdesk.sales.TradeOrder;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads returns for the API, the task forms and the modules that refer to them; the
 * history is {@link ReturnHistory}'s.
 */
@Service
public class ReturnQueries {

	private final ReturnOrders returns;

	private final OriginalOrders orders;

	private final Notes notes;

	ReturnQueries(ReturnOrders returns, OriginalOrders orders, Notes notes) {
		this.returns = returns;
		this.orders = orders;
		this.notes = notes;
	}

	/** The return with its lines, history and, once confirmed, its note's number. */
	@Transactional(readOnly = true)
	public ReturnView get(String number) {
		return view(this.returns.getByNumber(number));
	}

	/**
	 * The return as {@link #get(String)} shows it, when it is of one of the stores; else
	 * {@link ReturnNotFoundException}, as for a return there is not.
	 */
	@Transactional(readOnly = true)
	public ReturnView get(String number, StoreScope scope) {
		return view(this.returns.getByNumber(number, scope));
	}

	private ReturnView view(ReturnOrder order) {
		String note = (order.getStatus() == ReturnStatus.CONFIRMED)
				? this.notes.of(order.getNumber()).map(CreditNote::getNumber).orElse(null) : null;
		return ReturnView.of(order, note);
	}

	/** The return's id, number and status. */
	@Transactional(readOnly = true)
	public ReturnReference reference(String number) {
		return reference(this.returns.getByNumber(number));
	}

	/**
	 * The return's id, number and status, when it is of one of the stores; else
	 * {@link ReturnNotFoundException}, as for a return there is not.
	 */
	@Transactional(readOnly = true)
	public ReturnReference reference(String number, StoreScope scope) {
		return reference(this.returns.getByNumber(number, scope));
	}

	/** The store of the return's original order; none when there is no such return. */
	@Transactional(readOnly = true)
	public Optional<String> storeOf(String number) {
		// by its natural id: inside a step the session answers, without flushing first
		return this.returns.findByNumber(number).map((order) -> order.getOrder().getStoreCode());
	}

	/**
	 * The return's id, number and status, its row locked until the caller's transaction
	 * ends: a change that depends on the return's status waits for another such change.
	 */
	@Transactional
	public ReturnReference lock(String number) {
		return reference(this.returns.lockByNumber(number).orElseThrow(() -> new ReturnNotFoundException(number)));
	}

	private static ReturnReference reference(ReturnOrder order) {
		return new ReturnReference(order.getId(), order.getNumber(), order.getStatus());
	}

	/** Units of each line of the order that a new return may still take. */
	@Transactional(readOnly = true)
	public Map<Integer, Integer> returnable(String orderNumber) {
		TradeOrder order = this.orders.get(orderNumber);
		return this.returns.returnable(order, null);
	}

}
