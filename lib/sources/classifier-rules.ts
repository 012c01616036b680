// The classifier's rules, per language, in plain sight: each is a phrase pattern over the
// notice's plain text (never over markup) with the class it signals and how much it is worth.
// A pattern names the mission ("embassy", "Botschaft", …) where a bare verb would also fit
// roads, airports and airspace ("the airspace remains closed" is no news about an embassy).
import type { Language } from "./schema";

export type NoticeClass = "closed" | "limited" | "reopened" | "none";
export type SignalClass = Exclude<NoticeClass, "none">;

export interface Rule {
  signal: SignalClass;
  pattern: RegExp;
  weight: number;
  /** A negation just before the phrase ("no plans to close the embassy") cancels it. */
  negatable?: boolean;
}

export interface LanguageRules {
  rules: Rule[];
  negations: string[];
  furtherNotice: string[];
  months: string[][];
  /** Words before a date: "until" (reopens that day), "through"/"on" (holds that whole day). */
  untilWords: { start: string[]; end: string[] };
  dateOrder: "month-day" | "day-month";
}

// Letter-aware word edges: \b is ASCII-only and breaks on "fermée" or "посольство".
const edge = (source: string) => `(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`;
const gap = (max = 60) => `(?:[^.;!?\\n]|(?<=\\d)\\.){0,${max}}?`;
// A gap that does not run through a part of the mission ("consular section", "visa services").
const wholeGap = (parts: string, max = 60) => `(?:(?!${parts})(?:[^.;!?\\n]|(?<=\\d)\\.)){0,${max}}?`;

const rule = (signal: SignalClass, weight: number, source: string, negatable = false): Rule => ({
  signal,
  weight,
  negatable,
  pattern: new RegExp(source, "iu"),
});

const EN_MISSION = edge("embassy|embassies|consulate(?:s|\\s+general)?|high\\s+commission|chancery|diplomatic\\s+mission|mission");
const EN_PARTS = "section|department|services|service|appointments|appointment|visa|passport|interviews";
const en: LanguageRules = {
  rules: [
    rule("closed", 0.9, `${EN_MISSION}${wholeGap(EN_PARTS)}${edge("(?:will|shall)\\s+(?:be|remain)|is|are|remains?|has\\s+been|have\\s+been|was|were|stays?")}\\s+(?:temporarily\\s+|currently\\s+|fully\\s+)?${edge("closed|shut")}`),
    rule("closed", 0.85, `${edge("clos(?:e|ed|es|ing|ure\\s+of)|shut\\s+down|shutting|suspend(?:ed|s|ing)?\\s+(?:the\\s+)?operations\\s+(?:of|at)")}\\s+(?:the\\s+|our\\s+|its\\s+)?(?:temporarily\\s+)?${gap(30)}${EN_MISSION}`, true),
    rule("closed", 0.85, `${EN_MISSION}${wholeGap(EN_PARTS)}${edge("will\\s+close|closes|closed|has\\s+closed|suspend(?:ed|s)?\\s+(?:all\\s+)?(?:of\\s+)?(?:its\\s+)?(?:operations|activities|work)|(?:has\\s+)?ceased\\s+operations")}`, true),
    rule("closed", 0.8, edge("closed\\s+to\\s+the\\s+public|no\\s+(?:public\\s+)?services\\s+(?:will\\s+be\\s+|are\\s+)?(?:available|provided)|(?:all\\s+)?operations\\s+(?:are\\s+|have\\s+been\\s+)?suspended")),
    rule("limited", 0.8, edge("(?:limited|reduced|minimal|emergency|essential)\\s+(?:consular\\s+|public\\s+)?(?:services?|operations|staff(?:ing)?|hours|capacity)")),
    rule("limited", 0.8, `${edge("only|solely|except\\s+for")}${gap(40)}${edge("emergenc(?:y|ies)|urgent|life-threatening")}`),
    rule("limited", 0.75, `${edge("routine|visa|passport|consular|notarial")}\\s+${gap(30)}${edge("services?|appointments?|interviews?|operations")}${gap(40)}${edge("suspended|cancell?ed|unavailable|postponed|paused|not\\s+available")}`),
    rule("limited", 0.75, `${edge("suspend(?:ed|s|ing)?|cancell?(?:ed|ing)|postpone(?:d|s)?|paus(?:ed|ing)")}${gap(30)}${edge("routine|visa|passport|consular|notarial")}${gap(20)}${edge("services?|appointments?|interviews?")}`),
    rule("limited", 0.75, `${edge("consular\\s+section|visa\\s+section")}${gap(30)}${edge("closed|suspended|unavailable")}`),
    rule("limited", 0.7, edge("by\\s+appointment\\s+only|reduced\\s+opening\\s+hours|shortened\\s+hours")),
    rule("reopened", 0.85, `${edge("re-?open(?:ed|s|ing)?|resum(?:ed|es|e|ing)\\s+(?:normal\\s+|full\\s+|regular\\s+|all\\s+)?(?:operations|services|work|activities|consular\\s+services)")}`, true),
    rule("reopened", 0.8, `${EN_MISSION}${gap(40)}${edge("is|are|remains?|will\\s+remain|stays?|will\\s+be")}\\s+(?:fully\\s+)?${edge("open|operating\\s+normally|operational")}`),
    rule("reopened", 0.8, edge("no\\s+longer\\s+closed|back\\s+to\\s+normal|normal\\s+(?:operations|opening\\s+hours|working\\s+hours|hours)\\s+(?:have\\s+|has\\s+)?(?:resumed|restored|return)|returns?\\s+to\\s+normal\\s+(?:operations|hours)")),
  ],
  negations: ["not", "no", "no plans to", "never", "without", "cannot", "won't"],
  furtherNotice: ["until further notice", "until further announcement"],
  months: [["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"], ["july", "jul"], ["august", "aug"], ["september", "sept", "sep"], ["october", "oct"], ["november", "nov"], ["december", "dec"]],
  untilWords: { start: ["until", "till"], end: ["through", "on", "for"] },
  dateOrder: "month-day",
};

