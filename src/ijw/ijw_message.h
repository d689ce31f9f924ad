/* ijw_message: an incoming iJw message as C values — the header, the clients and one line per
 * class that carries the content (a requested, started or stopped product, a claim line).
 *
 * Read from a document that passed the structural check (ijw_schema.h), so every element the
 * schema requires is there and every value has its type's lexical form; the reader still never
 * trusts that and leaves a value empty rather than overrun. The element names are the
 * standard's. Each line and client remembers its element, so that a return message can answer
 * class by class (ijw_retour.h). */
#ifndef JR_IJW_IJW_MESSAGE_H
#define JR_IJW_IJW_MESSAGE_H

#include <stdbool.h>
#include <stdint.h>


#include "core/date.h"
#include "core/err.h"
#include "ijw/ijw_schema.h"

/* libxml2's document and node, by name only: a module that does not parse need not compile
 * against libxml2 (the ijw/ sources include it themselves). */
struct _xmlDoc;
struct _xmlNode;

/* The most lines (products, claim lines) and clients one message may hold. */
#define JR_IJW_LINES_MAX 100000

struct jr_ijw_header {
	enum jr_ijw_message kind;
	char afzender[9];  /* AGB code (8 digits) or CBS municipality code (4) */
	char ontvanger[9];
	char identificatie[12 * 4 + 1]; /* BerichtIdentificatie/Identificatie: up to 12 characters */
	jr_day dagtekening;
	char basisschema_xsd[16], bericht_xsd[16]; /* XsdVersie */
	struct _xmlNode *node;
};

struct jr_ijw_client {
	char bsn[10];
	jr_day birth_date;
	char date_usage[2]; /* DatumGebruik (COD170), "" when absent */
	char sex;           /* Geslacht (COD046), '\0' when absent */
	char family_name[201 * 4];
	char prefix[11 * 4];
	char given_names[201 * 4];
	char initials[7 * 4];
	/* JW301 only: */
	char naam_gebruik[2];        /* NaamGebruik (COD700) */
	bool has_partner;            /* a Partnernaam */
	char communicatie_vorm[2];   /* Communicatie/Vorm (COD747), "" when absent */
	bool has_taal;               /* Communicatie/Taal */
	char juridische_status[3];   /* WJ232, "" when absent */
	char vertegenwoordiging[3];  /* WettelijkeVertegenwoordiging (WJ003), "" when absent */
	struct _xmlNode *node;
	int line;
};

/* JW301: a Relatie of a client. */
struct jr_ijw_relation {
	size_t client;
	char nummer[20 * 4 + 1]; /* Nummer (LDT_Persoonsid) */
	char soort[3];           /* COD472 */
	jr_day birth_date;       /* 0 when absent */
	char date_usage[2];
	char sex;
	char naam_gebruik[2];
	bool has_partner;
	struct _xmlNode *node;
	int line;
};

/* JW301: a Contact — of the client (under Contactgegevens) or of one of its relations. */
#define JR_IJW_NO_RELATION ((size_t)-1)
struct jr_ijw_contact {
	size_t client;
	size_t relation; /* index into the relations, or JR_IJW_NO_RELATION: the client's own */
	char soort[3];   /* COD757 */
	bool has_adres, has_huis, has_telefoon, has_periode;
	char postcode[8 * 4 + 1];
	char landcode[3]; /* COD032, "" when absent */
	bool has_begin, has_end; /* Periode */
	jr_day begin, end;
	struct _xmlNode *node;
	int line;
};

/* JW319: the Antwoord to a request, and its Woonplaatsbeginsel. */
struct jr_ijw_reply {
	char referentie[36 * 4 + 1]; /* ReferentieAanbieder */
	char antwoord[2];            /* VerzoekAntwoord (WJ760) */
	char reden[3];               /* RedenAfwijzingVerzoek (WJ759), "" when absent */
	bool has_woonplaats;
	char gemeente[5];            /* Woonplaatsbeginsel/Gemeente */
	struct _xmlNode *node, *woonplaats_node;
	int line;
};

struct jr_ijw_product {
	char categorie[3]; /* JZ020 */
	char code[5 * 4 + 1]; /* up to 5 characters; "" when absent */
};

/* Omvang: Volume, Eenheid (WJ756), Frequentie (WMO757). */
struct jr_ijw_extent {
	int64_t volume;
	char eenheid[3];
	char frequentie[2];
};

