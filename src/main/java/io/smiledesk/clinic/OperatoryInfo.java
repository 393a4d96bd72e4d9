package io.smiledesk.clinic;

public record OperatoryInfo(String id, String name, boolean active) {
}
