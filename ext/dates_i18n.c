/*
** Dates in French, Spanish, German, Italian and Portuguese, beside the
** English rules. The English trigger pass (dates_triggers.c) asks
** nd_i18n_maybe at every word start, a lookup of its first three bytes, and
** reports the places that may hold one of the words of this table (month,
** weekday, unit, season, "yesterday"...); there the word is looked up, a
** few words around are read and matched by hand-written patterns:
**   [weekday] day [.|er|º] [de] month [[de] year]     17 de marzo de 2023
**   month [de] year, prep month, month + next/last     en mars 2023, im Mai
**   start/mid/end [de] month|year                      début mars, Ende 2023
**   next/last/this + unit|weekday|month|season          la semaine prochaine
**   ago/in + number + unit, number + unit (+ ago)      il y a deux semaines
**   yesterday, today, tomorrow                         gestern, hoy, domani
** The language is the word's own: every word carries the set of languages
** it belongs to, and the words of one expression must share one. Guards
** against common words: Romance month and weekday names are lower-case in
** running text (a capital "Mars" or "Domingo" is a name), "hier" counts only
** when the words around it are French rather than German, "la mañana" and
** "Morgen" are mornings, and "de" or "le" alone never start anything.
*/
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "nd_dates.h"

enum { FR = 1, ES = 2, DE = 4, IT = 8, PT = 16, ROMANCE = FR | ES | IT | PT };

typedef enum wcls {
  W_NONE, W_MONTH, W_WEEKDAY, W_UNIT, W_SEASON, W_DEICTIC, W_REL_PRE, W_REL_POST,
  W_REL_BOTH, W_PARTMOD, W_NUM, W_AGO_PRE, W_AGO_POST, W_IN_PRE, W_MONTH_PREP, W_OF,
  W_FEIRA
} wcls;

typedef struct iword {
  const char *w; /* lower-case UTF-8 */
  unsigned char langs;
  unsigned char cls;
  signed char val; /* month, weekday, unit (ND_U_*), season, day shift, rel, mod, number */
  unsigned char flags;
} iword;

#define F_TRIGGER 1  /* an expression may hang on it */
#define F_HIER 2     /* French "hier" is German "here": needs French around it */
#define F_MORNING 4  /* mañana, morgen: also "the morning" */
#define F_NEEDFEIRA 8 /* segunda..sexta: weekdays only as "segunda-feira" */
#define F_WEAK 16    /* French "an" is English "an": only after a number or before dernier/prochain */

/* mod codes for W_PARTMOD */
enum { M_START = 1, M_MID = 2, M_END = 3 };

