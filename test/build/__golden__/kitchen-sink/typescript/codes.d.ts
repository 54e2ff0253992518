// Kodlistor som konstanter med svenska benämningar, och kontroller av koder. Inga beroenden.
// Genererad av kodkatalog från katalogen kitchen-sink version 2.1.2. Ändra inte för hand.
import type * as types from './types.js';

/**
 * Aktörstyp
 *
 * Vem som lämnar uppgifter till registret.
 */
export declare const Aktorstyp: {
  /** kommun: Kommun */
  readonly KOMMUN: "kommun";
  /** enskild-utforare: Enskild utförare */
  readonly ENSKILD_UTFORARE: "enskild-utforare";
};

/** Koderna i Aktörstyp. */
export type Aktorstyp = types.Aktorstyp;

/** Benämningar per kod: Aktörstyp. */
export declare const AktorstypLabels: {
  readonly "kommun": "Kommun";
  readonly "enskild-utforare": "Enskild utförare";
};

/** True när värdet är en kod i Aktörstyp som får rapporteras. */
export declare function isAktorstyp(value: unknown): value is Aktorstyp;

/**
 * Insatstyp
 *
 * Slag av insats som beviljas.
 */
export declare const Insatstyp: {
  /** boende-hvb: Hem för vård eller boende */
  readonly HEM_FOR_VARD_ELLER_BOENDE: "boende-hvb";
  /** boende-familjehem: Familjehem */
  readonly FAMILJEHEM: "boende-familjehem";
  /**
   * boende-institution: Institution (tidigare benämning)
   *
   * Gäller till och med 2027-12-31. Status: utgående. Ersätts av boende-hvb.
   *
   * @deprecated
   */
  readonly INSTITUTION_TIDIGARE_BENAMNING: "boende-institution";
  /**
   * kontaktperson: Kontaktperson
   *
   * Gäller från 2027-01-01 till och med 2027-06-30. Status: upphörd. Ersätts av kontaktperson-barn, kontaktperson-vuxen.
   *
   * @deprecated
   */
  readonly KONTAKTPERSON: "kontaktperson";
  /**
   * kontaktperson-barn: Kontaktperson för barn
   *
   * Gäller från 2027-07-01.
   */
  readonly KONTAKTPERSON_FOR_BARN: "kontaktperson-barn";
  /**
   * kontaktperson-vuxen: Kontaktperson för vuxen
   *
   * Gäller från 2027-07-01.
   */
  readonly KONTAKTPERSON_FOR_VUXEN: "kontaktperson-vuxen";
  /**
   * hemtjanst-service: Hemtjänst, serviceinsatser
   *
   * Status: utgående. Ersätts av hemtjanst.
   *
   * @deprecated
   */
  readonly HEMTJANST_SERVICEINSATSER: "hemtjanst-service";
  /**
   * hemtjanst-omsorg: Hemtjänst, omsorgsinsatser
   *
   * Status: utgående. Ersätts av hemtjanst.
   *
   * @deprecated
   */
  readonly HEMTJANST_OMSORGSINSATSER: "hemtjanst-omsorg";
  /** hemtjanst: Hemtjänst */
  readonly HEMTJANST: "hemtjanst";
};

/** Koderna i Insatstyp. */
export type Insatstyp = types.Insatstyp;

/** Benämningar per kod: Insatstyp. */
export declare const InsatstypLabels: {
  readonly "boende-hvb": "Hem för vård eller boende";
  readonly "boende-familjehem": "Familjehem";
  readonly "boende-institution": "Institution (tidigare benämning)";
  readonly "kontaktperson": "Kontaktperson";
  readonly "kontaktperson-barn": "Kontaktperson för barn";
  readonly "kontaktperson-vuxen": "Kontaktperson för vuxen";
  readonly "hemtjanst-service": "Hemtjänst, serviceinsatser";
  readonly "hemtjanst-omsorg": "Hemtjänst, omsorgsinsatser";
  readonly "hemtjanst": "Hemtjänst";
};

/** True när värdet är en kod i Insatstyp som får rapporteras. */
export declare function isInsatstyp(value: unknown): value is Insatstyp;

/**
 * Kommun
 *
 * Kommuner med kommunkod, grupperade per län.
 */
export declare const Kommun: {
  /** 0114: Upplands Väsby */
  readonly UPPLANDS_VASBY: "0114";
  /**
   * 0115: Vallentuna
   *
   * Kommun i länet; norr om Stockholm
   */
  readonly VALLENTUNA: "0115";
  /**
   * 0331: Heby
   *
   * Heby "flyttad" till Uppsala län
   *
   * Gäller från 2007-01-01.
   */
  readonly HEBY: "0331";
  /**
   * 1917: Heby
   *
   * Heby när kommunen låg i Västmanlands län
   *
   * Gäller till och med 2006-12-31. Status: upphörd. Ersätts av 0331.
   *
   * @deprecated
   */
  readonly HEBY_1917: "1917";
};

