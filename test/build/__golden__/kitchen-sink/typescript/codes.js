// Kodlistor som konstanter med svenska benämningar, och kontroller av koder. Inga beroenden.
// Genererad av kodkatalog från katalogen kitchen-sink version 2.1.2. Ändra inte för hand.

/**
 * Aktörstyp
 *
 * Vem som lämnar uppgifter till registret.
 */
export const Aktorstyp = Object.freeze({
  KOMMUN: "kommun",
  ENSKILD_UTFORARE: "enskild-utforare",
});

/** Benämningar per kod: Aktörstyp. */
export const AktorstypLabels = Object.freeze({
  "kommun": "Kommun",
  "enskild-utforare": "Enskild utförare",
});

const aktorstypCodes = new Set(Object.values(Aktorstyp));

/** True när värdet är en kod i Aktörstyp som får rapporteras. */
export function isAktorstyp(value) {
  return typeof value === 'string' && aktorstypCodes.has(value);
}

/**
 * Insatstyp
 *
 * Slag av insats som beviljas.
 */
export const Insatstyp = Object.freeze({
  HEM_FOR_VARD_ELLER_BOENDE: "boende-hvb",
  FAMILJEHEM: "boende-familjehem",
  INSTITUTION_TIDIGARE_BENAMNING: "boende-institution",
  KONTAKTPERSON: "kontaktperson",
  KONTAKTPERSON_FOR_BARN: "kontaktperson-barn",
  KONTAKTPERSON_FOR_VUXEN: "kontaktperson-vuxen",
  HEMTJANST_SERVICEINSATSER: "hemtjanst-service",
  HEMTJANST_OMSORGSINSATSER: "hemtjanst-omsorg",
  HEMTJANST: "hemtjanst",
});

/** Benämningar per kod: Insatstyp. */
export const InsatstypLabels = Object.freeze({
  "boende-hvb": "Hem för vård eller boende",
  "boende-familjehem": "Familjehem",
  "boende-institution": "Institution (tidigare benämning)",
  "kontaktperson": "Kontaktperson",
  "kontaktperson-barn": "Kontaktperson för barn",
  "kontaktperson-vuxen": "Kontaktperson för vuxen",
  "hemtjanst-service": "Hemtjänst, serviceinsatser",
  "hemtjanst-omsorg": "Hemtjänst, omsorgsinsatser",
  "hemtjanst": "Hemtjänst",
});

const insatstypCodes = new Set(Object.values(Insatstyp));

/** True när värdet är en kod i Insatstyp som får rapporteras. */
export function isInsatstyp(value) {
  return typeof value === 'string' && insatstypCodes.has(value);
}

/**
 * Kommun
 *
 * Kommuner med kommunkod, grupperade per län.
 */
export const Kommun = Object.freeze({
  UPPLANDS_VASBY: "0114",
  VALLENTUNA: "0115",
  HEBY: "0331",
  HEBY_1917: "1917",
});

/** Benämningar per kod: Kommun. */
export const KommunLabels = Object.freeze({
  "0114": "Upplands Väsby",
  "0115": "Vallentuna",
  "0331": "Heby",
  "1917": "Heby",
});

const kommunCodes = new Set(Object.values(Kommun));

/** True när värdet är en kod i Kommun som får rapporteras. */
export function isKommun(value) {
  return typeof value === 'string' && kommunCodes.has(value);
}

/**
 * Lagrum
 *
 * Författningar som uppgifterna bygger på.
 */
export const Lagrum = Object.freeze({
  SOCIALTJANSTLAG_2001_453: "sol-2001-453",
  SOCIALTJANSTLAG_2025_400: "sol-2025-400",
  LAG_1993_387_OM_STOD_OCH_SERVICE_TILL_VISSA_FUNKTIONSHINDRADE: "lss-1993-387",
  LAG_1990_52_MED_SARSKILDA_BESTAMMELSER_OM_VARD_AV_UNGA: "lvu-1990-52",
});

/** Benämningar per kod: Lagrum. */
export const LagrumLabels = Object.freeze({
  "sol-2001-453": "Socialtjänstlag (2001:453)",
  "sol-2025-400": "Socialtjänstlag (2025:400)",
  "lss-1993-387": "Lag (1993:387) om stöd och service till vissa funktionshindrade",
  "lvu-1990-52": "Lag (1990:52) med särskilda bestämmelser om vård av unga",
});

const lagrumCodes = new Set(Object.values(Lagrum));

/** True när värdet är en kod i Lagrum som får rapporteras. */
export function isLagrum(value) {
  return typeof value === 'string' && lagrumCodes.has(value);
}

/**
 * Skäl för vård enligt LVU
 *
 * Grund för vård enligt 3 § LVU.
 */
export const LvuSkal = Object.freeze({
  MISSBRUK_AV_BEROENDEFRAMKALLANDE_MEDEL: "missbruk",
  BROTTSLIG_VERKSAMHET: "brottslig-verksamhet",
  ANNAT_SOCIALT_NEDBRYTANDE_BETEENDE: "annat-beteende",
});

/** Benämningar per kod: Skäl för vård enligt LVU. */
export const LvuSkalLabels = Object.freeze({
  "missbruk": "Missbruk av beroendeframkallande medel",
  "brottslig-verksamhet": "Brottslig verksamhet",
  "annat-beteende": "Annat socialt nedbrytande beteende",
});

const lvuSkalCodes = new Set(Object.values(LvuSkal));

/** True när värdet är en kod i Skäl för vård enligt LVU som får rapporteras. */
export function isLvuSkal(value) {
  return typeof value === 'string' && lvuSkalCodes.has(value);
}

/**
 * Verksamhetsområde
 *
 * Socialtjänstens verksamhetsområden.
 */
export const Verksamhetsomrade = Object.freeze({
  EKONOMISKT_BISTAND: "ekonomiskt-bistand",
  BARN_OCH_UNGA: "barn-och-unga",
  INSATSER_ENLIGT_LSS: "lss",
});

/** Benämningar per kod: Verksamhetsområde. */
export const VerksamhetsomradeLabels = Object.freeze({
  "ekonomiskt-bistand": "Ekonomiskt bistånd",
  "barn-och-unga": "Barn och unga",
  "lss": "Insatser enligt LSS",
});

const verksamhetsomradeCodes = new Set(Object.values(Verksamhetsomrade));

/** True när värdet är en kod i Verksamhetsområde som får rapporteras. */
export function isVerksamhetsomrade(value) {
  return typeof value === 'string' && verksamhetsomradeCodes.has(value);
}
