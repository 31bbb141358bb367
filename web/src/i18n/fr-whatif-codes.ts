/**
 * French of the what-if comparison's notes (src/planner/whatif/whatif-notes.ts): by code, with the
 * same `{{placeholders}}` as the English. Each note starts with its change, as the English does
 * (`espace aérien DZ fermé : …`); ids, codes and instants stay as the server writes them. French
 * typography: a narrow no-break space before « : » and « ; ». `coded.test.ts` checks every code has
 * its French and no French is left over.
 */
export const frWhatIfTexts: Readonly<Record<string, string>> = {
  "whatif.note.fleet.new_entry": "{{type}} {{delta}} : nouvel élément de flotte {{entry}} à {{base}}, disponible comme la flotte {{template}}",
  "whatif.note.fleet.none_left": "{{type}} {{delta}} : seulement {{total}} à retirer ; il n’en reste aucun",
  "whatif.note.clearance_delay.country_both": "autorisations retardées {{target}} +{{hours}} h : les autorisations d’atterrissage et de survol de {{target}} demandent {{hours}} h de préavis en plus",
  "whatif.note.clearance_delay.country_landing": "autorisations retardées {{target}} +{{hours}} h : les autorisations d’atterrissage de {{target}} demandent {{hours}} h de préavis en plus",
  "whatif.note.clearance_delay.country_overflight": "autorisations retardées {{target}} +{{hours}} h : les autorisations de survol de {{target}} demandent {{hours}} h de préavis en plus",
  "whatif.note.clearance_delay.airfield": "autorisations retardées {{target}} +{{hours}} h : les autorisations d’atterrissage de {{country}} demandent {{hours}} h de préavis en plus",
  "whatif.note.clearance_delay.airfield_shared": "autorisations retardées {{target}} +{{hours}} h : les autorisations d’atterrissage de {{country}} demandent {{hours}} h de préavis en plus (les autorisations sont données par pays : les atterrissages à {{others}} sont retardés aussi)",
  "whatif.note.deny.nothing": "espace aérien {{country}} fermé : aucun trajet aérien ne traverse {{country}} ; rien ne change",
  "whatif.note.deny.legs_removed": "espace aérien {{country}} fermé : {{removed}} trajets aériens sur {{legs}} retirés ({{which}})",
  "whatif.note.deny.fleet_grounded": "espace aérien {{country}} fermé : la flotte {{fleets}} est basée dans le pays {{country}} ; ses avions ne peuvent pas décoller",
  "whatif.note.deadline.days_later": "échéance {{at}} : {{days}} jours plus tard",
  "whatif.note.deadline.days_earlier": "échéance {{at}} : {{days}} jours plus tôt",
  "whatif.note.deadline.hours_later": "échéance {{at}} : {{hours}} h plus tard",
  "whatif.note.deadline.hours_earlier": "échéance {{at}} : {{hours}} h plus tôt",
  "whatif.note.deadline.availability_stretched": "échéance {{at}} : la disponibilité de la flotte {{fleets}} courait jusqu’à l’échéance et court désormais jusqu’à la nouvelle",
  "whatif.note.deadline.personnel_one": "échéance {{at}} : un groupe de personnel dont le départ au plus tard était l’échéance peut désormais partir jusqu’à la nouvelle",
  "whatif.note.deadline.personnel_many": "échéance {{at}} : {{groups}} groupes de personnel dont le départ au plus tard était l’échéance peuvent désormais partir jusqu’à la nouvelle",
  "whatif.note.aircraft_out.missed": "{{count}} de {{fleet}} hors service : la période hors service ne touche aucune fenêtre de disponibilité de {{fleet}} ; rien ne change",
  "whatif.note.aircraft_out.missed_span": "{{count}} de {{fleet}} hors service du {{from}} au {{to}} : la période hors service ne touche aucune fenêtre de disponibilité de {{fleet}} ; rien ne change",
  "whatif.note.aircraft_out.all": "{{count}} de {{fleet}} hors service : hors service pendant toute la disponibilité de {{fleet}}",
  "whatif.note.aircraft_out.all_span": "{{count}} de {{fleet}} hors service du {{from}} au {{to}} : hors service pendant toute la disponibilité de {{fleet}}",
  "whatif.note.aircraft_out.split": "{{count}} de {{fleet}} hors service : exploités comme flotte {{entry}}, dont la disponibilité exclut la période hors service",
  "whatif.note.aircraft_out.split_span": "{{count}} de {{fleet}} hors service du {{from}} au {{to}} : exploités comme flotte {{entry}}, dont la disponibilité exclut la période hors service",
  "whatif.note.stranded": "{{site}} n’a plus d’issue militaire : aucun trajet aérien ni itinéraire routier ne mène de {{site}} hors du pays hôte",
  "whatif.note.stranded_reaching": "{{site}} n’a plus d’issue militaire : aucun trajet aérien ni itinéraire routier ne mène de {{site}} hors du pays hôte (on n’en rejoint que {{reaches}})",
};