/* One class with content. Which fields are set depends on the message:
 *   JW317 OngewijzigdProduct (kind 'O': toewijzing_nummer), TeWijzigenProduct (kind 'T':
 *         toewijzing_nummer, begin = GewensteIngangsdatum, end?, omvang?, budget?) and
 *         NieuwProduct (kind 'N': product?, begin, end?, omvang?, budget?)
 *   JW315 AangevraagdProduct: referentie (ReferentieAanbieder), product?, begin/end
 *         (ToewijzingIngangsdatum/-Einddatum), omvang?, budget?, verwijzer, beschikking
 *   JW305 StartProduct / JW307 StopProduct: toewijzing_nummer?, product?, toewijzing_begin?,
 *         begin (Begindatum), [307: end (Einddatum), reden (RedenBeeindiging)], status
 *   JW323 Prestatie: referentie (ReferentieNummer), vorig_referentie, toewijzing_nummer,
 *         product (ProductCategorie, ProductCode), begin/end (ProductPeriode), volume + eenheid
 *         in omvang, tarief?, bedrag + debet
 *   JW301 ToegewezenProduct: toewijzing_nummer, referentie (ReferentieAanbieder)?, product?,
 *         toewijzingsdatum, begin/end (Ingangsdatum/Einddatum), reden_wijziging?, omvang?,
 *         budget? */
struct jr_ijw_line {
	size_t client; /* index into the message's clients */
	char kind;     /* JW317: 'O', 'T' or 'N' (above); '\0' for the other messages */
	bool has_toewijzing_nummer;
	int64_t toewijzing_nummer;
	char referentie[36 * 4 + 1];      /* ReferentieAanbieder (36) or ReferentieNummer (20) */
	char vorig_referentie[20 * 4 + 1];
	bool has_product;
	struct jr_ijw_product product;
	bool has_toewijzing_begin;
	jr_day toewijzing_begin;
	jr_day begin;
	bool has_end;
	jr_day end;
	char reden[3];  /* RedenBeeindiging (JZ588) */
	char reden_wijziging[3]; /* RedenWijziging (JZ002) */
	jr_day toewijzingsdatum; /* JW301 Toewijzingsdatum */
	char status;    /* StatusAanlevering (COD467) */
	bool has_omvang;
	struct jr_ijw_extent omvang;
	bool has_budget;
	int64_t budget;
	bool has_tarief;
	int64_t tarief;
	int64_t bedrag;
	bool debet; /* DebetCredit D (true) or C */
	char verwijzer_type[3];
	char verwijzer_naam[65 * 4];
	char verwijzer_agb[9];
	bool has_beschikking;
	int64_t beschikking_nummer;
	bool has_beschikking_begin;
	jr_day beschikking_begin;
	struct _xmlNode *node;
	int line;
};

/* JW323: the Declaratie around the claim lines. */
struct jr_ijw_claim {
	char nummer[13];
	jr_day begin, end;
	jr_day dagtekening;
	int64_t totaal;
	bool totaal_debet;
};

/* JW317: the Verzoek around its products. */
struct jr_ijw_change {
	char referentie[36 * 4 + 1]; /* ReferentieAanbieder */
	char reden[2];               /* RedenVerzoek (WJ758) */
	struct _xmlNode *node;
	int line;
};

/* A return message to one of jeugdroute's (JW302, JW320): its own identification and the return
 * codes it gives anywhere but 0200 and 0233 (at most JR_IJW_RETOUR_CODES, distinct). */
#define JR_IJW_RETOUR_CODES 32
struct jr_ijw_retour {
	char identificatie[12 * 4 + 1]; /* IdentificatieRetour */
	jr_day dagtekening;            /* DagtekeningRetour */
	char codes[JR_IJW_RETOUR_CODES][5];
	size_t code_count;
};

struct jr_ijw_msg {
	struct jr_ijw_header header;
	struct jr_ijw_retour retour;
	struct jr_ijw_claim claim;
	struct jr_ijw_change change;
	struct jr_ijw_client *clients;
	size_t client_count;
	struct jr_ijw_line *lines;
	size_t line_count;
	struct jr_ijw_relation *relations; /* JW301 */
	size_t relation_count;
	struct jr_ijw_contact *contacts;   /* JW301 */
	size_t contact_count;
	struct jr_ijw_reply reply;         /* JW319 */
};

/* Reads a structurally valid message of kind JW305, JW307, JW315, JW317 or JW323 (the messages
 * jeugdroute takes in), JW301 or JW319 (jeugdroute's own, read as their receiver reads them,
 * for `ijw validate`), or JW302 or JW320 (the answers to jeugdroute's own), into *msg, which
 * must be zeroed or released. JR_ERR_INPUT for another
 * kind; JR_ERR_TOO_BIG past JR_IJW_LINES_MAX; JR_ERR_NOMEM. The lines and clients point into
 * `doc`, which must outlive *msg. */
enum jr_err jr_ijw_read(struct _xmlDoc *doc, enum jr_ijw_message kind, struct jr_ijw_msg *msg);

/* Frees what jr_ijw_read allocated and zeroes *msg. */
void jr_ijw_msg_release(struct jr_ijw_msg *msg);

#endif
