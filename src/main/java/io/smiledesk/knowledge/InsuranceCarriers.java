package io.smiledesk.knowledge;

import java.util.List;

/**
 * The insurance carriers the clinic works with, by name, as staff keep them: the
 * insurance module answers. Only the clinic's list, never a patient's own coverage, so a
 * patient asking "do you take Delta Dental?" learns what any patient may.
 */
public interface InsuranceCarriers {

	/** The carriers' names; empty when the clinic has not listed any. */
	List<String> names();

}
