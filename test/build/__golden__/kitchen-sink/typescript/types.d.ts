// Typer för poster och inlämningar, och för koderna i varje klassifikation.
// Genererad av kodkatalog från katalogen kitchen-sink version 2.1.2. Ändra inte för hand.

// ---- Klassifikationer ----

/**
 * Aktörstyp
 *
 * Vem som lämnar uppgifter till registret.
 *
 * 2 koder får rapporteras.
 *
 * Konstanter och benämningar finns i codes.js (Aktorstyp, AktorstypLabels).
 */
export type Aktorstyp = ("kommun" | "enskild-utforare");

/**
 * Insatstyp
 *
 * Slag av insats som beviljas.
 *
 * Förvaltas av Socialstyrelsen. Utgåva KSI 2022. 9 koder får rapporteras (av 10).
 *
 * Gäller från 2027-01-01.
 *
 * Konstanter och benämningar finns i codes.js (Insatstyp, InsatstypLabels).
 */
export type Insatstyp =
  | "boende-hvb"
  | "boende-familjehem"
  | "boende-institution"
  | "kontaktperson"
  | "kontaktperson-barn"
  | "kontaktperson-vuxen"
  | "hemtjanst-service"
  | "hemtjanst-omsorg"
  | "hemtjanst";

/**
 * Kommun
 *
 * Kommuner med kommunkod, grupperade per län.
 *
 * Förvaltas av SCB. 4 koder får rapporteras (av 7).
 *
 * Konstanter och benämningar finns i codes.js (Kommun, KommunLabels).
 */
export type Kommun = ("0114" | "0115" | "0331" | "1917");

/**
 * Lagrum
 *
 * Författningar som uppgifterna bygger på.
 *
 * Förvaltas av Socialstyrelsen. Utgåva 2025. 4 koder får rapporteras.
 *
 * Konstanter och benämningar finns i codes.js (Lagrum, LagrumLabels).
 */
export type Lagrum = ("sol-2001-453" | "sol-2025-400" | "lss-1993-387" | "lvu-1990-52");

/**
 * Skäl för vård enligt LVU
 *
 * Grund för vård enligt 3 § LVU.
 *
 * 3 koder får rapporteras.
 *
 * Gäller från 1990-07-01 till och med 2035-12-31.
 *
 * Konstanter och benämningar finns i codes.js (LvuSkal, LvuSkalLabels).
 */
export type LvuSkal = ("missbruk" | "brottslig-verksamhet" | "annat-beteende");

/**
 * Verksamhetsområde
 *
 * Socialtjänstens verksamhetsområden.
 *
 * 3 koder får rapporteras.
 *
 * Konstanter och benämningar finns i codes.js (Verksamhetsomrade, VerksamhetsomradeLabels).
 */
export type Verksamhetsomrade = ("ekonomiskt-bistand" | "barn-och-unga" | "lss");

// ---- Posttyper ----

/**
 * Beslut
 *
 * Ett beslut om en insats.
 *
 * Nyckel: insats-id.
 *
 * Gäller från 2028-01-01.
 *
 * Status: utkast.
 *
 * JSON Schema: urn:kodkatalog:kitchen-sink:v2:record-type:beslut
 */
export interface Beslut {
  /**
   * Posttyp
   *
   * Vilken posttyp raden är.
   */
  recordType?: "beslut";
  /**
   * Insatsens id
   *
   * Ett id som skiljer insatsen från andra insatser hos samma uppgiftslämnare. Uppgiften är obligatorisk.
   *
   * Mönster: `^(?:^[A-Za-z0-9-]+$)$`. Längd 1–36 tecken.
   */
  "insats-id": string;
  /**
   * Beslutsdatum
   *
   * Dagen då beslutet om insatsen fattades. Uppgiften är obligatorisk.
   *
   * Datum i formen ÅÅÅÅ-MM-DD.
   */
  beslutsdatum: string;
  /**
   * Beslutet överklagat
   *
   * Om beslutet om insatsen har överklagats. Uppgiften är frivillig.
   */
  "beslut-overklagat"?: boolean;
}

