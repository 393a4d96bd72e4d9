package io.smiledesk.conversation;

/** How a handoff came to be with a member of staff, or why it is not. */
public enum AssignmentMethod {

	/** The next suitable member of staff on duty. */
	ROUND_ROBIN,
	/** A member of staff took it from the queue. */
	CLAIMED,
	/** Nobody suitable was on duty: it waits in the queue for anyone to claim. */
	UNASSIGNED

}
