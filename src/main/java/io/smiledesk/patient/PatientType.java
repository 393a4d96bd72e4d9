package io.smiledesk.patient;

public enum PatientType {

	EXISTING, COLD_LEAD, NEW

}
