package io.smiledesk.understanding;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rough guess of a message's language from its function words: Spanish, Portuguese,
 * French, German or Italian against English, and English when unsure (the offline reader
 * understands only English).
 */
final class Languages {

	static final String ENGLISH = "en";

	private static final Map<String, Set<String>> WORDS = Map.of(ENGLISH,
			Set.of("i", "you", "the", "a", "to", "my", "is", "for", "and", "can", "need", "want", "appointment",
					"please", "thanks", "thank", "have", "me", "do", "what", "at", "it", "with", "cleaning", "tooth",
					"teeth", "hi", "hello", "yes", "book", "i'm", "im", "when", "your", "are", "of", "this", "next",
					"hurts", "would", "like"),
			"es",
			Set.of("hola", "quiero", "una", "cita", "para", "por", "favor", "gracias", "necesito", "mañana", "el",
					"los", "las", "del", "que", "es", "con", "mi", "tengo", "buenos", "buenas", "días", "dias",
					"cuánto", "cuanto", "cuesta", "dolor", "muela", "limpieza", "puedo", "quisiera", "usted", "sí",
					"está", "hay", "tarde", "diente", "dientes", "señor", "adiós", "adios", "lunes", "martes",
					"miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo", "hoy", "ayer",
					"noche", "semana", "próximo", "proximo", "próxima", "proxima", "viene", "mediodía", "mediodia",
					"pasado", "después", "despues", "hasta", "desde", "entre", "horas", "mes", "mejor", "puede",
					"tienen", "media", "menos", "finde", "enero", "febrero", "marzo", "abril", "junio", "julio",
					"agosto", "septiembre", "octubre", "noviembre", "diciembre", "dentro", "hace", "mañanas", "estoy",
					"muy", "pero", "cómo", "qué", "dónde", "donde", "cuándo", "cuando", "también", "algo", "hacer",
					"hacerme", "seguro", "segura", "hablar", "habla", "hablan", "español", "embarazada",
					"blanqueamiento", "empaste", "dentista", "cambiar", "mover", "cancelar", "reservar", "agendar",
					"mismo", "misma", "hora", "sábados", "sabados", "siguiente", "ninguna", "ninguno", "sirve", "kiero",
					"nuevo", "nueva", "perdón", "perdon", "ahora", "podría", "podria", "tiene",
					// words Italian or French share, and those of the body and its
					// troubles:
					// "me di un golpe en la cara", "se me hinchó la cara"
					"la", "un", "en", "soy", "cara", "boca", "fiebre", "duele", "golpe", "hinchada", "hinchado",
					"hinchó", "hinchazón", "sangra", "sangrado", "mandíbula", "cerrar", "abrir", "alérgica", "alérgico",
					"alergia", "anestesia", "igualmente", "pueden", "entonces", "toda", "todo", "izquierdo", "derecho",
					"encía", "encías", "roto", "rota", "cobran", "aviso", "saber", "abren", "kisiera"),
			"pt",
			Set.of("olá", "ola", "quero", "uma", "consulta", "obrigado", "obrigada", "preciso", "amanhã", "amanha",
					"não", "nao", "com", "meu", "minha", "tenho", "bom", "dia", "você", "voce", "dente", "limpeza",
					"marcar", "gostaria", "está", "tchau", "um", "para", "por", "favor", "sim", "dor"),
			"fr",
			Set.of("bonjour", "je", "veux", "voudrais", "une", "rendez", "vous", "pour", "merci", "demain", "les",
					"des", "est", "avec", "mon", "ma", "j'ai", "dent", "dents", "nettoyage", "s'il", "plait", "plaît",
					"besoin", "oui", "non", "bonsoir", "au", "revoir", "le", "la", "un", "mal", "du", "lundi", "mardi",
					"mercredi", "jeudi", "vendredi", "samedi", "dimanche", "aujourd'hui", "hier", "matin", "soir",
					"midi", "minuit", "semaine", "prochain", "prochaine", "après", "avant", "heure", "heures", "jours",
					"mois", "janvier", "février", "avril", "juin", "juillet", "août", "septembre", "octobre",
					"novembre", "décembre", "dans", "vers", "jusqu'à", "à", "ce", "cette", "cet", "plutôt",
					"après-midi", "aprem", "dem1", "week-end", "matinée", "soirée", "veille", "lendemain", "ça",
					"c'est", "est-ce", "suis", "avez", "êtes", "nous", "mais", "pas", "ne", "très", "aussi", "quoi",
					"comment", "où", "quand", "qui", "rdv", "blanchiment", "détartrage", "plombage", "dentiste",
					"parle", "parlez", "français", "finalement", "souhaite", "samedis", "horaires", "ouvert",
					"ouverts"),
			"de",
			Set.of("hallo", "ich", "möchte", "mochte", "einen", "termin", "für", "fur", "bitte", "danke", "morgen",
					"der", "die", "das", "und", "ist", "mit", "mein", "meine", "habe", "zahn", "zahnreinigung", "guten",
					"tag", "brauche", "nicht", "ja", "nein", "tschüss", "wie", "viel", "kostet", "zähne", "schmerzen"),
			"it",
			Set.of("ciao", "vorrei", "appuntamento", "per", "grazie", "domani", "il", "di", "che", "con", "mio", "mia",
					"ho", "dente", "denti", "pulizia", "buongiorno", "sono", "bisogno", "prenotare", "sì", "quanto",
					"costa", "una", "un", "la", "mal", "arrivederci", "salve"));

	private Languages() {
	}

	/**
	 * ISO 639-1 code: another language needs more of its words than English has, and two
	 * of them unless the message is only a word or two ("hola", "merci beaucoup",
	 * "lundi"). Day, month and time words count ("mardi prochain à 15h", "el lunes").
	 */
	static String guess(String text) {
		List<String> words = Texts.words(text);
		if (words.isEmpty()) {
			return ENGLISH;
		}
		int english = hits(ENGLISH, words);
		String best = ENGLISH;
		int bestHits = 0;
		boolean tie = false;
		for (String language : List.of("es", "pt", "fr", "de", "it")) {
			int hits = hits(language, words);
			if (hits > bestHits) {
				best = language;
				bestHits = hits;
				tie = false;
			}
			else if (hits == bestHits && hits > 0) {
				tie = true;
			}
		}
		boolean enough = bestHits >= 2 || words.size() <= 2 && bestHits == 1;
		return enough && !tie && bestHits > english ? best : ENGLISH;
	}

	/** Whether the text has English words enough to be English (two of them). */
	static boolean saysEnglish(String text) {
		return hits(ENGLISH, Texts.words(text)) >= 2;
	}

	private static int hits(String language, List<String> words) {
		Set<String> known = WORDS.get(language);
		return (int) words.stream().filter(known::contains).count();
	}

}
