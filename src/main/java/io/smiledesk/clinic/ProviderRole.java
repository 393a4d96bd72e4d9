package io.smiledesk.clinic;

public enum ProviderRole {

	DENTIST, HYGIENIST

}
