package io.smiledesk.clinic;

/**
 * Implemented by a module that records money in the clinic's currency (the ledger,
 * deposits). While any does, the clinic's currency cannot change: amounts in two
 * currencies could no longer be added up, and nothing converts them.
 */
public interface MoneyHeld {

	/** Whether this module holds any amount in {@code currency}. */
	boolean holdsMoneyIn(String currency);

}