const UK_MISSION = edge("посольств\\p{L}*|консульств\\p{L}*|генеральн\\p{L}*\\s+консульств\\p{L}*|дипломатичн\\p{L}*\\s+(?:установ|місі)\\p{L}*|представництв\\p{L}*");
const UK_PARTS = "відділ|служб|послуг|прийом|візов";
const uk: LanguageRules = {
  rules: [
    rule("closed", 0.9, `${UK_MISSION}${wholeGap(UK_PARTS)}${edge("(?:буде\\s+|тимчасово\\s+|залишається\\s+)*(?:зачинен\\p{L}*|закрит\\p{L}*)")}`),
    rule("closed", 0.85, `${UK_MISSION}${wholeGap(UK_PARTS)}${edge("(?:тимчасово\\s+)?(?:не\\s+працю\\p{L}*|припиня\\p{L}*\\s+(?:свою\\s+)?робот\\p{L}*|призупиня\\p{L}*\\s+(?:свою\\s+)?робот\\p{L}*|призупинил\\p{L}*\\s+(?:свою\\s+)?робот\\p{L}*)")}`),
    rule("closed", 0.85, `${edge("закритт\\p{L}*|зачиненн\\p{L}*|(?:тимчасово\\s+)?призупин\\p{L}*\\s+робот\\p{L}*")}${gap(30)}${UK_MISSION}`, true),
    rule("limited", 0.8, edge("обмежен\\p{L}*\\s+(?:режим\\p{L}*|прийом\\p{L}*|обслуговуванн\\p{L}*|консульськ\\p{L}*)|в\\s+обмеженому\\s+режимі|лише\\s+(?:у\\s+)?(?:невідкладн\\p{L}*|екстрен\\p{L}*|термінов\\p{L}*)|тільки\\s+(?:у\\s+)?(?:невідкладн\\p{L}*|екстрен\\p{L}*|термінов\\p{L}*)")),
    rule("limited", 0.75, `${edge("консульськ\\p{L}*\\s+відділ\\p{L}*|візов\\p{L}*\\s+(?:відділ|послуг)\\p{L}*|прийом\\p{L}*\\s+(?:громадян|відвідувачів|документів)")}${gap(40)}${edge("зачинен\\p{L}*|закрит\\p{L}*|призупинен\\p{L}*|не\\s+здійснюється|скасован\\p{L}*")}`),
    rule("limited", 0.75, `${edge("призупинен\\p{L}*|скасован\\p{L}*")}${gap(30)}${edge("прийом\\p{L}*|візов\\p{L}*|консульськ\\p{L}*")}`),
    rule("reopened", 0.85, edge("відновил\\p{L}*\\s+(?:свою\\s+)?(?:робот|діяльн)\\p{L}*|відновлює\\s+(?:свою\\s+)?(?:робот|діяльн)\\p{L}*|відновлено\\s+роботу|знову\\s+(?:працює|відкрит\\p{L}*)|відкрил\\p{L}*\\s+знову|поновил\\p{L}*\\s+роботу|працює\\s+в\\s+(?:звичайному|штатному)\\s+режимі"), true),
    rule("reopened", 0.8, `${UK_MISSION}${gap(40)}${edge("працює|відкрит\\p{L}*")}(?!\\s+лише)`),
  ],
  negations: ["не", "ні", "немає"],
  furtherNotice: ["до подальшого повідомлення", "до окремого повідомлення", "до особливого розпорядження", "до окремого розпорядження"],
  months: [["січня"], ["лютого"], ["березня"], ["квітня"], ["травня"], ["червня"], ["липня"], ["серпня"], ["вересня"], ["жовтня"], ["листопада"], ["грудня"]],
  untilWords: { start: ["до"], end: ["по", "включно"] },
  dateOrder: "day-month",
};

