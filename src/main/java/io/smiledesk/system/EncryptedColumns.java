package io.smiledesk.system;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;

/**
 * Every column an entity stores through {@link EncryptedText} or {@link EncryptedDate},
 * read from the entities JPA knows: a new encrypted field is rotated without anyone
 * remembering to list it (a hand-kept list had missed the channel and campaign columns).
 */
final class EncryptedColumns {

	record Column(String table, String id, String name) {
	}

	private EncryptedColumns() {
	}

	static List<Column> of(Metamodel metamodel) {
		List<Column> columns = new ArrayList<>();
		for (EntityType<?> entity : metamodel.getEntities()) {
			Class<?> type = entity.getJavaType();
			String table = table(type);
			String id = null;
			List<String> encrypted = new ArrayList<>();
			for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
				for (Field field : level.getDeclaredFields()) {
					if (field.isAnnotationPresent(Id.class)) {
						id = column(field);
					}
					Convert convert = field.getAnnotation(Convert.class);
					if (convert != null && (convert.converter() == EncryptedText.class
							|| convert.converter() == EncryptedDate.class)) {
						encrypted.add(column(field));
					}
				}
			}
			if (id == null) {
				continue; // an embedded key: no encrypted columns live there today
			}
			for (String name : encrypted) {
				columns.add(new Column(table, id, name));
			}
		}
		columns.sort(Comparator.comparing(Column::table).thenComparing(Column::name));
		return List.copyOf(columns);
	}

	private static String table(Class<?> type) {
		Table table = type.getAnnotation(Table.class);
		return table != null && !table.name().isBlank() ? table.name() : snake(type.getSimpleName());
	}

	private static String column(Field field) {
		jakarta.persistence.Column column = field.getAnnotation(jakarta.persistence.Column.class);
		return column != null && !column.name().isBlank() ? column.name() : snake(field.getName());
	}

	/** Spring Boot's default naming: camel case to lower snake case. */
	static String snake(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

}