/** Koderna i Kommun. */
export type Kommun = types.Kommun;

/** Benämningar per kod: Kommun. */
export declare const KommunLabels: {
  readonly "0114": "Upplands Väsby";
  readonly "0115": "Vallentuna";
  readonly "0331": "Heby";
  readonly "1917": "Heby";
};

/** True när värdet är en kod i Kommun som får rapporteras. */
export declare function isKommun(value: unknown): value is Kommun;

/**
 * Lagrum
 *
 * Författningar som uppgifterna bygger på.
 */
export declare const Lagrum: {
  /**
   * sol-2001-453: Socialtjänstlag (2001:453)
   *
   * Den tidigare socialtjänstlagen.
   *
   * Gäller från 2002-01-01 till och med 2025-06-30. Status: upphörd. Ersätts av sol-2025-400.
   *
   * @deprecated
   */
  readonly SOCIALTJANSTLAG_2001_453: "sol-2001-453";
  /**
   * sol-2025-400: Socialtjänstlag (2025:400)
   *
   * Gäller från 2025-07-01.
   */
  readonly SOCIALTJANSTLAG_2025_400: "sol-2025-400";
  /** lss-1993-387: Lag (1993:387) om stöd och service till vissa funktionshindrade */
  readonly LAG_1993_387_OM_STOD_OCH_SERVICE_TILL_VISSA_FUNKTIONSHINDRADE: "lss-1993-387";
  /** lvu-1990-52: Lag (1990:52) med särskilda bestämmelser om vård av unga */
  readonly LAG_1990_52_MED_SARSKILDA_BESTAMMELSER_OM_VARD_AV_UNGA: "lvu-1990-52";
};

/** Koderna i Lagrum. */
export type Lagrum = types.Lagrum;

/** Benämningar per kod: Lagrum. */
export declare const LagrumLabels: {
  readonly "sol-2001-453": "Socialtjänstlag (2001:453)";
  readonly "sol-2025-400": "Socialtjänstlag (2025:400)";
  readonly "lss-1993-387": "Lag (1993:387) om stöd och service till vissa funktionshindrade";
  readonly "lvu-1990-52": "Lag (1990:52) med särskilda bestämmelser om vård av unga";
};

/** True när värdet är en kod i Lagrum som får rapporteras. */
export declare function isLagrum(value: unknown): value is Lagrum;

/**
 * Skäl för vård enligt LVU
 *
 * Grund för vård enligt 3 § LVU.
 */
export declare const LvuSkal: {
  /** missbruk: Missbruk av beroendeframkallande medel */
  readonly MISSBRUK_AV_BEROENDEFRAMKALLANDE_MEDEL: "missbruk";
  /** brottslig-verksamhet: Brottslig verksamhet */
  readonly BROTTSLIG_VERKSAMHET: "brottslig-verksamhet";
  /** annat-beteende: Annat socialt nedbrytande beteende */
  readonly ANNAT_SOCIALT_NEDBRYTANDE_BETEENDE: "annat-beteende";
};

/** Koderna i Skäl för vård enligt LVU. */
export type LvuSkal = types.LvuSkal;

/** Benämningar per kod: Skäl för vård enligt LVU. */
export declare const LvuSkalLabels: {
  readonly "missbruk": "Missbruk av beroendeframkallande medel";
  readonly "brottslig-verksamhet": "Brottslig verksamhet";
  readonly "annat-beteende": "Annat socialt nedbrytande beteende";
};

/** True när värdet är en kod i Skäl för vård enligt LVU som får rapporteras. */
export declare function isLvuSkal(value: unknown): value is LvuSkal;

/**
 * Verksamhetsområde
 *
 * Socialtjänstens verksamhetsområden.
 */
export declare const Verksamhetsomrade: {
  /** ekonomiskt-bistand: Ekonomiskt bistånd */
  readonly EKONOMISKT_BISTAND: "ekonomiskt-bistand";
  /** barn-och-unga: Barn och unga */
  readonly BARN_OCH_UNGA: "barn-och-unga";
  /** lss: Insatser enligt LSS */
  readonly INSATSER_ENLIGT_LSS: "lss";
};

/** Koderna i Verksamhetsområde. */
export type Verksamhetsomrade = types.Verksamhetsomrade;

/** Benämningar per kod: Verksamhetsområde. */
export declare const VerksamhetsomradeLabels: {
  readonly "ekonomiskt-bistand": "Ekonomiskt bistånd";
  readonly "barn-och-unga": "Barn och unga";
  readonly "lss": "Insatser enligt LSS";
};

/** True när värdet är en kod i Verksamhetsområde som får rapporteras. */
export declare function isVerksamhetsomrade(value: unknown): value is Verksamhetsomrade;