/**
 * Insats
 *
 * En beviljad och verkställd insats för en person.
 *
 * Nyckel: insats-id.
 *
 * Regler (kontrolleras av validerarna):
 * - insats-overklagat-kraver-beslutsdatum: Beslutsdatum ska anges när beslutet är överklagat.
 * - insats-kontaktperson-kraver-timmar: Antal timmar ska anges för kontaktperson.
 * - insats-slut-efter-start: Slutdatum ligger före startdatum.
 * - insats-start-inom-period: Startdatum ligger efter rapportperioden.
 * - insats-timmar-eller-belopp: Ange antingen antal timmar eller belopp, inte båda.
 * - insats-id-unikt: Samma insats-id förekommer två gånger.
 * - insats-person-finns: Personen finns inte bland inlämningens personposter.
 * - insats-ingen-overlappning: Två insatser av samma typ för samma person överlappar.
 * - insats-kod-giltig: Insatstypen gällde inte på startdatum.
 * - insats-timmar-rimliga: Antal timmar är ovanligt högt.
 *
 * JSON Schema: urn:kodkatalog:kitchen-sink:v2:record-type:insats
 */
export interface Insats {
  /**
   * Posttyp
   *
   * Vilken posttyp raden är.
   */
  recordType?: "insats";
  /**
   * Insatsens id
   *
   * Ett id som skiljer insatsen från andra insatser hos samma uppgiftslämnare. Uppgiften är obligatorisk.
   *
   * Mönster: `^(?:^[A-Za-z0-9-]+$)$`. Längd 1–36 tecken.
   */
  "insats-id": string;
  /**
   * Personnummer
   *
   * Personens personnummer eller samordningsnummer med tolv siffror. Uppgiften är obligatorisk.
   *
   * Tolv siffror ÅÅÅÅMMDDNNNK utan bindestreck. Längd 12–12 tecken.
   */
  personnummer: string;
  /**
   * Insatstyp
   *
   * Vilket slag av insats som beviljats. Uppgiften är obligatorisk.
   *
   * Kod ur klassifikationen Insatstyp (insatstyp).
   */
  insatstyp: ("boende-hvb" | "boende-familjehem" | "boende-institution" | "kontaktperson" | "kontaktperson-barn" | "kontaktperson-vuxen" | "hemtjanst");
  /**
   * Startdatum
   *
   * Dagen då insatsen började verkställas. Uppgiften är obligatorisk.
   *
   * Datum i formen ÅÅÅÅ-MM-DD.
   */
  startdatum: string;
  /**
   * Slutdatum
   *
   * Dagen då insatsen upphörde. Uppgiften ska lämnas om den finns dokumenterad.
   *
   * Datum i formen ÅÅÅÅ-MM-DD.
   */
  slutdatum?: string;
  /**
   * Skäl för vård enligt LVU
   *
   * Det skäl enligt 3 § LVU som beslutet om vård bygger på. Uppgiften ska lämnas om den finns dokumenterad.
   *
   * Kod ur klassifikationen Skäl för vård enligt LVU (lvu-skal).
   */
  "lvu-skal"?: LvuSkal;
  /**
   * Antal timmar
   *
   * Beviljade timmar per månad. Uppgiften är frivillig.
   *
   * Värde 0–744. Heltal.
   */
  "antal-timmar"?: number;
  /**
   * Belopp
   *
   * Utbetalt belopp i kronor för månaden. Uppgiften är frivillig.
   *
   * Värde 0–1000000.5.
   */
  belopp?: number;
  /**
   * Beslutet överklagat
   *
   * Om beslutet om insatsen har överklagats. Uppgiften är frivillig.
   */
  "beslut-overklagat"?: boolean;
  /**
   * Utförarens organisationsnummer
   *
   * Organisationsnumret för den som utför insatsen. Uppgiften är frivillig.
   *
   * Tio siffror utan bindestreck. Mönster: `^[0-9]{10}$`.
   */
  "utforare-orgnr"?: string;
  /**
   * Beslutsdatum
   *
   * Dagen då beslutet om insatsen fattades. Från 2028-01-01: uppgiften är frivillig.
   *
   * Datum i formen ÅÅÅÅ-MM-DD.
   */
  beslutsdatum?: string;
}

/**
 * Person
 *
 * En person som uppgifterna gäller.
 *
 * Nyckel: personnummer.
 *
 * Gäller från 2027-01-01 till och med 2035-12-31.
 *
 * JSON Schema: urn:kodkatalog:kitchen-sink:v2:record-type:person
 */
