/**
 * French, for every English key of the app (a test checks none is missing or unused). French
 * typography: a no-break space before « : », « ; » and « ? ».
 */
import { frLedger } from "./fr-ledger.ts";
import { frReport } from "./fr-report.ts";
import { frClearances } from "./fr-clearances.ts";
import { frPersonnel } from "./fr-personnel.ts";
import { frPlan } from "./fr-plan.ts";
import { frScenario } from "./fr-scenario.ts";

export const fr: Readonly<Record<string, string>> = {
  ...frLedger,
  ...frReport,
  ...frClearances,
  ...frPersonnel,
  ...frPlan,
  ...frScenario,
  // The frame
  Drawdown: "Drawdown",
  "Joint Disengagement Commission": "Commission conjointe de désengagement",
  "Skip to the page": "Aller au contenu de la page",
  Pages: "Pages",
  Language: "Langue",
  "Log out": "Se déconnecter",
  "not built yet": "pas encore construite",
  "Replay clock": "Horloge de rejeu",
  "The server replays the scenario's dates: this is not today's date.":
    "Le serveur rejoue les dates du scénario : ce n’est pas la date d’aujourd’hui.",
  "{{time}} UTC": "{{time}} UTC",
  "({{time}} Niamey)": "({{time}} à Niamey)",
  "Loading…": "Chargement…",
  "Opening your session…": "Ouverture de votre session…",
  "No such page": "Page introuvable",
  "This address is not a page of Drawdown.": "Cette adresse n’est pas une page de Drawdown.",
  "Go to the overview": "Aller à la vue d’ensemble",
  "This page is not built yet. It is planned; until then, its data is available through the API (/api/openapi.json).":
    "Cette page n’est pas encore construite. Elle est prévue ; en attendant, ses données sont disponibles par l’API (/api/openapi.json).",

  // Pages
  Overview: "Vue d’ensemble",
  Map: "Carte",
  Plan: "Plan",
  Clearances: "Autorisations",
  Personnel: "Personnel",
  Ledger: "Registre",
  Scenario: "Scénario",
  Report: "Rapport",

  // Roles
  "Movement planner": "Planificateur de mouvements",
  "Clearance officer": "Officier des autorisations",
  "Commission member": "Membre de la commission",
  Observer: "Observateur",
  Administrator: "Administrateur",

  // Login
  "Log in": "Se connecter",
  "Logging in…": "Connexion…",
  "Both delegations work on this one record. Log in with the account your delegation gave you.":
    "Les deux délégations travaillent sur ce registre commun. Connectez-vous avec le compte que votre délégation vous a remis.",
  Username: "Nom d’utilisateur",
  Password: "Mot de passe",
  "Enter your username.": "Saisissez votre nom d’utilisateur.",
  "Enter your password.": "Saisissez votre mot de passe.",
  "Wrong username or password, or the account is disabled.": "Nom d’utilisateur ou mot de passe erroné, ou compte désactivé.",

  // Problems
  "Something went wrong in this page. Reload it; if it happens again, tell an administrator.":
    "Un problème est survenu sur cette page. Rechargez-la ; si cela se reproduit, prévenez un administrateur.",
  "The server cannot be reached. Check the connection and try again.": "Le serveur est injoignable. Vérifiez la connexion et réessayez.",
  "Someone changed this while you were looking at it. The page now shows the current version: check it, then try again.":
    "Quelqu’un a modifié cet élément pendant que vous le consultiez. La page affiche maintenant la version actuelle : vérifiez-la, puis réessayez.",
  "This cannot be done in the object's current state: {{detail}}": "Impossible dans l’état actuel de l’élément : {{detail}}",
  "Your session has ended. Log in again.": "Votre session a pris fin. Connectez-vous de nouveau.",
  "You are not allowed to do this.": "Vous n’êtes pas autorisé à faire ceci.",
  "Some of what was sent is not valid:": "Une partie de ce qui a été envoyé n’est pas valide :",
  "Too many attempts. Wait a moment and try again.": "Trop de tentatives. Patientez un instant et réessayez.",
  "The server could not do this (error {{code}}). Try again; if it happens again, tell an administrator.":
    "Le serveur n’a pas pu le faire (erreur {{code}}). Réessayez ; si cela se reproduit, prévenez un administrateur.",
  "The server refused this: {{detail}}": "Le serveur a refusé : {{detail}}",
  "Try again": "Réessayer",

  // Overview: figures
  "Days left": "Jours restants",
  Deadline: "Échéance",
  "Forecast closure": "Fermeture prévue",
  "Slack: {{duration}}": "Marge : {{duration}}",
  "Late by {{duration}}": "En retard de {{duration}}",
  "No published plan to forecast from.": "Aucun plan publié sur lequel fonder une prévision.",
  "People in the country": "Personnes dans le pays",
  "Plan for now: {{n}}": "Prévu à cette heure : {{n}}",
  "Cargo to withdraw": "Fret à retirer",
  "Movements departed": "Mouvements partis",
  "{{departed}} of {{planned}}": "{{departed}} sur {{planned}}",
  "Late: {{n}}": "En retard : {{n}}",
  Closed: "Fermé",
  "On track": "Dans les temps",
  "At risk": "Menacé",
  Late: "En retard",

  // Overview: no plan yet
  "No plan is published yet": "Aucun plan n’est encore publié",
  "The burndown, the forecast and the alerts compare progress with the published plan. The departing party's planners publish it.":
    "Le graphique d’avancement, la prévision et les alertes comparent l’avancement au plan publié. Les planificateurs de la partie qui se retire le publient.",
  "Run the planner and publish the plan": "Lancer la planification et publier le plan",
  "Planning and publishing…": "Planification et publication…",
  "The planner is running; this takes a few seconds.": "La planification est en cours ; cela prend quelques secondes.",

  "The published plan is incomplete: the planner could not move {{n}} groups or cargo lines, so its burndown does not reach zero.":
    "Le plan publié est incomplet : la planification n’a pas pu déplacer {{n}} groupes ou lignes de fret, si bien que son avancement n’atteint pas zéro.",
  "The published plan closes after the deadline.": "Le plan publié se termine après l’échéance.",

  // Overview: alerts
  "Needs attention": "À traiter",
  "Nothing needs attention now.": "Rien n’est à traiter pour le moment.",
  "{{count}} alerts_one": "{{formatted}} alerte",
  "{{count}} alerts_other": "{{formatted}} alertes",
  "(the {{n}} most urgent are shown)": "(les {{n}} plus urgentes sont affichées)",
  Critical: "Critique",
  Warning: "Avertissement",
  "Request {{id}} for sortie {{sortie}} ({{country}}) missed its filing time and is not filed.":
    "La demande {{id}} pour la sortie {{sortie}} ({{country}}) a dépassé son délai de dépôt et n’est pas déposée.",
  "Request {{id}} for sortie {{sortie}} ({{country}}) is not filed yet.":
    "La demande {{id}} pour la sortie {{sortie}} ({{country}}) n’est pas encore déposée.",
  "Request {{id}} for sortie {{sortie}} still awaits the decision of {{country}}, and the flight is close.":
    "La demande {{id}} pour la sortie {{sortie}} attend toujours la décision du pays ({{country}}), et le vol est proche.",
  "Movement {{id}} from {{site}} should have left; it is not recorded yet.":
    "Le mouvement {{id}} au départ de {{site}} aurait dû partir ; il n’est pas encore enregistré.",
  "Movement {{id}} from {{site}} should have left; it is still {{status}}.":
    "Le mouvement {{id}} au départ de {{site}} aurait dû partir ; il est toujours à l’état « {{status}} ».",
  "{{site}} is forecast to close after the deadline.": "La fermeture de {{site}} est prévue après l’échéance.",
  "The closure of {{site}} is at risk: less than three days of slack.": "La fermeture de {{site}} est menacée : moins de trois jours de marge.",
  "File by": "À déposer avant le",
  Flight: "Vol",
  "Was due": "Prévu le",

  // Overview: burndown and sites
  Burndown: "Avancement du retrait",
  "All host sites": "Tous les sites du pays hôte",
  Site: "Site",
  "People, plan": "Personnes, plan",
  "People, actual": "Personnes, réel",
  "Cargo (t), plan": "Fret (t), plan",
  "Cargo (t), actual": "Fret (t), réel",
  "Cargo, plan": "Fret, plan",
  "Cargo, actual": "Fret, réel",
  People: "Personnes",
  "Cargo (t)": "Fret (t)",
  Now: "Maintenant",
  "Burndown of {{site}}: people and tonnes of cargo still there each day, planned (dashed) and actual (solid), with the deadline. The table below gives the same figures.":
    "Avancement du retrait de {{site}} : personnes et tonnes de fret encore présentes chaque jour, prévues (tirets) et réelles (trait plein), avec l’échéance. Le tableau ci-dessous donne les mêmes chiffres.",
  "The figures of {{site}}, day by day": "Les chiffres de {{site}}, jour par jour",
  "Day (00:00 UTC)": "Jour (00:00 UTC)",
  Sites: "Sites",
  "People (plan for now)": "Personnes (prévu à cette heure)",
  "Cargo (plan for now)": "Fret (prévu à cette heure)",
  "Planned closure": "Fermeture planifiée",
  Slack: "Marge",
  Status: "État",

  // Movements
  Sortie: "Sortie aérienne",
  Convoy: "Convoi",
  "Airline seats": "Places sur vol commercial",
  planned: "planifié",
  scheduled: "programmé",
  cleared: "autorisé",
  departed: "parti",
  arrived: "arrivé",
  cancelled: "annulé",

  // Map
  "Day shown": "Jour affiché",
  "Previous day": "Jour précédent",
  "Next day": "Jour suivant",
  Today: "Aujourd’hui",
  Legend: "Légende",
  "Host country: {{country}}": "Pays hôte : {{country}}",
  "Countries overflown": "Pays survolés",
  "Air legs (great circles)": "Trajets aériens (grands cercles)",
  "Road routes": "Itinéraires routiers",
  "Movements of the day": "Mouvements du jour",
  "Movements on {{day}}": "Mouvements du {{day}}",
  "No movement is on the way this day.": "Aucun mouvement en cours ce jour-là.",
  Movement: "Mouvement",
  Kind: "Type",
  From: "De",
  To: "À",
  Departs: "Départ",
  Arrives: "Arrivée",
  Country: "Pays",
  ICAO: "OACI",
  Base: "Base",
  Airfield: "Aérodrome",
  "Road hub": "Nœud routier",
  Destination: "Destination",
  "Air legs and road routes": "Trajets aériens et itinéraires routiers",
  "{{from}} → {{to}}, by air over {{countries}}": "{{from}} → {{to}}, par avion au-dessus de : {{countries}}",
  "{{from}} → {{to}}, by road": "{{from}} → {{to}}, par la route",
  "Map of the sites, air legs, road routes and countries overflown. The tables below list the same.":
    "Carte des sites, des trajets aériens, des itinéraires routiers et des pays survolés. Les tableaux ci-dessous donnent les mêmes informations.",
  "The country borders could not be loaded; sites and routes are drawn without them.":
    "Les frontières n’ont pas pu être chargées ; les sites et les itinéraires sont tracés sans elles.",
};