#define T F_TRIGGER
static const iword table[] = {
    /* months */
    {"janvier", FR, W_MONTH, 1, T}, {"février", FR, W_MONTH, 2, T}, {"fevrier", FR, W_MONTH, 2, T},
    {"mars", FR, W_MONTH, 3, T}, {"avril", FR, W_MONTH, 4, T}, {"mai", FR | DE, W_MONTH, 5, T},
    {"juin", FR, W_MONTH, 6, T}, {"juillet", FR, W_MONTH, 7, T}, {"août", FR, W_MONTH, 8, T},
    {"aout", FR, W_MONTH, 8, T}, {"septembre", FR, W_MONTH, 9, T}, {"octobre", FR, W_MONTH, 10, T},
    {"novembre", FR | IT, W_MONTH, 11, T}, {"décembre", FR, W_MONTH, 12, T},
    {"decembre", FR, W_MONTH, 12, T},
    {"enero", ES, W_MONTH, 1, T}, {"febrero", ES, W_MONTH, 2, T}, {"marzo", ES | IT, W_MONTH, 3, T},
    {"abril", ES | PT, W_MONTH, 4, T}, {"mayo", ES, W_MONTH, 5, T}, {"junio", ES, W_MONTH, 6, T},
    {"julio", ES, W_MONTH, 7, T}, {"agosto", ES | IT | PT, W_MONTH, 8, T},
    {"septiembre", ES, W_MONTH, 9, T}, {"setiembre", ES, W_MONTH, 9, T},
    {"octubre", ES, W_MONTH, 10, T}, {"noviembre", ES, W_MONTH, 11, T},
    {"diciembre", ES, W_MONTH, 12, T},
    {"januar", DE, W_MONTH, 1, T}, {"jänner", DE, W_MONTH, 1, T}, {"februar", DE, W_MONTH, 2, T},
    {"märz", DE, W_MONTH, 3, T}, {"april", DE, W_MONTH, 4, T}, {"juni", DE, W_MONTH, 6, T},
    {"juli", DE, W_MONTH, 7, T}, {"august", DE, W_MONTH, 8, T}, {"september", DE, W_MONTH, 9, T},
    {"oktober", DE, W_MONTH, 10, T}, {"november", DE, W_MONTH, 11, T},
    {"dezember", DE, W_MONTH, 12, T},
    {"gennaio", IT, W_MONTH, 1, T}, {"febbraio", IT, W_MONTH, 2, T}, {"aprile", IT, W_MONTH, 4, T},
    {"maggio", IT, W_MONTH, 5, T}, {"giugno", IT, W_MONTH, 6, T}, {"luglio", IT, W_MONTH, 7, T},
    {"settembre", IT, W_MONTH, 9, T}, {"ottobre", IT, W_MONTH, 10, T},
    {"dicembre", IT, W_MONTH, 12, T},
    {"janeiro", PT, W_MONTH, 1, T}, {"fevereiro", PT, W_MONTH, 2, T}, {"março", PT, W_MONTH, 3, T},
    {"maio", PT, W_MONTH, 5, T}, {"junho", PT, W_MONTH, 6, T}, {"julho", PT, W_MONTH, 7, T},
    {"setembro", PT, W_MONTH, 9, T}, {"outubro", PT, W_MONTH, 10, T},
    {"novembro", PT, W_MONTH, 11, T}, {"dezembro", PT, W_MONTH, 12, T},
    /* weekdays */
    {"lundi", FR, W_WEEKDAY, 1, T}, {"mardi", FR, W_WEEKDAY, 2, T}, {"mercredi", FR, W_WEEKDAY, 3, T},
    {"jeudi", FR, W_WEEKDAY, 4, T}, {"vendredi", FR, W_WEEKDAY, 5, T}, {"samedi", FR, W_WEEKDAY, 6, T},
    {"dimanche", FR, W_WEEKDAY, 7, T},
    {"lunes", ES, W_WEEKDAY, 1, T}, {"martes", ES, W_WEEKDAY, 2, T}, {"miércoles", ES, W_WEEKDAY, 3, T},
    {"jueves", ES, W_WEEKDAY, 4, T}, {"viernes", ES, W_WEEKDAY, 5, T},
    {"sábado", ES | PT, W_WEEKDAY, 6, T}, {"domingo", ES | PT, W_WEEKDAY, 7, T},
    {"montag", DE, W_WEEKDAY, 1, T}, {"dienstag", DE, W_WEEKDAY, 2, T}, {"mittwoch", DE, W_WEEKDAY, 3, T},
    {"donnerstag", DE, W_WEEKDAY, 4, T}, {"freitag", DE, W_WEEKDAY, 5, T},
    {"samstag", DE, W_WEEKDAY, 6, T}, {"sonnabend", DE, W_WEEKDAY, 6, T},
    {"sonntag", DE, W_WEEKDAY, 7, T},
    {"lunedì", IT, W_WEEKDAY, 1, T}, {"martedì", IT, W_WEEKDAY, 2, T}, {"mercoledì", IT, W_WEEKDAY, 3, T},
    {"giovedì", IT, W_WEEKDAY, 4, T}, {"venerdì", IT, W_WEEKDAY, 5, T}, {"sabato", IT, W_WEEKDAY, 6, T},
    {"domenica", IT, W_WEEKDAY, 7, T},
    {"segunda", PT, W_WEEKDAY, 1, T | F_NEEDFEIRA}, {"terça", PT, W_WEEKDAY, 2, T | F_NEEDFEIRA},
    {"quarta", PT, W_WEEKDAY, 3, T | F_NEEDFEIRA}, {"quinta", PT, W_WEEKDAY, 4, T | F_NEEDFEIRA},
    {"sexta", PT, W_WEEKDAY, 5, T | F_NEEDFEIRA}, {"feira", PT, W_FEIRA, 0, 0},
    /* units */
    {"jour", FR, W_UNIT, ND_U_DAY, T}, {"jours", FR, W_UNIT, ND_U_DAY, T},
    {"semaine", FR, W_UNIT, ND_U_WEEK, T}, {"semaines", FR, W_UNIT, ND_U_WEEK, T},
    {"mois", FR, W_UNIT, ND_U_MONTH, T}, {"an", FR, W_UNIT, ND_U_YEAR, T | F_WEAK},
    {"ans", FR, W_UNIT, ND_U_YEAR, T}, {"année", FR, W_UNIT, ND_U_YEAR, T},
    {"années", FR, W_UNIT, ND_U_YEAR, T},
    {"día", ES, W_UNIT, ND_U_DAY, T}, {"días", ES, W_UNIT, ND_U_DAY, T},
    {"semana", ES | PT, W_UNIT, ND_U_WEEK, T}, {"semanas", ES | PT, W_UNIT, ND_U_WEEK, T},
    {"mes", ES, W_UNIT, ND_U_MONTH, T}, {"meses", ES | PT, W_UNIT, ND_U_MONTH, T},
    {"año", ES, W_UNIT, ND_U_YEAR, T}, {"años", ES, W_UNIT, ND_U_YEAR, T},
    {"tag", DE, W_UNIT, ND_U_DAY, T}, {"tage", DE, W_UNIT, ND_U_DAY, T},
    {"tagen", DE, W_UNIT, ND_U_DAY, T}, {"woche", DE, W_UNIT, ND_U_WEEK, T},
    {"wochen", DE, W_UNIT, ND_U_WEEK, T}, {"monat", DE, W_UNIT, ND_U_MONTH, T},
    {"monate", DE, W_UNIT, ND_U_MONTH, T}, {"monaten", DE, W_UNIT, ND_U_MONTH, T},
    {"jahr", DE, W_UNIT, ND_U_YEAR, T}, {"jahre", DE, W_UNIT, ND_U_YEAR, T},
    {"jahren", DE, W_UNIT, ND_U_YEAR, T},
    {"giorno", IT, W_UNIT, ND_U_DAY, T}, {"giorni", IT, W_UNIT, ND_U_DAY, T},
    {"settimana", IT, W_UNIT, ND_U_WEEK, T}, {"settimane", IT, W_UNIT, ND_U_WEEK, T},
    {"mese", IT, W_UNIT, ND_U_MONTH, T}, {"mesi", IT, W_UNIT, ND_U_MONTH, T},
    {"anno", IT, W_UNIT, ND_U_YEAR, T}, {"anni", IT, W_UNIT, ND_U_YEAR, T},
    {"dia", PT, W_UNIT, ND_U_DAY, T}, {"dias", PT, W_UNIT, ND_U_DAY, T},
    {"mês", PT, W_UNIT, ND_U_MONTH, T}, {"ano", PT, W_UNIT, ND_U_YEAR, T},
    {"anos", PT, W_UNIT, ND_U_YEAR, T},
    /* seasons: 0 SP, 1 SU, 2 FA, 3 WI */
    {"printemps", FR, W_SEASON, 0, T}, {"été", FR, W_SEASON, 1, T}, {"automne", FR, W_SEASON, 2, T},
    {"hiver", FR, W_SEASON, 3, T},
    {"primavera", ES | IT | PT, W_SEASON, 0, T}, {"verano", ES, W_SEASON, 1, T},
    {"otoño", ES, W_SEASON, 2, T}, {"invierno", ES, W_SEASON, 3, T},
    {"frühling", DE, W_SEASON, 0, T}, {"frühjahr", DE, W_SEASON, 0, T}, {"sommer", DE, W_SEASON, 1, T},
    {"herbst", DE, W_SEASON, 2, T}, {"winter", DE, W_SEASON, 3, T},
    {"estate", IT, W_SEASON, 1, T}, {"autunno", IT, W_SEASON, 2, T}, {"inverno", IT | PT, W_SEASON, 3, T},
    {"verão", PT, W_SEASON, 1, T}, {"outono", PT, W_SEASON, 2, T},
    /* yesterday, today, tomorrow (day shift) */
    {"hier", FR, W_DEICTIC, -1, T | F_HIER}, {"aujourd", FR, W_DEICTIC, 0, T},
    {"demain", FR, W_DEICTIC, 1, T}, {"avant", FR, W_NONE, 0, 0},
    {"ayer", ES, W_DEICTIC, -1, T}, {"anteayer", ES, W_DEICTIC, -2, T}, {"hoy", ES, W_DEICTIC, 0, T},
    {"mañana", ES, W_DEICTIC, 1, T | F_MORNING},
    {"gestern", DE, W_DEICTIC, -1, T}, {"vorgestern", DE, W_DEICTIC, -2, T},
    {"heute", DE, W_DEICTIC, 0, T}, {"morgen", DE, W_DEICTIC, 1, T | F_MORNING},
    {"übermorgen", DE, W_DEICTIC, 2, T},
    {"ieri", IT, W_DEICTIC, -1, T}, {"oggi", IT, W_DEICTIC, 0, T}, {"domani", IT, W_DEICTIC, 1, T},
    {"ontem", PT, W_DEICTIC, -1, T}, {"hoje", PT, W_DEICTIC, 0, T}, {"amanhã", PT, W_DEICTIC, 1, T},
    /* next (1), last (-1), this (0) */
    {"prochain", FR, W_REL_BOTH, 1, 0}, {"prochaine", FR, W_REL_BOTH, 1, 0},
    {"dernier", FR, W_REL_BOTH, -1, 0}, {"dernière", FR, W_REL_BOTH, -1, 0},
    {"passé", FR, W_REL_POST, -1, 0}, {"passée", FR, W_REL_POST, -1, 0},
    {"ce", FR, W_REL_PRE, 0, 0}, {"cet", FR, W_REL_PRE, 0, 0}, {"cette", FR, W_REL_PRE, 0, 0},
    {"próximo", ES | PT, W_REL_BOTH, 1, 0}, {"próxima", ES | PT, W_REL_BOTH, 1, 0},
    {"pasado", ES, W_REL_POST, -1, 0}, {"pasada", ES, W_REL_POST, -1, 0},
    {"último", ES | PT, W_REL_BOTH, -1, 0}, {"última", ES | PT, W_REL_BOTH, -1, 0},
    {"este", ES | PT, W_REL_PRE, 0, 0}, {"esta", ES | PT, W_REL_PRE, 0, 0},
    {"neste", PT, W_REL_PRE, 0, 0}, {"nesta", PT, W_REL_PRE, 0, 0},
    {"passado", PT, W_REL_POST, -1, 0}, {"passada", PT, W_REL_POST, -1, 0},
    {"nächste", DE, W_REL_PRE, 1, 0}, {"nächsten", DE, W_REL_PRE, 1, 0},
    {"nächster", DE, W_REL_PRE, 1, 0}, {"nächstes", DE, W_REL_PRE, 1, 0},
    {"kommende", DE, W_REL_PRE, 1, 0}, {"kommenden", DE, W_REL_PRE, 1, 0},
    {"kommendes", DE, W_REL_PRE, 1, 0},
    {"letzte", DE, W_REL_PRE, -1, 0}, {"letzten", DE, W_REL_PRE, -1, 0},
    {"letzter", DE, W_REL_PRE, -1, 0}, {"letztes", DE, W_REL_PRE, -1, 0},
    {"vergangene", DE, W_REL_PRE, -1, 0}, {"vergangenen", DE, W_REL_PRE, -1, 0},
    {"vergangenes", DE, W_REL_PRE, -1, 0},
    {"diese", DE, W_REL_PRE, 0, 0}, {"diesen", DE, W_REL_PRE, 0, 0}, {"dieses", DE, W_REL_PRE, 0, 0},
    {"prossimo", IT, W_REL_BOTH, 1, 0}, {"prossima", IT, W_REL_BOTH, 1, 0},
    {"scorso", IT, W_REL_POST, -1, 0}, {"scorsa", IT, W_REL_POST, -1, 0},
    {"questo", IT, W_REL_PRE, 0, 0}, {"questa", IT, W_REL_PRE, 0, 0}, {"quest", IT, W_REL_PRE, 0, 0},
    /* start, middle, end of */
    {"début", FR, W_PARTMOD, M_START, 0}, {"mi", FR, W_PARTMOD, M_MID, 0},
    {"fin", FR | ES, W_PARTMOD, M_END, 0},
    {"principios", ES, W_PARTMOD, M_START, 0}, {"comienzos", ES, W_PARTMOD, M_START, 0},
    {"mediados", ES, W_PARTMOD, M_MID, 0}, {"finales", ES, W_PARTMOD, M_END, 0},
    {"anfang", DE, W_PARTMOD, M_START, 0}, {"mitte", DE, W_PARTMOD, M_MID, 0},
    {"ende", DE, W_PARTMOD, M_END, 0},
    {"inizio", IT, W_PARTMOD, M_START, 0}, {"metà", IT, W_PARTMOD, M_MID, 0},
    {"fine", IT, W_PARTMOD, M_END, 0},
    {"início", PT, W_PARTMOD, M_START, 0}, {"meados", PT, W_PARTMOD, M_MID, 0},
    {"fim", PT, W_PARTMOD, M_END, 0}, {"final", ES | PT, W_PARTMOD, M_END, 0},
    /* number words */
    {"un", FR | ES | IT, W_NUM, 1, 0}, {"une", FR, W_NUM, 1, 0}, {"uno", ES | IT, W_NUM, 1, 0},
    {"una", ES | IT, W_NUM, 1, 0}, {"ein", DE, W_NUM, 1, 0}, {"eine", DE, W_NUM, 1, 0},
    {"einem", DE, W_NUM, 1, 0}, {"einer", DE, W_NUM, 1, 0}, {"einen", DE, W_NUM, 1, 0},
    {"um", PT, W_NUM, 1, 0}, {"uma", PT, W_NUM, 1, 0},
    {"deux", FR, W_NUM, 2, 0}, {"dos", ES, W_NUM, 2, 0}, {"zwei", DE, W_NUM, 2, 0},
    {"due", IT, W_NUM, 2, 0}, {"dois", PT, W_NUM, 2, 0}, {"duas", PT, W_NUM, 2, 0},
    {"trois", FR, W_NUM, 3, 0}, {"tres", ES, W_NUM, 3, 0}, {"drei", DE, W_NUM, 3, 0},
    {"tre", IT, W_NUM, 3, 0}, {"três", PT, W_NUM, 3, 0},
    {"quatre", FR, W_NUM, 4, 0}, {"cuatro", ES, W_NUM, 4, 0}, {"vier", DE, W_NUM, 4, 0},
    {"quattro", IT, W_NUM, 4, 0}, {"quatro", PT, W_NUM, 4, 0},
    {"cinq", FR, W_NUM, 5, 0}, {"cinco", ES | PT, W_NUM, 5, 0}, {"fünf", DE, W_NUM, 5, 0},
    {"cinque", IT, W_NUM, 5, 0},
    {"six", FR, W_NUM, 6, 0}, {"seis", ES | PT, W_NUM, 6, 0}, {"sechs", DE, W_NUM, 6, 0},
    {"sei", IT, W_NUM, 6, 0},
    {"sept", FR, W_NUM, 7, 0}, {"siete", ES, W_NUM, 7, 0}, {"sieben", DE, W_NUM, 7, 0},
    {"sette", IT, W_NUM, 7, 0}, {"sete", PT, W_NUM, 7, 0},
    {"huit", FR, W_NUM, 8, 0}, {"ocho", ES, W_NUM, 8, 0}, {"acht", DE, W_NUM, 8, 0},
    {"otto", IT, W_NUM, 8, 0}, {"oito", PT, W_NUM, 8, 0},
    {"neuf", FR, W_NUM, 9, 0}, {"nueve", ES, W_NUM, 9, 0}, {"neun", DE, W_NUM, 9, 0},
    {"nove", IT | PT, W_NUM, 9, 0},
    {"dix", FR, W_NUM, 10, 0}, {"diez", ES, W_NUM, 10, 0}, {"zehn", DE, W_NUM, 10, 0},
    {"dieci", IT, W_NUM, 10, 0}, {"dez", PT, W_NUM, 10, 0},
    {"quinze", FR | PT, W_NUM, 15, 0}, {"quince", ES, W_NUM, 15, 0},
    {"quindici", IT, W_NUM, 15, 0}, {"vingt", FR, W_NUM, 20, 0}, {"veinte", ES, W_NUM, 20, 0},
    {"zwanzig", DE, W_NUM, 20, 0}, {"venti", IT, W_NUM, 20, 0}, {"vinte", PT, W_NUM, 20, 0},
    {"quelques", FR, W_NUM, 0, 0}, {"plusieurs", FR, W_NUM, 0, 0},
    /* ago / in */
    {"vor", DE, W_AGO_PRE, 0, 0}, {"hace", ES, W_AGO_PRE, 0, 0}, {"há", PT, W_AGO_PRE, 0, 0},
    {"fa", IT, W_AGO_POST, 0, 0}, {"atrás", ES | PT, W_AGO_POST, 0, 0},
    {"dans", FR, W_IN_PRE, 0, 0}, {"in", DE, W_IN_PRE, 0, 0}, {"tra", IT, W_IN_PRE, 0, 0},
    {"fra", IT, W_IN_PRE, 0, 0}, {"dentro", ES, W_IN_PRE, 0, 0}, {"daqui", PT, W_IN_PRE, 0, 0},
    /* prepositions that let a month stand alone */
    {"en", FR | ES, W_MONTH_PREP, 0, 0}, {"im", DE, W_MONTH_PREP, 0, 0},
    {"em", PT, W_MONTH_PREP, 0, 0}, {"a", IT, W_MONTH_PREP, 0, 0},
    {"ad", IT, W_MONTH_PREP, 0, 0}, {"entre", FR | ES | PT, W_MONTH_PREP, 0, 0},
    /* "of" between a day, a month and a year */
    {"de", ES | PT | FR, W_OF, 0, 0}, {"del", ES, W_OF, 0, 0}, {"di", IT, W_OF, 0, 0},
    {"d", FR | IT, W_OF, 0, 0},
};
#undef T

