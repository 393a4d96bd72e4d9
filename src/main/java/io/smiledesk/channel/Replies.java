package io.smiledesk.channel;

import io.smiledesk.clinic.ClinicProfile;

/** What the channel rules answer, in the language the patient wrote in. */
final class Replies {

	private Replies() {
	}

	static String optedOut(String language, ClinicProfile clinic) {
		return switch (language) {
			case "es" -> clinic.name() + ": no le enviaremos más mensajes por aquí. Responda START para volver a"
					+ " recibirlos. Sus citas siguen igual; para cambiarlas llame al " + clinic.phone() + ".";
			case "fr" -> clinic.name() + " : vous ne recevrez plus de messages ici. Répondez START pour les"
					+ " recevoir à nouveau. Vos rendez-vous ne changent pas ; pour les modifier, appelez le "
					+ clinic.phone() + ".";
			default -> clinic.name() + ": you will get no more messages here. Reply START to receive them again."
					+ " Your appointments stay as they are; to change one, call " + clinic.phone() + ".";
		};
	}

	static String optedIn(String language, ClinicProfile clinic) {
		return switch (language) {
			case "es" ->
				clinic.name() + ": volverá a recibir nuestros mensajes. Responda STOP para dejar de" + " recibirlos.";
			case "fr" -> clinic.name() + " : vous recevrez à nouveau nos messages. Répondez STOP pour ne plus les"
					+ " recevoir.";
			default -> clinic.name() + ": you will receive our messages again. Reply STOP to stop them.";
		};
	}

	static String help(String language, ClinicProfile clinic) {
		return switch (language) {
			case "es" -> clinic.name() + ", " + clinic.phone() + ". Escríbanos para pedir, cambiar o cancelar una"
					+ " cita. Responda STOP para no recibir más mensajes.";
			case "fr" -> clinic.name() + ", " + clinic.phone() + ". Écrivez-nous pour prendre, déplacer ou annuler un"
					+ " rendez-vous. Répondez STOP pour ne plus recevoir de messages.";
			default -> clinic.name() + ", " + clinic.phone() + ". Text us to book, move or cancel an appointment."
					+ " Reply STOP to opt out.";
		};
	}

}