export interface Person {
  /**
   * Posttyp
   *
   * Vilken posttyp raden är.
   */
  recordType?: "person";
  /**
   * Personnummer
   *
   * Personens personnummer eller samordningsnummer med tolv siffror. Uppgiften är obligatorisk.
   *
   * Tolv siffror ÅÅÅÅMMDDNNNK utan bindestreck. Längd 12–12 tecken.
   */
  personnummer: string;
  /**
   * Folkbokföringskommun
   *
   * Kommunen där personen är folkbokförd. Uppgiften är obligatorisk.
   *
   * Kod ur klassifikationen Kommun (kommun).
   */
  kommun: Kommun;
  /**
   * Vårdnadshavarens personnummer
   *
   * Personnummer för barnets vårdnadshavare. Från 2027-07-01 till och med 2035-12-31: uppgiften ska lämnas om den finns dokumenterad.
   *
   * Tolv siffror ÅÅÅÅMMDDNNNK utan bindestreck. Mönster: `^(18|19|20)[0-9]{10}$`.
   *
   * Status: utkast.
   */
  "vardnadshavare-personnummer"?: string;
}

// ---- Inlämningar per uppgiftsskyldighet ----

/**
 * Personer med insatser under året. En inlämning: en lista av poster av posttyperna person.
 *
 * JSON Schema: urn:kodkatalog:kitchen-sink:v2:submission:kommun-ar
 */
export type KommunArInlamning = KommunArPerson[];

/**
 * Person i inlämningen för Kommunens årsuppgifter om personer
 *
 * En person som uppgifterna gäller.
 */
export interface KommunArPerson {
  /**
   * Posttyp
   *
   * Vilken posttyp raden är.
   */
  recordType: "person";
  /**
   * Personnummer
   *
   * Personens personnummer eller samordningsnummer med tolv siffror. Uppgiften är obligatorisk.
   *
   * Tolv siffror ÅÅÅÅMMDDNNNK utan bindestreck. Längd 12–12 tecken.
   */
  personnummer: string;
  /**
   * Folkbokföringskommun
   *
   * Kommunen där personen är folkbokförd. Uppgiften är obligatorisk.
   *
   * Kod ur klassifikationen Kommun (kommun).
   */
  kommun: Kommun;
  /**
   * Vårdnadshavarens personnummer
   *
   * Personnummer för barnets vårdnadshavare. Från 2027-07-01 till och med 2035-12-31: uppgiften ska lämnas om den finns dokumenterad.
   *
   * Tolv siffror ÅÅÅÅMMDDNNNK utan bindestreck. Mönster: `^(18|19|20)[0-9]{10}$`.
   *
   * Status: utkast.
   */
  "vardnadshavare-personnummer"?: string;
}

/**
 * Vad kommunen ska rapportera varje månad om ekonomiskt bistånd. En inlämning: en lista av poster av posttyperna person, insats, beslut.
 *
 * Gäller från 2027-01-01 till och med 2035-12-31.
 *
 * JSON Schema: urn:kodkatalog:kitchen-sink:v2:submission:kommun-bistand-manad
 */
export type KommunBistandManadInlamning = (KommunBistandManadPerson | KommunBistandManadInsats | KommunBistandManadBeslut)[];

/**
 * Person i inlämningen för Kommunens månadsuppgifter om ekonomiskt bistånd
 *
 * En person som uppgifterna gäller.
 */
export interface KommunBistandManadPerson {
  /**
   * Posttyp
   *
   * Vilken posttyp raden är.
   */
  recordType: "person";
  /**
   * Personnummer
   *
   * Personens personnummer eller samordningsnummer med tolv siffror. Uppgiften är obligatorisk.
   *
   * Tolv siffror ÅÅÅÅMMDDNNNK utan bindestreck. Längd 12–12 tecken.
   */
  personnummer: string;
  /**
   * Folkbokföringskommun
   *
   * Kommunen där personen är folkbokförd. Uppgiften är obligatorisk.
   *
   * Kod ur klassifikationen Kommun (kommun).
   */
  kommun: Kommun;
  /**
   * Vårdnadshavarens personnummer
   *
   * Personnummer för barnets vårdnadshavare. Från 2027-07-01 till och med 2035-12-31: uppgiften ska lämnas om den finns dokumenterad.
   *
   * Tolv siffror ÅÅÅÅMMDDNNNK utan bindestreck. Mönster: `^(18|19|20)[0-9]{10}$`.
   *
   * Status: utkast.
   */
  "vardnadshavare-personnummer"?: string;
}

