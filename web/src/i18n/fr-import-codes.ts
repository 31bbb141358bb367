/**
 * French of the spreadsheet imports' coded messages (src/domain/import-messages.ts,
 * cargo-import-messages.ts, personnel-import-messages.ts): by code, with the same
 * `{{placeholders}}` as the English. Column names (`weight`, `site`) stay as the file writes them.
 * `coded.test.ts` checks every code has its French and no French is left over.
 */

/** A problem and how to fix it. */
export interface FrenchProblem {
  readonly message: string;
  readonly hint: string;
}

export const frImportProblems: Readonly<Record<string, FrenchProblem>> = {
  // Shared: the header, the cells beyond it, the file
  "import.header.unknown_column": {
    message: "colonne inconnue « {{header}} »",
    hint: "utilisez l’une de : {{known}} (ou commencez l’en-tête par # pour ignorer la colonne, p. ex. « # {{header}} »)",
  },
  "import.header.second_column": { message: "une deuxième colonne {{column}} (la première est la colonne {{first}})", hint: "gardez une seule colonne de chaque nom ; supprimez ou renommez l’autre" },
  "import.header.missing_column": { message: "aucune colonne {{column}}", hint: "ajoutez une colonne nommée « {{column}} »" },
  "import.header.missing_column_aka": { message: "aucune colonne {{column}}", hint: "ajoutez une colonne nommée « {{column}} » (ou {{aliases}})" },
  "import.cell.beyond_last_csv": {
    message: "{{value}} est au-delà de la dernière colonne (l’en-tête en a {{width}})",
    hint: "supprimez-la, ou mettez entre guillemets une cellule qui contient le séparateur",
  },
  "import.cell.beyond_last_xlsx": { message: "{{value}} est au-delà de la dernière colonne (l’en-tête en a {{width}})", hint: "supprimez-la, ou donnez un en-tête à sa colonne" },
  "import.cell.too_long": { message: "la valeur de {{column}} a {{length}} caractères", hint: "écrivez au plus {{max}} caractères" },
  "import.file.csv_syntax": {
    message: "fichier CSV mal formé ({{detail}})",
    hint: "vérifiez les guillemets : une cellule qui contient un guillemet s’écrit \"comme \"\"ceci\"\"\", et chaque guillemet ouvrant doit être fermé",
  },
  "import.file.empty_csv": { message: "le fichier est vide", hint: "la première ligne nomme les colonnes : {{columns}}, …" },
  "import.file.empty_sheet": { message: "la feuille est vide", hint: "la première rangée nomme les colonnes : {{columns}}, …" },
  "import.file.utf16": { message: "le fichier est en UTF-16 (« Texte Unicode » d’Excel)", hint: "enregistrez-le en « CSV UTF-8 » et importez ce fichier" },
  "import.file.not_xlsx": { message: "classeur .xlsx illisible ({{detail}})", hint: "enregistrez-le de nouveau depuis Excel en .xlsx, ou en CSV UTF-8" },
  "import.file.no_worksheet": { message: "le classeur n’a aucune feuille", hint: "enregistrez-le de nouveau depuis Excel, le tableau sur sa première feuille" },
  "import.file.no_such_sheet": { message: "aucune feuille nommée « {{sheet}} »", hint: "le classeur contient {{sheets}}" },
  "import.file.old_xls": { message: "{{file}} est un ancien classeur .xls", hint: "enregistrez-le en .xlsx (ou en CSV UTF-8) et importez ce fichier" },
  "import.file.not_spreadsheet": { message: "impossible d’importer {{file}}", hint: "utilisez un fichier .csv ou .xlsx (voir {{doc}})" },
  "import.file.sheet_for_csv": { message: "une feuille est indiquée, mais un fichier CSV n’a qu’un tableau", hint: "laissez la feuille vide pour un fichier CSV" },

  // Cargo
  "cargo.no_rows": { message: "aucune ligne de fret sous l’en-tête", hint: "ajoutez une rangée par ligne de fret sous l’en-tête" },
  "cargo.header.bad_mass_unit": { message: "unité inconnue « {{unit}} » pour la colonne {{column}}", hint: "écrivez kg, lb ou t, p. ex. « {{column}} (kg) »" },
  "cargo.header.bad_length_unit": { message: "unité inconnue « {{unit}} » pour la colonne {{column}}", hint: "écrivez cm, in, m ou ft, p. ex. « {{column}} (cm) »" },
  "cargo.header.unit_not_allowed": { message: "la colonne {{column}} ne prend pas d’unité", hint: "écrivez l’en-tête « {{column}} »" },
  "cargo.header.missing_measured": { message: "aucune colonne {{column}}", hint: "ajoutez une colonne nommée « {{column}} » (ou {{aliases}}) avec son unité, p. ex. « {{example}} »" },
  "cargo.header.weight_no_unit": {
    message: "la colonne weight n’a pas d’unité",
    hint: "nommez-la « weight (kg) », « weight (lb) » ou « weight (t) », ou ajoutez une colonne weight_unit",
  },
  "cargo.header.dimension_no_unit": {
    message: "la colonne {{column}} n’a pas d’unité",
    hint: "nommez-la « {{column}} (cm) » ou « {{column}} (in) », ou ajoutez une colonne dimension_unit",
  },
  "cargo.cell.empty": { message: "{{column}} manquant", hint: "écrivez la valeur de {{column}}, p. ex. {{example}}" },
  "cargo.number.not_number": { message: "{{value}} n’est pas un nombre", hint: "écrivez uniquement des chiffres, p. ex. {{example}}" },
  "cargo.number.ambiguous": {
    message: "« {{value}} » est ambigu : séparateur de milliers ou virgule décimale ?",
    hint: "écrivez {{plain}} ou {{decimal}}",
  },
  "cargo.number.thousands": { message: "« {{value}} » contient un séparateur de milliers", hint: "écrivez uniquement des chiffres, p. ex. {{example}}" },
  "cargo.number.decimal_comma": {
    message: "« {{value}} » a une virgule décimale",
    hint: "écrivez {{fixed}} : le séparateur décimal est le point dans les fichiers séparés par des virgules",
  },
  "cargo.number.unit_in_cell": {
    message: "« {{value}} » porte une unité dans la cellule",
    hint: "écrivez seulement le nombre (p. ex. {{example}}) ; l’unité va dans la colonne d’unité ou l’en-tête, p. ex. « weight (kg) »",
  },
  "cargo.number.not_positive": { message: "{{value}} n’est pas supérieur à 0", hint: "écrivez la valeur pour une pièce, p. ex. {{example}}" },
  "cargo.whole.not_whole_up": { message: "{{value}} n’est pas un nombre entier", hint: "écrivez un nombre entier à partir de {{min}}, p. ex. {{example}}" },
  "cargo.whole.not_whole_range": { message: "{{value}} n’est pas un nombre entier", hint: "écrivez un nombre entier de {{min}} à {{max}}, p. ex. {{example}}" },
  "cargo.whole.too_small_up": { message: "{{value}} est trop petit", hint: "écrivez un nombre entier d’au moins {{min}}" },
  "cargo.whole.too_small_range": { message: "{{value}} est trop petit", hint: "écrivez un nombre entier de {{min}} à {{max}}" },
  "cargo.whole.too_large_range": { message: "{{value}} est trop grand", hint: "écrivez un nombre entier de {{min}} à {{max}}" },
  "cargo.boolean.not_yes_no": { message: "{{value}} n’est ni oui ni non", hint: "écrivez yes ou no (ou true/false, 1/0)" },
  "cargo.id.bad": {
    message: "« {{value}} » n’est pas un identifiant valide",
    hint: "un identifiant de fret ne contient que des lettres, des chiffres et . _ : -, et commence par une lettre ou un chiffre",
  },
  "cargo.id.bad_example": {
    message: "« {{value}} » n’est pas un identifiant valide",
    hint: "un identifiant de fret ne contient que des lettres, des chiffres et . _ : -, et commence par une lettre ou un chiffre, p. ex. {{example}}",
  },
  "cargo.id.repeated_line": { message: "l’identifiant « {{value}} » est déjà utilisé à la ligne {{first}}", hint: "donnez à chaque ligne de fret son propre identifiant" },
  "cargo.id.repeated_row": { message: "l’identifiant « {{value}} » est déjà utilisé à la rangée {{first}}", hint: "donnez à chaque ligne de fret son propre identifiant" },
  "cargo.id.in_scenario": {
    message: "l’identifiant « {{value}} » est déjà une ligne de fret du scénario (site {{site}})",
    hint: "choisissez un autre identifiant, ou choisissez de remplacer le fret des sites de ce fichier",
  },
  "cargo.id.kept_elsewhere": {
    message: "l’identifiant « {{value}} » est une ligne de fret du site {{site}}, que ce fichier ne remplace pas",
    hint: "choisissez un autre identifiant",
  },
  "cargo.site.bad": {
    message: "« {{value}} » n’est pas un identifiant de site valide",
    hint: "un identifiant de site ne contient que des lettres, des chiffres et . _ : -, et commence par une lettre ou un chiffre",
  },
  "cargo.site.bad_example": {
    message: "« {{value}} » n’est pas un identifiant de site valide",
    hint: "un identifiant de site ne contient que des lettres, des chiffres et . _ : -, et commence par une lettre ou un chiffre, p. ex. {{example}}",
  },
  "cargo.site.unknown": { message: "site inconnu « {{value}} »", hint: "utilisez un site du scénario : {{sites}}" },
  "cargo.site.case": { message: "site inconnu « {{value}} »", hint: "vouliez-vous dire {{near}} ? Les identifiants de site distinguent majuscules et minuscules" },
  "cargo.site.not_host": { message: "le site « {{value}} » n’est pas dans le pays hôte", hint: "le fret part d’un site du pays hôte : {{sites}}" },
  "cargo.unit.no_weight_unit": { message: "aucune unité de poids", hint: "écrivez kg, lb ou t" },
  "cargo.unit.no_dimension_unit": { message: "aucune unité de dimension", hint: "écrivez cm, in, m ou ft" },
  "cargo.unit.not_mass_unit": { message: "{{value}} n’est pas une unité de poids", hint: "écrivez kg, lb ou t" },
  "cargo.unit.not_length_unit": { message: "{{value}} n’est pas une unité de longueur", hint: "écrivez cm, in, m ou ft" },
  "cargo.unit.contradicts": {
    message: "l’unité {{unit}} contredit l’en-tête de la colonne {{column}}, qui indique {{header}}",
    hint: "laissez la cellule vide ou écrivez {{header}}",
  },
  "cargo.kind.unknown": { message: "{{value}} n’est pas une sorte de fret", hint: "utilisez l’une de : {{kinds}}" },
  "cargo.hazard.bad_class": {
    message: "« {{value}} » n’est pas une classe de danger",
    hint: "écrivez la classe ONU de 1 à 9 (p. ex. 3), ou une division comme 1.4S ; un numéro ONU va dans un_number",
  },
  "cargo.hazard.bad_division": { message: "« {{value}} » n’est pas une division de danger", hint: "écrivez une division comme 1.4S ou 2.1" },
  "cargo.hazard.division_class": {
    message: "la division {{division}} n’appartient pas à la classe {{class}}",
    hint: "écrivez une division de la classe {{class}} (p. ex. {{class}}.1), ou corrigez hazard_class",
  },
  "cargo.hazard.division_contradicts": { message: "la division {{division}} contredit hazard_class {{written}}", hint: "écrivez la division dans une seule colonne" },
  "cargo.hazard.bad_un": { message: "« {{value}} » n’est pas un numéro ONU", hint: "écrivez UN et quatre chiffres, p. ex. UN1203" },
  "cargo.hazard.un_without_class": { message: "{{un}} n’a pas de classe de danger", hint: "écrivez sa classe dans hazard_class (p. ex. 3 pour un liquide inflammable)" },
  "cargo.disposition.unknown": { message: "{{value}} n’est pas une destination", hint: "utilisez l’une de : withdraw, handover, dispose" },
  "cargo.schema": { message: "{{detail}}", hint: "voir docs/cargo-import.md" },
  "cargo.scenario_invalid": { message: "avec cette ligne, le scénario ne serait plus valide : {{path}} {{detail}}", hint: "{{hint}}" },

  // Personnel
  "personnel.no_rows": { message: "aucune personne sous l’en-tête", hint: "ajoutez une rangée par personne sous l’en-tête" },
  "personnel.header.time_without_site": { message: "une colonne entry_time sans colonne site", hint: "ajoutez une colonne site : une entrée s’enregistre sur un site" },
  "personnel.name.empty": { message: "aucun nom", hint: "écrivez le nom comme dans le passeport, p. ex. « DOE, Jane »" },
  "personnel.nationality.empty": { message: "aucune nationalité", hint: "écrivez le code ISO 3166 de la nationalité, p. ex. US" },
  "personnel.nationality.country_name": { message: "« {{value}} » est le nom d’un pays", hint: "écrivez son code : {{code}}" },
  "personnel.nationality.not_code": {
    message: "« {{value}} » n’est pas un code de pays",
    hint: "écrivez le code ISO 3166-1 en majuscules : deux lettres (US) ou trois (USA)",
  },
  "personnel.document.empty": { message: "aucun numéro de document", hint: "écrivez le numéro du passeport ou de la carte d’identité" },
  "personnel.document.repeated_line": {
    message: "le numéro de document {{value}} figure déjà à la ligne {{first}}",
    hint: "une rangée par personne : supprimez la rangée répétée ou corrigez le numéro",
  },
  "personnel.document.repeated_row": {
    message: "le numéro de document {{value}} figure déjà à la rangée {{first}}",
    hint: "une rangée par personne : supprimez la rangée répétée ou corrigez le numéro",
  },
  "personnel.document.registered": {
    message: "le numéro de document {{value}} est déjà au registre, sous {{person}}",
    hint: "la personne est enregistrée : retirez la rangée, ou corrigez le numéro",
  },
  "personnel.unit.empty": { message: "aucune unité", hint: "écrivez l’unité de la personne, p. ex. « 724th Expeditionary Air Base Squadron »" },
  "personnel.group.unknown": { message: "groupe de personnel inconnu « {{value}} »", hint: "utilisez un groupe du scénario : {{groups}}" },
  "personnel.group.case": {
    message: "groupe de personnel inconnu « {{value}} »",
    hint: "vouliez-vous dire {{near}} ? Les identifiants de groupe distinguent majuscules et minuscules",
  },
  "personnel.site.unknown": { message: "site inconnu « {{value}} »", hint: "utilisez un site du scénario dans le pays hôte : {{sites}}" },
  "personnel.site.case": { message: "site inconnu « {{value}} »", hint: "vouliez-vous dire {{near}} ? Les identifiants de site distinguent majuscules et minuscules" },
  "personnel.site.not_host": { message: "le site « {{value}} » n’est pas dans le pays hôte", hint: "une personne s’enregistre sur un site du pays hôte : {{sites}}" },
  "personnel.entry_time.bad": {
    message: "« {{value}} » n’est pas une heure",
    hint: "écrivez l’heure UTC sous la forme 2024-05-20 08:00 (ou 2024-05-20T08:00Z, ou une date : 2024-05-20)",
  },
  "personnel.entry_time.future": {
    message: "{{value}} est dans le futur (l’heure du serveur est {{now}})",
    hint: "écrivez quand la personne est arrivée, au plus tard maintenant ; laissez vide pour maintenant",
  },
  "personnel.entry_time.without_site": { message: "une heure d’entrée sans site", hint: "écrivez le site où se trouve la personne, ou laissez l’heure vide" },
};

/** French of the notes that say how a file was read. */
export const frImportNotes: Readonly<Record<string, string>> = {
  "import.note.encoding": "lu en {{encoding}} (pas en UTF-8)",
  "import.note.semicolons": "séparé par des points-virgules (une virgule dans un nombre est sa virgule décimale)",
  "import.note.tabs": "séparé par des tabulations",
  "import.note.header_line": "l’en-tête est à la ligne {{line}} ; les lignes au-dessus ne sont pas lues",
  "import.note.header_row": "l’en-tête est à la rangée {{line}} ; les rangées au-dessus ne sont pas lues",
  "import.note.sheet": "feuille « {{sheet}} » (le classeur contient {{sheets}} ; indiquez la feuille pour en lire une autre)",
};
