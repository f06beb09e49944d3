/*
** Gazetteers: name lists looked up as features of the entity tagger.
**
** The lists (countries, cities, regions, nationalities, first names,
** WordNet people, places and organizations, cue words, common English
** words...) are derived at build time from installed public sources by
** tools/build-gazetteers.py (see docs/gazetteers.md) into one read-only
** hash table, ext/data/gazetteer.bin, linked into the library by
** ext/gazetteer_blob.S. Lookups use it in place: no allocation, no
** initialization, thread-safe.
**
** Matching is case-insensitive: keys are case-folded (simple Unicode
** lower case) and a phrase is its tokens joined by one space. But names
** need a capital: a word or phrase without any capital letter gets only the
** ND_GAZ_CASELESS flags (cue words, common words, months, currencies), so
** "who" is not the WHO nor "will" a first name. A list hit
** is evidence, not a decision: "Jordan" is a country, a first name and a
** basketball player, so one word often carries several flags; the tagger
** learns how far to trust each one next to capitalization and context.
**
** Entries were split into tokens the way ext/tokenize.c splits news text
** (include/nd_tokenize.h): words keep inner apostrophes and hyphens
** ("O'Neill", "Saint-Denis") and abbreviation periods ("U.S.", "Inc.",
** "St."); the clitic 's is a token of its own; any other character is a
** token. Typographic apostrophes and hyphens match their ASCII forms.
*/
#ifndef ND_GAZETTEER_H
#define ND_GAZETTEER_H
#include <stddef.h>
#include <stdint.h>

/* One bit per list. A word or phrase may be in several lists. */
enum {
  ND_GAZ_COUNTRY = 1u << 0,     /* country names, short and official: "France", "United States" */
  ND_GAZ_CITY = 1u << 1,        /* cities and towns (GeoNames, population >= threshold; tz cities) */
  ND_GAZ_REGION = 1u << 2,      /* states, provinces, regions: "Texas", "Bavaria", "Donetsk Oblast" */
  ND_GAZ_NATIONALITY = 1u << 3, /* demonyms and adjectives of countries: "Russian", "Chinese" */
  ND_GAZ_FIRST_NAME = 1u << 4,  /* given names: "John", "Maria" */
  ND_GAZ_LAST_NAME = 1u << 5,   /* last tokens of known full person names: "Churchill" */
  ND_GAZ_PERSON = 1u << 6,      /* full names of people (WordNet person instances) */
  ND_GAZ_ORG = 1u << 7,         /* organizations: agencies, parties, companies, clubs */
  ND_GAZ_ORG_SUFFIX = 1u << 8,  /* ends an organization name: "Inc", "Corp", "Ltd", "GmbH", "FC" */
  ND_GAZ_ORG_CUE = 1u << 9,     /* head words of organizations: "Ministry", "Council", "Party", "Bank" */
  ND_GAZ_PERSON_CUE = 1u << 10, /* titles and roles before or after names: "Mr", "President", "spokesman" */
  ND_GAZ_LOC_CUE = 1u << 11,    /* head words of places: "River", "Mount", "Lake", "Street", "Province" */
  ND_GAZ_MISC = 1u << 12,       /* languages, religions, events: "Arabic", "Islam", "Olympics", "World Cup" */
  ND_GAZ_COMMON = 1u << 13,     /* the lower-case form is a common English word: evidence against a name
                                   for a capital at the start of a sentence */
  ND_GAZ_PROPER = 1u << 14,     /* the English dictionary lists the word only capitalized */
  ND_GAZ_TIME = 1u << 15,       /* month and weekday names: capitalized but not entities */
  ND_GAZ_LOCATION = 1u << 16,   /* other named places: continents, rivers, mountains, seas, islands */
  ND_GAZ_CURRENCY = 1u << 17,   /* currency names: "euro", "yen", "rouble" */
  ND_GAZ_TRAIN_PER = 1u << 18,  /* entity strings of CoNLL train.txt only (never dev); train with
                                   the *_fold functions below */
  ND_GAZ_TRAIN_ORG = 1u << 19,
  ND_GAZ_TRAIN_LOC = 1u << 20,
  ND_GAZ_TRAIN_MISC = 1u << 21,
};
#define ND_GAZ_NFLAGS 22
#define ND_GAZ_CASELESS                                                                          \
  (ND_GAZ_ORG_SUFFIX | ND_GAZ_ORG_CUE | ND_GAZ_PERSON_CUE | ND_GAZ_LOC_CUE | ND_GAZ_COMMON |       \
   ND_GAZ_TIME | ND_GAZ_CURRENCY)