/**
 * Insats i inlämningen för Kommunens månadsuppgifter om ekonomiskt bistånd
 *
 * En beviljad och verkställd insats för en person.
 *
 * Regler (kontrolleras av validerarna):
 * - insats-start-inom-period: Startdatum ligger efter rapportperioden.
 * - insats-id-unikt: Samma insats-id förekommer två gånger.
 * - insats-person-finns: Personen finns inte bland inlämningens personposter.
 * - insats-kod-giltig: Insatstypen gällde inte på startdatum.
 */
export interface KommunBistandManadInsats {
  /**
   * Posttyp
   *
   * Vilken posttyp raden är.
   */
  recordType: "insats";
  /**
   * Insatsens id
   *
   * Ett id som skiljer insatsen från andra insatser hos samma uppgiftslämnare. Uppgiften är obligatorisk.
   *
   * Mönster: `^(?:^[A-Za-z0-9-]+$)$`. Längd 1–36 tecken.
   */
  "insats-id": string;
  /**
   * Personnummer
   *
   * Personens personnummer eller samordningsnummer med tolv siffror. Uppgiften är obligatorisk.
   *
   * Tolv siffror ÅÅÅÅMMDDNNNK utan bindestreck. Längd 12–12 tecken.
   */
  personnummer: string;
  /**
   * Insatstyp
   *
   * Vilket slag av insats som beviljats. Uppgiften är obligatorisk.
   *
   * Kod ur klassifikationen Insatstyp (insatstyp).
   */
  insatstyp: ("boende-hvb" | "boende-familjehem" | "boende-institution" | "kontaktperson" | "kontaktperson-barn" | "kontaktperson-vuxen" | "hemtjanst");
  /**
   * Startdatum
   *
   * Dagen då insatsen började verkställas. Uppgiften är obligatorisk.
   *
   * Datum i formen ÅÅÅÅ-MM-DD.
   */
  startdatum: string;
  /**
   * Belopp
   *
   * Utbetalt belopp i kronor för månaden. Uppgiften är frivillig.
   *
   * Värde 0–1000000.5.
   */
  belopp?: number;
}

/**
 * Beslut i inlämningen för Kommunens månadsuppgifter om ekonomiskt bistånd
 *
 * Ett beslut om en insats.
 *
 * Gäller från 2028-01-01 till och med 2035-12-31.
 */
export interface KommunBistandManadBeslut {
  /**
   * Posttyp
   *
   * Vilken posttyp raden är.
   */
  recordType: "beslut";
  /**
   * Insatsens id
   *
   * Ett id som skiljer insatsen från andra insatser hos samma uppgiftslämnare. Uppgiften är obligatorisk.
   *
   * Mönster: `^(?:^[A-Za-z0-9-]+$)$`. Längd 1–36 tecken.
   */
  "insats-id": string;
  /**
   * Beslutet överklagat
   *
   * Om beslutet om insatsen har överklagats. Uppgiften är frivillig.
   */
  "beslut-overklagat"?: boolean;
}

/**
 * Insatser rapporteras löpande inom en vecka efter beslut. En inlämning: en lista av poster av posttyperna insats.
 *
 * Gäller från 2027-01-01 till och med 2027-12-31.
 *
 * Status: utgående.
 *
 * JSON Schema: urn:kodkatalog:kitchen-sink:v2:submission:kommun-lopande
 */
export type KommunLopandeInlamning = KommunLopandeInsats[];

/**
 * @deprecated
 * Insats i inlämningen för Kommunens löpande uppgifter om insatser
 *
 * En beviljad och verkställd insats för en person.
 *
 * Regler (kontrolleras av validerarna):
 * - insats-start-inom-period: Startdatum ligger efter rapportperioden.
 * - insats-id-unikt: Samma insats-id förekommer två gånger.
 * - insats-kod-giltig: Insatstypen gällde inte på startdatum.
 */