#define N_TABLE (sizeof(table) / sizeof(table[0]))
#define SLOTS 2048
static uint16_t slot_of[SLOTS];
#define PREFIX_BITS 15
static uint8_t prefixes[1u << PREFIX_BITS]; /* first three bytes of the words that start a scan */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static uint32_t hash_bytes(const char *w, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
  return h;
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Byte i of a word, lower-cased (ASCII and the Latin-1 letters after
** 0xC3), 0 past its end; table words are lower-case already. */
static unsigned char fold(const unsigned char *u, size_t i, size_t n) {
  if (i >= n) return 0;
  unsigned char c = u[i];
  if (c < 0x80) return is_ascii_alpha(c) ? (unsigned char)(c | 0x20) : 0;
  if (c <= 0x9E && i > 0 && u[i - 1] == 0xC3) return (unsigned char)(c + 0x20);
  return c;
}

static unsigned prefix_key(unsigned a, unsigned b, unsigned c) {
  return ((a * 131u + b) * 131u + c) & ((1u << PREFIX_BITS) - 1);
}

/* A byte lower-cased as a word's byte: ASCII letters folded, other ASCII 0,
** the bytes of multi-byte characters as they are. */
static uint8_t lower_byte[256];

static void build(void) {
  for (int c = 0; c < 256; c++) {
    lower_byte[c] = (uint8_t)(c >= 0x80 ? c : is_ascii_alpha((unsigned char)c) ? (c | 0x20) : 0);
  }
  for (size_t i = 0; i < N_TABLE; i++) {
    size_t n = strlen(table[i].w);
    const unsigned char *u = (const unsigned char *)table[i].w;
    if (table[i].flags & F_TRIGGER || table[i].cls == W_PARTMOD)
      prefixes[prefix_key(fold(u, 0, n), fold(u, 1, n), fold(u, 2, n))] = 1;
    uint32_t h = hash_bytes(table[i].w, n) & (SLOTS - 1);
    while (slot_of[h]) h = (h + 1) & (SLOTS - 1);
    slot_of[h] = (uint16_t)(i + 1);
  }
}

static const iword *find_word(const char *low, size_t n) {
  for (uint32_t h = hash_bytes(low, n) & (SLOTS - 1); slot_of[h]; h = (h + 1) & (SLOTS - 1)) {
    const iword *e = &table[slot_of[h] - 1];
    if (!strncmp(e->w, low, n) && e->w[n] == 0) return e;
  }
  return NULL;
}

int nd_i18n_words_ok(void) {
  pthread_once(&once, build);
  for (size_t i = 0; i < N_TABLE; i++) {
    size_t n = strlen(table[i].w);
    if (n >= 24 || find_word(table[i].w, n) != &table[i]) return 0;
  }
  return 1;
}

/* ---- Words ---------------------------------------------------------------- */

/* Latin-1 letters in UTF-8: C3 80..BF except × (97) and ÷ (B7). */
static int latin1_at(const char *s, size_t i, size_t n) {
  return (unsigned char)s[i] == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
         (unsigned char)s[i + 1] <= 0xBF && (unsigned char)s[i + 1] != 0x97 &&
         (unsigned char)s[i + 1] != 0xB7;
}
/* Length of the letter at s[i], 0 when none. */
static size_t letter_at(const char *s, size_t i, size_t n) {
  if (is_ascii_alpha((unsigned char)s[i])) return 1;
  return latin1_at(s, i, n) ? 2 : 0;
}

typedef struct tok {
  size_t start, end;
  const iword *e;   /* NULL when not in the table */
  int num;          /* a number: its value, else -1 */
  int ndigits;
  int dot, ord;     /* "17." / "1er", "1º" */
  int cap;          /* starts with a capital */
  char low[24];
} tok;

/* Read the token at s[i] (a word or a number); returns its end, i when none. */
static size_t read_tok(const char *s, size_t n, size_t i, tok *t) {
  memset(t, 0, sizeof *t);
  t->start = i;
  t->num = -1;
  if (is_digit((unsigned char)s[i])) {
    size_t j = i;
    long v = 0;
    while (j < n && is_digit((unsigned char)s[j])) {
      if (j - i < 6) v = v * 10 + (s[j] - '0');
      j++;
    }
    t->ndigits = (int)(j - i);
    t->num = t->ndigits <= 6 ? (int)v : -1;
    t->end = j;
    if (j < n && s[j] == '.' && !(j + 1 < n && is_digit((unsigned char)s[j + 1]))) t->dot = 1;
    else if (j + 1 < n && (s[j] == 'e' || s[j] == 'r') && (s[j + 1] == 'r' || s[j + 1] == 'e') &&
             !(j + 2 < n && letter_at(s, j + 2, n)))
      t->ord = 1, t->end = j + 2; /* 1er, 1re */
    else if (j + 1 < n && (unsigned char)s[j] == 0xC2 &&
             ((unsigned char)s[j + 1] == 0xBA || (unsigned char)s[j + 1] == 0xB0))
      t->ord = 1, t->end = j + 2; /* 1º, 1° */
    return t->end;
  }
  size_t j = i, k = 0, l;
  while (j < n && (l = letter_at(s, j, n))) {
    if (k + l < sizeof t->low) {
      if (l == 1) t->low[k] = (char)(s[j] | 0x20);
      else {
        unsigned char b = (unsigned char)s[j + 1];
        t->low[k] = s[j];
        t->low[k + 1] = (char)(b >= 0x80 && b <= 0x9E ? b + 0x20 : b);
      }
    }
    k += l;
    j += l;
  }
  if (j == i) return i;
  t->end = j;
  t->cap = (unsigned char)s[i] < 0x80 ? (s[i] >= 'A' && s[i] <= 'Z')
                                      : ((unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9E);
  if (k < sizeof t->low) {
    t->low[k] = 0;
    t->e = find_word(t->low, k);
  }
  return j;
}

#define WIN 40

/* The tokens of s[from..), at most max, up to a little past s[must]:
** separators are spaces, commas, hyphens, apostrophes and a period after a
** number. Anything else between two tokens before s[must] starts the
** window again after it; after s[must] it ends the window. */
static int read_window(const char *s, size_t n, size_t from, size_t must, tok *w, int max) {
  int k = 0;
  size_t i = from;
  while (i < must && !is_digit((unsigned char)s[i]) && !letter_at(s, i, n)) i++;
  while (i < n && k < max) {
    size_t e = read_tok(s, n, i, &w[k]);
    if (e == i) break;
    k++;
    size_t j = e, gap = 0;
    int bad = 0;
    while (j < n && !is_digit((unsigned char)s[j]) && !letter_at(s, j, n)) {
      unsigned char c = (unsigned char)s[j];
      if (!(c == ' ' || c == ',' || c == '-' || c == '\'' || c == '.' || c == '\n' ||
            c == 0xE2 || c == 0x80 || c == 0x99 || c == 0xC2 || c == 0xA0) ||
          (c == '.' && !w[k - 1].dot) || gap >= 3)
        bad = 1;
      j++, gap++;
    }
    if (j >= n) return k;
    if (bad || gap == 0) {
      if (e > must) return k;
      if (gap == 0) { /* glued to something else: skip it */
        while (j < n && (is_digit((unsigned char)s[j]) || letter_at(s, j, n))) j++;
        while (j < n && !is_digit((unsigned char)s[j]) && !letter_at(s, j, n)) j++;
      }
      k = 0;
    }
    i = j;
  }
  return k;
}

/* ---- Values ------------------------------------------------------------- */

static int cls_of(const tok *t, int langs) {
  return t->e && (t->e->langs & langs) ? t->e->cls : W_NONE;
}

static void set_point(nd_timex *x, const nd_point *p, const char *mod) {
  x->type = "DATE";
  x->mod = mod;
  nd_point_value(p, x->value, sizeof x->value);
  if (!nd_point_bounds(p, mod, x->earliest, x->latest)) x->earliest[0] = x->latest[0] = 0;
}

static const char *mod_name(int m) {
  return m == M_START ? "START" : m == M_MID ? "MID" : m == M_END ? "END" : NULL;
}

/* A month without a year: the year that puts it nearest the anchor. */
static int month_year(const nd_anchor *a, int m, int rel) {
  if (!a || !a->set) return -1;
  if (rel > 0) return m > a->m ? a->y : a->y + 1;
  if (rel < 0) return m < a->m ? a->y : a->y - 1;
  int best = a->y;
  long at = nd_days_from_civil(a->y, a->m, a->d), bd = -1;
  for (int y = a->y - 1; y <= a->y + 1; y++) {
    long lo = nd_days_from_civil(y, m, 1), hi = lo + nd_days_in_month(y, m) - 1;
    long d = at < lo ? lo - at : at > hi ? at - hi : 0;
    if (bd < 0 || d < bd) bd = d, best = y;
  }
  return best;
}

static long anchor_day(const nd_anchor *a) { return nd_days_from_civil(a->y, a->m, a->d); }

/* A point shifted by k units from the anchor (at that unit's granularity). */
static nd_point shifted(const nd_anchor *a, int unit, int k) {
  if (!a || !a->set) {
    nd_gran g = unit == ND_U_DAY ? ND_G_DAY : unit == ND_U_WEEK ? ND_G_WEEK
              : unit == ND_U_MONTH ? ND_G_MONTH : ND_G_YEAR;
    return nd_point_make(g, -1, -1, -1);
  }
  long z = anchor_day(a);
  if (unit == ND_U_DAY) return nd_point_from_day(z + k);
  if (unit == ND_U_WEEK) {
    int wy, wn;
    nd_iso_week(z + 7L * k, &wy, &wn);
    return nd_point_make(ND_G_WEEK, wy, wn, -1);
  }
  if (unit == ND_U_MONTH) {
    long mm = (long)a->y * 12 + (a->m - 1) + k;
    return nd_point_make(ND_G_MONTH, (int)(mm / 12), (int)(mm % 12) + 1, -1);
  }
  return nd_point_make(ND_G_YEAR, a->y + k, -1, -1);
}

static nd_point weekday_point(const nd_anchor *a, int wd, int rel) {
  if (!a || !a->set) {
    nd_point p = nd_point_make(ND_G_DAY, -1, -1, wd);
    p.sub = -1;
    return p;
  }
  long z = anchor_day(a);
  int cur = nd_weekday(z);
  int back = (cur - wd + 7) % 7, fwd = (wd - cur + 7) % 7;
  if (rel > 0) return nd_point_from_day(z + (fwd ? fwd : 7));
  if (rel < 0) return nd_point_from_day(z - (back ? back : 7));
  return nd_point_from_day(z - back); /* news tell of the days just past */
}

static int is_year(const tok *t) { return t->num >= 1000 && t->num <= 2999 && t->ndigits == 4; }
static int is_day(const tok *t) { return t->num >= 1 && t->num <= 31 && t->ndigits <= 2; }

/* ---- Patterns ------------------------------------------------------------ */

typedef struct found {
  size_t start, end;
  nd_timex x;
} found;

/* Words around a token that say "French" or "German", for "hier". */
static int french_around(const char *s, size_t n, size_t at) {
  static const char *const fr[] = {"le", "la", "les", "des", "du", "est", "et", "il", "elle",
                                   "au", "une", "qui", "que", "pour", "sur", "avec", "ont", "a",
                                   "été", "pas", "l", "d", "s", "on", "ce"};
  static const char *const de[] = {"der", "die", "das", "und", "ist", "nicht", "ich", "wir",
                                   "sie", "es", "mit", "auf", "den", "dem", "bin", "war", "sind",
                                   "auch", "noch", "hat", "ein", "eine"};
  size_t from = at > 80 ? at - 80 : 0, to = at + 80 < n ? at + 80 : n;
  int nfr = 0, nde = 0;
  size_t i = from;
  while (i < to) {
    if (!letter_at(s, i, n) || (i > from && letter_at(s, i - 1, n))) {
      i++;
      continue;
    }
    tok t;
    size_t e = read_tok(s, n, i, &t);
    for (size_t k = 0; k < sizeof fr / sizeof fr[0]; k++) nfr += !strcmp(t.low, fr[k]);
    for (size_t k = 0; k < sizeof de / sizeof de[0]; k++) nde += !strcmp(t.low, de[k]);
    i = e > i ? e : i + 1;
  }
  return nfr >= 2 && nfr > nde;
}

/* Sentence start before s[at]: only spaces back to . ! ? or a line start. */
static int sentence_start(const char *s, size_t at) {
  while (at > 0 && (s[at - 1] == ' ' || s[at - 1] == '"' || s[at - 1] == '(')) at--;
  return at == 0 || s[at - 1] == '.' || s[at - 1] == '!' || s[at - 1] == '?' || s[at - 1] == '\n' ||
         s[at - 1] == ':';
}

/* Try the patterns around w[h], the trigger; fills *f and returns 1 on a match. */
static int match_at(const char *s, size_t n, tok *w, int nw, int h, const nd_anchor *a, found *f) {
  const tok *t = &w[h];
  int L = t->e->langs;
  memset(f, 0, sizeof *f);
  switch (t->e->cls) {
    case W_MONTH: {
      int m = t->e->val, first = h, last = h, y = -1, day = -1, rel = 0, mod = 0;
      /* the day before: "17 mars", "17. März", "17 de marzo", "1er mai" */
      int k = h - 1;
      if (k >= 0 && cls_of(&w[k], L & (ES | PT | IT)) == W_OF && k - 1 >= 0 && is_day(&w[k - 1]) &&
          !w[k - 1].dot)
        L &= ES | PT | IT, day = w[k - 1].num, first = k - 1;
      else if (k >= 0 && is_day(&w[k]) && (w[k].dot ? (L & DE) : !(L == DE)))
        day = w[k].num, first = k, L = w[k].dot ? DE : L;
      if (day > 0) {
        int j = first - 1; /* a weekday before it */
        if (j >= 1 && cls_of(&w[j], PT) == W_FEIRA && cls_of(&w[j - 1], PT) == W_WEEKDAY) first = j - 1;
        else if (j >= 0 && cls_of(&w[j], L) == W_WEEKDAY && !(w[j].e->flags & F_NEEDFEIRA))
          first = j;
      } else if ((L & ROMANCE) && !(L & DE) && t->cap) {
        return 0; /* Mars, Julio: names */
      }
      /* the year after */
      k = h + 1;
      if (k + 1 < nw && cls_of(&w[k], L & (ES | PT)) == W_OF && is_year(&w[k + 1]))
        y = w[k + 1].num, last = k + 1;
      else if (k < nw && is_year(&w[k]))
        y = w[k].num, last = k;
      else if (k < nw && (cls_of(&w[k], L) == W_REL_POST || cls_of(&w[k], L) == W_REL_BOTH) &&
               day < 0)
        rel = w[k].e->val, last = k;
      if (day < 0) { /* a start, middle or end before it: "début mars", "a finales de marzo" */
        int j = h - 1;
        if (j >= 0 && cls_of(&w[j], L) == W_OF) j--;
        if (j >= 0 && cls_of(&w[j], L) == W_PARTMOD) mod = w[j].e->val, first = j;
      }
      if (day < 0 && y < 0 && !rel && !mod) { /* a month alone needs a preposition */
        int j = h - 1;
        if (!(j >= 0 && (cls_of(&w[j], L) == W_MONTH_PREP || (L & DE && !strcmp(w[j].low, "im")))))
          return 0;
      }
      if (y < 0 && day > 0 && w[first].e && w[first].e->cls == W_WEEKDAY && a && a->set) {
        /* "Sonntag, 26. September": the nearest year where that day is that weekday */
        int wd = w[first].e->val;
        for (int dy = 0; dy <= 6 && y < 0; dy++)
          for (int sgn = -1; sgn <= 1 && y < 0; sgn += 2)
            if (day <= nd_days_in_month(a->y + sgn * dy, m) &&
                nd_weekday(nd_days_from_civil(a->y + sgn * dy, m, day)) == wd)
              y = a->y + sgn * dy;
      }
      if (y < 0) y = month_year(a, m, rel);
      if (day > 0 && day > nd_days_in_month(y < 0 ? 2000 : y, m)) return 0;
      nd_point p = day > 0 ? nd_point_make(ND_G_DAY, y, m, day) : nd_point_make(ND_G_MONTH, y, m, -1);
      set_point(&f->x, &p, mod_name(mod));
      f->start = w[first].start, f->end = w[last].end;
      return 1;
    }
    case W_WEEKDAY: {
      int first = h, last = h, rel = 0;
      if (t->e->flags & F_NEEDFEIRA) {
        if (!(h + 1 < nw && cls_of(&w[h + 1], PT) == W_FEIRA && w[h + 1].start - t->end <= 1)) return 0;
        last = h + 1;
      }
      if ((L & ROMANCE) && t->cap && !sentence_start(s, t->start)) return 0;
      int d = last + 1; /* "mardi 14 février": the date holds it */
      if (d < nw && is_day(&w[d]) &&
          ((d + 1 < nw && cls_of(&w[d + 1], L) == W_MONTH) ||
           (d + 2 < nw && cls_of(&w[d + 1], L) == W_OF && cls_of(&w[d + 2], L) == W_MONTH)))
        return 0;
      if (h >= 1 && cls_of(&w[h - 1], L) == W_REL_PRE) rel = w[h - 1].e->val, first = h - 1;
      else if (h >= 1 && cls_of(&w[h - 1], L) == W_REL_BOTH) rel = w[h - 1].e->val, first = h - 1;
      if (last + 1 < nw && (cls_of(&w[last + 1], L) == W_REL_POST || cls_of(&w[last + 1], L) == W_REL_BOTH))
        rel = w[last + 1].e->val, last = last + 1;
      nd_point p = weekday_point(a, t->e->val, rel);
      /* "este lunes", "ce vendredi": that day of the anchor's week, past or to come */
      if (rel == 0 && first < h && a && a->set) {
        long z = anchor_day(a);
        p = nd_point_from_day(z + t->e->val - nd_weekday(z));
      }
      set_point(&f->x, &p, NULL);
      f->start = w[first].start, f->end = w[last].end;
      return 1;
    }
    case W_DEICTIC: {
      if (t->e->flags & F_HIER && !french_around(s, n, t->start)) return 0;
      if (t->e->flags & F_MORNING) {
        if (L == DE && t->cap && !sentence_start(s, t->start)) return 0;
        if (h >= 1 && w[h - 1].e && w[h - 1].e->cls != W_DEICTIC &&
            (!strcmp(w[h - 1].low, "la") || !strcmp(w[h - 1].low, "esta") ||
             !strcmp(w[h - 1].low, "por") || !strcmp(w[h - 1].low, "de") ||
             !strcmp(w[h - 1].low, "una") || !strcmp(w[h - 1].low, "cada")))
          return 0;
        if (h >= 1 && (!strcmp(w[h - 1].low, "la") || !strcmp(w[h - 1].low, "esta") ||
                       !strcmp(w[h - 1].low, "por") || !strcmp(w[h - 1].low, "una") ||
                       !strcmp(w[h - 1].low, "cada") || !strcmp(w[h - 1].low, "heute") ||
                       !strcmp(w[h - 1].low, "gestern") || !strcmp(w[h - 1].low, "am") ||
                       !strcmp(w[h - 1].low, "guten") || !strcmp(w[h - 1].low, "jeden")))
          return 0;
      }
      int first = h, last = h, shift = t->e->val;
      if (!strcmp(t->low, "aujourd")) {
        if (!(h + 1 < nw && !strcmp(w[h + 1].low, "hui"))) return 0;
        last = h + 1;
      }
      if (!strcmp(t->low, "demain") && h >= 1 && !strcmp(w[h - 1].low, "après")) first = h - 1, shift = 2;
      if (!strcmp(t->low, "hier") && h >= 1 && !strcmp(w[h - 1].low, "avant")) first = h - 1, shift = -2;
      nd_point p = shifted(a, ND_U_DAY, shift);
      set_point(&f->x, &p, NULL);
      f->start = w[first].start, f->end = w[last].end;
      return 1;
    }
    case W_SEASON: {
      int first = h, last = h, y = -1, rel = 0, season = t->e->val;
      if ((L & ROMANCE) && !(L & DE) && t->cap && !sentence_start(s, t->start)) return 0;
      if (h + 1 < nw && is_year(&w[h + 1])) y = w[h + 1].num, last = h + 1;
      else if (h + 2 < nw && cls_of(&w[h + 1], L) == W_OF && is_year(&w[h + 2])) y = w[h + 2].num, last = h + 2;
      else if (h + 1 < nw && (cls_of(&w[h + 1], L) == W_REL_POST || cls_of(&w[h + 1], L) == W_REL_BOTH))
        rel = w[h + 1].e->val, last = h + 1;
      else if (h >= 1 && (cls_of(&w[h - 1], L) == W_REL_PRE || cls_of(&w[h - 1], L) == W_REL_BOTH))
        rel = w[h - 1].e->val, first = h - 1;
      else if (!(h >= 1 && (cls_of(&w[h - 1], L) == W_MONTH_PREP || !strcmp(w[h - 1].low, "au") ||
                            !strcmp(w[h - 1].low, "im") || !strcmp(w[h - 1].low, "in") ||
                            !strcmp(w[h - 1].low, "no") || !strcmp(w[h - 1].low, "el"))))
        return 0;
      if (y < 0 && a && a->set) {
        y = a->y + rel;
        if (season == 3 && a->m <= 2) y--; /* winter started last December */
      }
      nd_point p = nd_point_make(ND_G_SEASON, y, season, -1);
      set_point(&f->x, &p, NULL);
      f->start = w[first].start, f->end = w[last].end;
      return 1;
    }
    case W_UNIT: {
      int unit = t->e->val, first = h, last = h;
      /* next/last/this + unit, unit + next/last */
      int rel = 2;
      if (h >= 1 && (cls_of(&w[h - 1], L) == W_REL_PRE || cls_of(&w[h - 1], L) == W_REL_BOTH))
        rel = w[h - 1].e->val, first = h - 1;
      else if (h + 1 < nw && (cls_of(&w[h + 1], L) == W_REL_POST || cls_of(&w[h + 1], L) == W_REL_BOTH))
        rel = w[h + 1].e->val, last = h + 1;
      else if (h + 2 < nw && !strcmp(w[h + 1].low, "que") &&
               (!strcmp(w[h + 2].low, "vem") || !strcmp(w[h + 2].low, "viene")))
        rel = 1, last = h + 2;
      if (rel != 2) {
        if (h + 1 < nw && !strcmp(w[h + 1].low, "ci") && (L & FR)) last = h + 1; /* ce mois-ci */
        nd_point p = shifted(a, unit, rel);
        set_point(&f->x, &p, NULL);
        f->start = w[first].start, f->end = w[last].end;
        return 1;
      }
      /* number + unit */
      if (h < 1) return 0;
      const tok *q = &w[h - 1];
      int num = q->num >= 0 && q->ndigits <= 3 && !q->dot && !q->ord ? q->num
              : cls_of(q, L) == W_NUM ? q->e->val : -1;
      if (num < 0) return 0;
      for (size_t z = q->end; z < t->start; z++)
        if (s[z] != ' ') return 0; /* "52, an": a list, not a quantity */
      if (num == 0 && q->num != 0) num = -1; /* quelques, plusieurs */
      first = h - 1;
      int dir = 0, j = h - 2;
      if (j >= 0 && cls_of(&w[j], L) == W_AGO_PRE) dir = -1, first = j;
      else if (j >= 2 && !strcmp(w[j].low, "a") && !strcmp(w[j - 1].low, "y") &&
               !strcmp(w[j - 2].low, "il") && (L & FR))
        dir = -1, first = j - 2;
      else if (j >= 0 && cls_of(&w[j], L) == W_IN_PRE) dir = 1, first = j;
      else if (j >= 1 && cls_of(&w[j], L & (ES | PT)) == W_OF && cls_of(&w[j - 1], L) == W_IN_PRE)
        dir = 1, first = j - 1; /* dentro de */
      else if (j >= 1 && !strcmp(w[j].low, "a") && !strcmp(w[j - 1].low, "daqui")) dir = 1, first = j - 1;
      else if (h + 1 < nw && cls_of(&w[h + 1], L) == W_AGO_POST) dir = -1, last = h + 1;
      if (dir && num > 0) {
        nd_point p = shifted(a, unit, dir * num);
        set_point(&f->x, &p, NULL);
      } else {
        static const char unit_letter[] = {[ND_U_DAY] = 'D', [ND_U_WEEK] = 'W', [ND_U_MONTH] = 'M',
                                           [ND_U_YEAR] = 'Y'};
        f->x.type = "DURATION";
        if (num > 0) snprintf(f->x.value, sizeof f->x.value, "P%d%c", num, unit_letter[unit]);
        else snprintf(f->x.value, sizeof f->x.value, "P%c%c", 'X', unit_letter[unit]);
        if (dir) {
          f->x.type = "DATE";
          snprintf(f->x.value, sizeof f->x.value, "%s", dir < 0 ? "PAST_REF" : "FUTURE_REF");
        }
      }
      f->start = w[first].start, f->end = w[last].end;
      return 1;
    }
  }
  return 0;
}

/* start/middle/end + year: "fin 2023", "Anfang 2024", "a finales de 2022". */
static int match_part_year(tok *w, int nw, int h, found *f) {
  int L = w[h].e->langs, k = h + 1;
  if (k < nw && cls_of(&w[k], L) == W_OF) k++;
  if (k >= nw || !is_year(&w[k])) return 0;
  nd_point p = nd_point_make(ND_G_YEAR, w[k].num, -1, -1);
  memset(f, 0, sizeof *f);
  set_point(&f->x, &p, mod_name(w[h].e->val));
  f->start = w[h].start, f->end = w[k].end;
  return 1;
}

/* 1 when the word starting at u[i] may be one of the triggers (the first
** three bytes of a trigger word); the English trigger pass asks it at every
** word start, so the text is read once. */
int nd_i18n_maybe(const char *s, size_t n, size_t i) {
  const unsigned char *u = (const unsigned char *)s;
  pthread_once(&once, build);
  unsigned c = u[i];
  unsigned b1 = i + 1 < n ? lower_byte[u[i + 1]] : 0, b2 = i + 2 < n ? lower_byte[u[i + 2]] : 0;
  if (c == 0xC3 && b1 && b1 <= 0x9E) b1 += 0x20;
  else if (b1 == 0xC3 && b2 && b2 <= 0x9E) b2 += 0x20;
  return prefixes[prefix_key(lower_byte[c], b1, b2)];
}

#define BEFORE 60 /* bytes read before a trigger for its modifiers and day */

/* "an" is French only after a number or before dernier/prochain/passé. */
static int weak_ok(const char *s, size_t n, size_t i, size_t j) {
  size_t z = j, p = i;
  while (z < n && s[z] == ' ') z++;
  if (z + 3 <= n && (!strncmp(s + z, "der", 3) || !strncmp(s + z, "pro", 3) || !strncmp(s + z, "pas", 3)))
    return 1;
  while (p > 0 && s[p - 1] == ' ') p--;
  if (p > 0 && is_digit((unsigned char)s[p - 1])) return 1;
  return p >= 2 && !strncmp(s + p - 2, "un", 2) && (p == 2 || !letter_at(s, p - 3, n));
}

int nd_dates_i18n_at(const char *s, size_t n, const size_t *pos, size_t npos, const nd_anchor *a,
                     nd_i18n_fn fn, void *arg) {
  pthread_once(&once, build);
  size_t done_to = 0;
  for (size_t q = 0; q < npos; q++) {
    size_t i = pos[q];
    if (i < done_to) continue;
    tok t;
    size_t j = read_tok(s, n, i, &t);
    if (j == i || !t.e || !(t.e->flags & F_TRIGGER || t.e->cls == W_PARTMOD)) continue;
    if (t.e->flags & F_WEAK && !weak_ok(s, n, i, j)) continue;
    /* read the words around, from a word start a little before */
    size_t from = i > BEFORE ? i - BEFORE : 0;
    if (from < done_to) from = done_to;
    while (from < i && from > 0 && (letter_at(s, from - 1, n) || is_digit((unsigned char)s[from - 1]) ||
                                    ((unsigned char)s[from] & 0xC0) == 0x80))
      from++;
    tok w[WIN];
    int nw = read_window(s, n, from, i, w, WIN), h = -1;
    for (int k = 0; k < nw; k++)
      if (w[k].start == i) h = k;
    if (h < 0) continue;
    found f;
    int ok = t.e->cls == W_PARTMOD ? match_part_year(w, nw, h, &f) : match_at(s, n, w, nw, h, a, &f);
    if (!ok) continue;
    if (fn(arg, f.start, f.end - f.start, &f.x)) return -1;
    done_to = f.end;
  }
  return 0;
}
