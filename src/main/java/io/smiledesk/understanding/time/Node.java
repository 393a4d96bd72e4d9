package io.smiledesk.understanding.time;

/**
 * A meaning found for tokens [start, end), with how many rules built it ({@code cost}: of
 * two readings of the same words, the simpler wins) and when it was found ({@code seq}).
 */
record Node(int start, int end, Sem sem, int cost, int seq) {

	int length() {
		return end - start;
	}

}