export interface KommunLopandeInsats {
  /**
   * Posttyp
   *
   * Vilken posttyp raden är.
   */
  recordType: "insats";
  /**
   * Insatsens id
   *
   * Ett id som skiljer insatsen från andra insatser hos samma uppgiftslämnare. Uppgiften är obligatorisk.
   *
   * Mönster: `^(?:^[A-Za-z0-9-]+$)$`. Längd 1–36 tecken.
   */
  "insats-id": string;
  /**
   * Insatstyp
   *
   * Vilket slag av insats som beviljats. Uppgiften är obligatorisk.
   *
   * Kod ur klassifikationen Insatstyp (insatstyp).
   */
  insatstyp: ("boende-hvb" | "boende-familjehem" | "boende-institution" | "kontaktperson" | "kontaktperson-barn" | "kontaktperson-vuxen" | "hemtjanst");
  /**
   * Startdatum
   *
   * Dagen då insatsen började verkställas. Uppgiften är obligatorisk.
   *
   * Datum i formen ÅÅÅÅ-MM-DD.
   */
  startdatum: string;
}

/**
 * Läget den 1 oktober varje år för insatser enligt LSS. En inlämning: en lista av poster av posttyperna insats.
 *
 * JSON Schema: urn:kodkatalog:kitchen-sink:v2:submission:kommun-lss-oktober
 */
export type KommunLssOktoberInlamning = KommunLssOktoberInsats[];

/**
 * Insats i inlämningen för Kommunens uppgifter om insatser enligt LSS den 1 oktober
 *
 * En beviljad och verkställd insats för en person.
 *
 * Regler (kontrolleras av validerarna):
 * - insats-overklagat-kraver-beslutsdatum: Beslutsdatum ska anges när beslutet är överklagat.
 * - insats-kontaktperson-kraver-timmar: Antal timmar ska anges för kontaktperson.
 * - insats-slut-efter-start: Slutdatum ligger före startdatum.
 * - insats-start-inom-period: Startdatum ligger efter rapportperioden.
 * - insats-timmar-eller-belopp: Ange antingen antal timmar eller belopp, inte båda.
 * - insats-id-unikt: Samma insats-id förekommer två gånger.
 * - insats-person-finns: Personen finns inte bland inlämningens personposter.
 * - insats-ingen-overlappning: Två insatser av samma typ för samma person överlappar.
 * - insats-kod-giltig: Insatstypen gällde inte på startdatum.
 * - insats-timmar-rimliga: Antal timmar är ovanligt högt.
 */
export interface KommunLssOktoberInsats {
  /**
   * Posttyp
   *
   * Vilken posttyp raden är.
   */
  recordType: "insats";
  /**
   * Insatsens id
   *
   * Ett id som skiljer insatsen från andra insatser hos samma uppgiftslämnare. Uppgiften är obligatorisk.
   *
   * Mönster: `^(?:^[A-Za-z0-9-]+$)$`. Längd 1–36 tecken.
   */
  "insats-id": string;
  /**
   * Personnummer
   *
   * Personens personnummer eller samordningsnummer med tolv siffror. Uppgiften är obligatorisk.
   *
   * Tolv siffror ÅÅÅÅMMDDNNNK utan bindestreck. Längd 12–12 tecken.
   */
  personnummer: string;
  /**
   * Insatstyp
   *
   * Vilket slag av insats som beviljats. Uppgiften är obligatorisk.
   *
   * Kod ur klassifikationen Insatstyp (insatstyp).
   */
  insatstyp: ("boende-hvb" | "boende-familjehem" | "boende-institution" | "kontaktperson" | "kontaktperson-barn" | "kontaktperson-vuxen" | "hemtjanst");
  /**
   * Startdatum
   *
   * Dagen då insatsen började verkställas. Uppgiften är obligatorisk.
   *
   * Datum i formen ÅÅÅÅ-MM-DD.
   */
  startdatum: string;
  /**
   * Slutdatum
   *
   * Dagen då insatsen upphörde. Uppgiften ska lämnas om den finns dokumenterad.
   *
   * Datum i formen ÅÅÅÅ-MM-DD.
   */
  slutdatum?: string;
  /**
   * Skäl för vård enligt LVU
   *
   * Det skäl enligt 3 § LVU som beslutet om vård bygger på. Uppgiften ska lämnas om den finns dokumenterad.
   *
   * Kod ur klassifikationen Skäl för vård enligt LVU (lvu-skal).
   */
  "lvu-skal"?: LvuSkal;
  /**
   * Antal timmar
   *
   * Beviljade timmar per månad. Uppgiften är frivillig.
   *
   * Värde 0–744. Heltal.
   */
  "antal-timmar"?: number;
  /**
   * Belopp
   *
   * Utbetalt belopp i kronor för månaden. Uppgiften är frivillig.
   *
   * Värde 0–1000000.5.
   */
  belopp?: number;
  /**
   * Beslutet överklagat
   *
   * Om beslutet om insatsen har överklagats. Uppgiften är frivillig.
   */
  "beslut-overklagat"?: boolean;
  /**
   * Utförarens organisationsnummer
   *
   * Organisationsnumret för den som utför insatsen. Uppgiften är frivillig.
   *
   * Tio siffror utan bindestreck. Mönster: `^[0-9]{10}$`.
   */
  "utforare-orgnr"?: string;
  /**
   * Beslutsdatum
   *
   * Dagen då beslutet om insatsen fattades. Från 2028-01-01: uppgiften är frivillig.
   *
   * Datum i formen ÅÅÅÅ-MM-DD.
   */
  beslutsdatum?: string;
}