const DE_MISSION = edge("botschaft(?:en)?|generalkonsulat(?:e|s)?|konsulat(?:e|s)?|auslandsvertretung(?:en)?|vertretung(?:en)?");
const DE_PARTS = "abteilung|visastelle|visa|pass|termin|konsularabteilung|rechts-";
const de: LanguageRules = {
  rules: [
    rule("closed", 0.9, `${DE_MISSION}${wholeGap(DE_PARTS)}${edge("(?:ist|sind|bleibt|bleiben|wird|werden|bis\\s+auf\\s+weiteres|vorübergehend|vorerst|heute|ab\\s+sofort)")}${gap(70)}${edge("geschlossen")}`),
    rule("closed", 0.85, `${DE_MISSION}${wholeGap(DE_PARTS)}${edge("schließt|hat\\s+(?:ihren|seinen|den)\\s+(?:dienstbetrieb|betrieb)\\s+(?:vorübergehend\\s+)?eingestellt|stellt\\s+(?:ihren|seinen|den)\\s+(?:dienstbetrieb|betrieb)\\s+(?:vorübergehend\\s+)?ein")}`),
    rule("closed", 0.85, `${edge("schließung|geschlossen")}${gap(20)}${edge("(?:der|die|des)")}\\s+${DE_MISSION}`, true),
    rule("closed", 0.8, edge("(?:dienstbetrieb|publikumsverkehr|betrieb)\\s+(?:ist\\s+|wurde\\s+|bleibt\\s+)?(?:vorübergehend\\s+|bis\\s+auf\\s+weiteres\\s+)?eingestellt")),
    rule("limited", 0.8, edge("eingeschränkt\\p{L}*|nur\\s+(?:in\\s+)?(?:dringenden\\s+)?notfällen|nur\\s+für\\s+notfälle|nur\\s+notfälle|notfallbetrieb|notbetrieb|reduziert\\p{L}*\\s+(?:personal|betrieb|öffnungszeiten)")),
    rule("limited", 0.75, `${edge("visa\\p{L}*|pass\\p{L}*|termin\\p{L}*|konsularabteilung|rechts-\\s+und\\s+konsularabteilung|visastelle")}${gap(40)}${edge("ausgesetzt|abgesagt|geschlossen|eingestellt|nicht\\s+möglich|entfallen")}`),
    rule("reopened", 0.85, edge("wieder\\s+(?:geöffnet|eröffnet|erreichbar|aufgenommen)|wiedereröffn\\p{L}*|öffnet\\s+wieder|nimmt\\s+(?:ihren|seinen|den)\\s+(?:dienstbetrieb|betrieb)\\s+wieder\\s+auf|normalbetrieb|regulär\\s+geöffnet"), true),
    rule("reopened", 0.8, `${DE_MISSION}${gap(40)}${edge("ist|bleibt")}\\s+(?:weiterhin\\s+)?${edge("geöffnet")}`),
  ],
  negations: ["nicht", "kein", "keine", "keinen", "nie"],
  furtherNotice: ["bis auf weiteres", "bis auf weiteres", "bis zu einer neuen mitteilung"],
  months: [["januar", "jänner"], ["februar"], ["märz"], ["april"], ["mai"], ["juni"], ["juli"], ["august"], ["september"], ["oktober"], ["november"], ["dezember"]],
  untilWords: { start: ["bis zum", "bis"], end: ["am", "bis einschließlich", "einschließlich"] },
  dateOrder: "day-month",
};