#define ND_GAZ_ALL ((1u << ND_GAZ_NFLAGS) - 1)
/* Not a list: in a lookup's raw answer (nd_gaz_word_raw), the key begins a
** longer entry, so phrase matching goes on to the next token. */
#define ND_GAZ_PREFIX_BIT (1u << 31)
#define ND_GAZ_TRAIN_ALL (ND_GAZ_TRAIN_PER | ND_GAZ_TRAIN_ORG | ND_GAZ_TRAIN_LOC | ND_GAZ_TRAIN_MISC)

/* Short upper-case name of flag number bit (0 <= bit < ND_GAZ_NFLAGS), e.g.
** "CITY" for bit 1, for building feature strings; NULL when out of range. */
const char *nd_gaz_flag_name(unsigned bit);

/* Flags of the single token w[0..n), or 0 when it is in no list. */
unsigned nd_gaz_word(const char *w, size_t n);

/* One token of a sentence, for phrase matching. A caller that already
** looked the token up alone (nd_gaz_word_raw, same fold) may pass the
** answer in raw and capital with known = 1: phrase matching then looks up
** only the words that can begin a longer entry. */
typedef struct nd_gaz_tok {
  const char *s;
  size_t n;
  int known, capital;
  unsigned raw;
} nd_gaz_tok;

/* The longest entry (one or more tokens, at most ND_GAZ_MAX_TOKENS) that
** starts at token i of tok[0..ntok): returns its length in tokens and sets
** *flags to its flags; returns 0 (and *flags = 0) when none starts there. */
#define ND_GAZ_MAX_TOKENS 8
size_t nd_gaz_phrase(const nd_gaz_tok *tok, size_t ntok, size_t i, unsigned *flags);

/* Phrase features of a whole sentence, for B-/I- gazetteer features: for
** every token, begin[i] gets the flags of the longest entry starting at i,
** and inside[j] the flags of every such longest entry that covers j without
** starting there (ORed when matches overlap). Both arrays hold ntok values. */
void nd_gaz_sentence(const nd_gaz_tok *tok, size_t ntok, unsigned *begin, unsigned *inside);

/* Cross-validated TRAIN_* lists, for training a tagger on CoNLL train.txt.
** The TRAIN_* lists hold entity strings of train.txt, so while training on
** train.txt they would fire on every entity of the document at hand and the
** tagger would learn to trust them far more than they deserve on new text.
** Training must instead read, for each document, lists built without it:
** documents are numbered from 0 in file order (by -DOCSTART- lines) and
** document d is in fold d % ND_GAZ_FOLDS; these functions answer like the
** ones above, except that the TRAIN_* bits come from the lists built from
** the other folds. fold < 0 gives the full lists (the functions above). */
#define ND_GAZ_FOLDS 5
unsigned nd_gaz_word_fold(const char *w, size_t n, int fold);
/* The lookup behind nd_gaz_word_fold: the flags of the case-folded word,
** also those it needs a capital for, and ND_GAZ_PREFIX_BIT when it begins
** a longer entry; *capital says whether it had one. nd_gaz_word_fold is
** nd_gaz_visible(raw, capital) without ND_GAZ_PREFIX_BIT. */
unsigned nd_gaz_word_raw(const char *w, size_t n, int fold, int *capital);
unsigned nd_gaz_visible(unsigned raw, int capital);
size_t nd_gaz_phrase_fold(const nd_gaz_tok *tok, size_t ntok, size_t i, int fold, unsigned *flags);
void nd_gaz_sentence_fold(const nd_gaz_tok *tok, size_t ntok, int fold, unsigned *begin, unsigned *inside);

/* Answers to lookups of keys of two or more tokens, kept between calls by
** a caller that matches phrases in much text (the same "in the", "of the"
** come back in every article): a direct-mapped table by the key's 64-bit
** hash. Empty it with nd_gaz_memo_clear (a zeroed one is empty too): only
** its small bitmap is written, so the slots' pages are touched only as
** they fill. With the full lists only (no fold). */
#define ND_GAZ_MEMO_SLOTS 16384
typedef struct nd_gaz_memo {
  uint64_t used[ND_GAZ_MEMO_SLOTS / 64];
  struct {
    uint64_t hash;
    unsigned flags;
  } slot[ND_GAZ_MEMO_SLOTS];
} nd_gaz_memo;
void nd_gaz_memo_clear(nd_gaz_memo *memo);
/* nd_gaz_sentence with such a memo (NULL: none). */
void nd_gaz_sentence_memo(const nd_gaz_tok *tok, size_t ntok, nd_gaz_memo *memo, unsigned *begin,
                          unsigned *inside);

#endif