/**
 * Vad enskilda utförare rapporterar varje kvartal om placeringar av barn och unga. En inlämning: en lista av poster av posttyperna insats.
 *
 * Status: utkast.
 *
 * JSON Schema: urn:kodkatalog:kitchen-sink:v2:submission:utforare-kvartal
 */
export type UtforareKvartalInlamning = UtforareKvartalInsats[];

/**
 * Insats i inlämningen för Enskilda utförares kvartalsuppgifter
 *
 * En beviljad och verkställd insats för en person.
 *
 * Regler (kontrolleras av validerarna):
 * - insats-slut-efter-start: Slutdatum ligger före startdatum.
 * - insats-start-inom-period: Startdatum ligger efter rapportperioden.
 * - insats-id-unikt: Samma insats-id förekommer två gånger.
 * - insats-person-finns: Personen finns inte bland inlämningens personposter.
 * - insats-ingen-overlappning: Två insatser av samma typ för samma person överlappar.
 * - insats-kod-giltig: Insatstypen gällde inte på startdatum.
 */
export interface UtforareKvartalInsats {
  /**
   * Posttyp
   *
   * Vilken posttyp raden är.
   */
  recordType: "insats";
  /**
   * Insatsens id
   *
   * Ett id som skiljer insatsen från andra insatser hos samma uppgiftslämnare. Uppgiften är obligatorisk.
   *
   * Mönster: `^(?:^[A-Za-z0-9-]+$)$`. Längd 1–36 tecken.
   */
  "insats-id": string;
  /**
   * Personnummer
   *
   * Personens personnummer eller samordningsnummer med tolv siffror. Uppgiften är obligatorisk.
   *
   * Tolv siffror ÅÅÅÅMMDDNNNK utan bindestreck. Längd 12–12 tecken.
   */
  personnummer: string;
  /**
   * Insatstyp
   *
   * Vilket slag av insats som beviljats. Uppgiften är obligatorisk.
   *
   * Kod ur klassifikationen Insatstyp (insatstyp).
   */
  insatstyp: ("boende-hvb" | "boende-familjehem" | "boende-institution" | "kontaktperson" | "kontaktperson-barn" | "kontaktperson-vuxen" | "hemtjanst");
  /**
   * Startdatum
   *
   * Dagen då insatsen började verkställas. Uppgiften är obligatorisk.
   *
   * Datum i formen ÅÅÅÅ-MM-DD.
   */
  startdatum: string;
  /**
   * Slutdatum
   *
   * Dagen då insatsen upphörde. Uppgiften ska lämnas om den finns dokumenterad.
   *
   * Datum i formen ÅÅÅÅ-MM-DD.
   */
  slutdatum?: string;
  /**
   * Skäl för vård enligt LVU
   *
   * Det skäl enligt 3 § LVU som beslutet om vård bygger på. Uppgiften ska lämnas om den finns dokumenterad.
   *
   * Kod ur klassifikationen Skäl för vård enligt LVU (lvu-skal).
   */
  "lvu-skal"?: LvuSkal;
}