const FR_MISSION = edge("ambassade(?:s)?|consulat(?:s)?(?:\\s+général)?|chancellerie|représentation\\s+diplomatique|haut-commissariat");
const FR_PARTS = "section|service|visa|rendez-vous";
const fr: LanguageRules = {
  rules: [
    rule("closed", 0.9, `${FR_MISSION}${wholeGap(FR_PARTS)}${edge("(?:sera|est|restera|reste|seront|sont|a\\s+été)")}\\s+(?:temporairement\\s+|exceptionnellement\\s+|provisoirement\\s+)?${edge("fermée?s?")}`),
    rule("closed", 0.85, `${edge("fermeture")}${gap(20)}${edge("de\\s+l['’]|du|des")}\\s*${FR_MISSION}`, true),
    rule("closed", 0.85, `${FR_MISSION}${wholeGap(FR_PARTS)}${edge("(?:a\\s+)?suspend(?:u|ra|)\\s+(?:toutes\\s+)?(?:ses|ces)\\s+activités|ferme\\s+ses\\s+portes")}`),
    rule("limited", 0.8, edge("(?:services?|accueil|activité)\\s+(?:consulaires?\\s+)?(?:limitée?s?|réduite?s?|restreinte?s?|minimum|minimal)|service\\s+minimum|(?:uniquement|seulement|seules?)\\s+(?:pour\\s+)?(?:les\\s+)?(?:urgences|cas\\s+d['’]urgence)|sur\\s+rendez-vous\\s+uniquement")),
    rule("limited", 0.75, `${edge("section\\s+consulaire|service\\s+des\\s+visas|visas?|rendez-vous|demandes?\\s+de\\s+visa")}${gap(40)}${edge("suspendue?s?|annulée?s?|fermée?s?|reportée?s?")}`),
    rule("reopened", 0.85, edge("rouvert\\p{L}*|rouvrir\\p{L}*|rouvre|réouverture|reprise\\s+(?:normale\\s+)?des\\s+activités|reprend\\s+(?:ses|normalement\\s+ses)\\s+activités|fonctionne\\s+normalement"), true),
    rule("reopened", 0.8, `${FR_MISSION}${gap(40)}${edge("est|reste|sera")}\\s+(?:de\\s+nouveau\\s+)?${edge("ouverte?")}`),
  ],
  negations: ["ne", "pas", "aucune", "aucun", "sans"],
  furtherNotice: ["jusqu'à nouvel ordre", "jusqu’à nouvel ordre", "jusqu'à nouvel avis", "jusqu’à nouvel avis"],
  months: [["janvier"], ["février"], ["mars"], ["avril"], ["mai"], ["juin"], ["juillet"], ["août"], ["septembre"], ["octobre"], ["novembre"], ["décembre"]],
  untilWords: { start: ["jusqu'au", "jusqu’au"], end: ["le", "inclus"] },
  dateOrder: "day-month",
};

const ES_MISSION = edge("embajada(?:s)?|consulado(?:s)?(?:\\s+general)?|cancillería|representación\\s+diplomática");
const ES_PARTS = "sección|servicio|visado|cita";
const es: LanguageRules = {
  rules: [
    rule("closed", 0.9, `${ES_MISSION}${wholeGap(ES_PARTS)}${edge("(?:permanecerá|permanece|estará|está|estarán|será|ha\\s+sido|queda|quedará)")}\\s+(?:temporalmente\\s+)?${edge("cerrad[oa]s?")}`),
    rule("closed", 0.85, `${edge("cierre|cerrar|cerró")}${gap(20)}${edge("de\\s+la|del|la|el")}\\s+${ES_MISSION}`, true),
    rule("closed", 0.85, `${ES_MISSION}${wholeGap(ES_PARTS)}${edge("(?:ha\\s+)?suspend(?:e|ido|erá|ió)\\s+(?:todas\\s+)?(?:sus\\s+)?(?:actividades|operaciones|funciones)|cierra\\s+sus\\s+puertas")}`),
    rule("limited", 0.8, edge("servicios?\\s+(?:consulares\\s+)?(?:limitados?|reducidos?|mínimos?)|atención\\s+(?:al\\s+público\\s+)?(?:limitada|restringida|reducida)|(?:solo|sólo|únicamente|exclusivamente)\\s+(?:para\\s+)?(?:casos\\s+de\\s+)?(?:emergencias?|urgencias?)")),
    rule("limited", 0.75, `${edge("sección\\s+consular|visados?|citas?|trámites?")}${gap(40)}${edge("suspendid[oa]s?|cancelad[oa]s?|aplazad[oa]s?")}`),
    rule("reopened", 0.85, edge("reabr\\p{L}*|reapertura|reanud\\p{L}*\\s+(?:sus\\s+)?(?:actividades|operaciones|servicios|la\\s+atención)|vuelve\\s+a\\s+abrir|funciona\\s+con\\s+normalidad|atención\\s+habitual"), true),
    rule("reopened", 0.8, `${ES_MISSION}${gap(40)}${edge("está|permanece|sigue")}\\s+(?:de\\s+nuevo\\s+)?${edge("abierta?")}`),
  ],
  negations: ["no", "ningún", "ninguna", "sin", "nunca"],
  furtherNotice: ["hasta nuevo aviso", "hasta nueva orden", "hasta nueva comunicación"],
  months: [["enero"], ["febrero"], ["marzo"], ["abril"], ["mayo"], ["junio"], ["julio"], ["agosto"], ["septiembre", "setiembre"], ["octubre"], ["noviembre"], ["diciembre"]],
  untilWords: { start: ["hasta el"], end: ["el", "inclusive"] },
  dateOrder: "day-month",
};

export const RULES: Record<Language, LanguageRules> = { en, uk, de, fr, es };
