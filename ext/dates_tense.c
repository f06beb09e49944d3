/*
** Tense markers for the date tagger: the words that tell whether a clause
** speaks of the past ("said", "was", "met", "ago") or the future ("will",
** "next", "scheduled", "plans"), so that a bare weekday or month lands on
** the right side of the anchor ("met on Thursday" before it, "will arrive
** on Monday" after it). The present of a verb of schedules ("reconvenes on
** 12 January", "the offer expires on Friday") speaks of what is to come.
**
** How it works: words of ASCII letters are looked up in a small sorted
** table; a word ending in "-ed" not in the table counts as past. A few
** pairs are read together: "had been scheduled" and "as planned" are past,
** "next to" is no tense at all, and "to" after a word of intention
** ("agreed to buy", "an agreement to acquire") marks what is to come.
** Called on bounded windows around dates.
*/
#include <stdlib.h>
#include <string.h>

#include "nd_dates.h"

typedef struct tense_word {
  const char *w;
  /* 'F' future, 'P' past, 'H' had (past, and swallows what follows),
  ** 'S' a verb of speech (past: "said", "told"), 'N' none (a word ending in
  ** "-ed" that is no past: "hundred") */
  char tense;
} tense_word;

/* Sorted (strcmp order): checked by the unit tests. */
static const tense_word tense_words[] = {
    {"added", 'S'},    {"ago", 'P'},        {"aim", 'F'},       {"aims", 'F'},
    {"arrives", 'F'},  {"based", 'N'},      {"became", 'P'},    {"began", 'P'},
    {"begins", 'F'},   {"bleed", 'N'},      {"bought", 'P'},    {"breed", 'N'},
    {"brought", 'P'},  {"built", 'P'},      {"came", 'P'},      {"caught", 'P'},
    {"chose", 'P'},    {"concludes", 'F'},  {"convenes", 'F'},  {"creed", 'N'},
    {"deed", 'N'},     {"did", 'P'},        {"drew", 'P'},      {"due", 'F'},
    {"earlier", 'P'},  {"embed", 'N'},      {"exceed", 'N'},    {"expect", 'F'},
    {"expected", 'F'}, {"expects", 'F'},    {"expires", 'F'},   {"feed", 'N'},
    {"fell", 'P'},     {"fled", 'P'},       {"flew", 'P'},      {"fought", 'P'},
    {"found", 'P'},    {"gave", 'P'},       {"going", 'F'},     {"got", 'P'},
    {"greed", 'N'},    {"grew", 'P'},       {"had", 'H'},       {"hatred", 'N'},
    {"heard", 'P'},    {"heed", 'N'},       {"held", 'P'},      {"hope", 'F'},
    {"hopes", 'F'},    {"hundred", 'N'},    {"indeed", 'N'},    {"intend", 'F'},
    {"intends", 'F'},  {"kept", 'P'},       {"kindred", 'N'},   {"knew", 'P'},
    {"last", 'P'},     {"led", 'P'},        {"left", 'P'},      {"limited", 'N'},
    {"ll", 'F'},       {"lost", 'P'},       {"made", 'P'},      {"meets", 'F'},
    {"met", 'P'},      {"naked", 'N'},      {"need", 'N'},      {"needed", 'P'},
    {"next", 'F'},     {"opens", 'F'},      {"paid", 'P'},      {"payable", 'F'},
    {"plan", 'F'},     {"planned", 'F'},    {"planning", 'F'},  {"plans", 'F'},
    {"proceed", 'N'},  {"reconvenes", 'F'}, {"reed", 'N'},      {"resumes", 'F'},
    {"returns", 'F'},  {"rose", 'P'},       {"sacred", 'N'},    {"said", 'S'},
    {"sank", 'P'},     {"saw", 'P'},        {"scheduled", 'F'}, {"seed", 'N'},
    {"sent", 'P'},     {"shall", 'F'},      {"shed", 'N'},      {"since", 'P'},
    {"sold", 'P'},     {"sought", 'P'},     {"speed", 'N'},     {"spent", 'P'},
    {"spoke", 'P'},    {"starts", 'F'},     {"steed", 'N'},     {"stood", 'P'},
    {"struck", 'P'},   {"succeed", 'N'},    {"thought", 'P'},   {"threw", 'P'},
    {"told", 'S'},     {"tomorrow", 'F'},   {"took", 'P'},      {"tweed", 'N'},
    {"united", 'N'},   {"upcoming", 'F'},   {"was", 'P'},       {"weed", 'N'},
    {"went", 'P'},     {"were", 'P'},       {"wicked", 'N'},    {"will", 'F'},
    {"won", 'P'},      {"would", 'F'},      {"wrote", 'P'},     {"yesterday", 'P'},
};

int nd_tense_words_sorted(void) {
  for (size_t i = 1; i < sizeof(tense_words) / sizeof(tense_words[0]); i++)
    if (strcmp(tense_words[i - 1].w, tense_words[i].w) >= 0) return 0;
  return 1;
}

static int tense_cmp(const void *key, const void *elem) {
  return strcmp((const char *)key, ((const tense_word *)elem)->w);
}

/* The tense of a lower-case word in tense_words, 0 when it is not there. */
static char listed_tense(const char *w) {
  const tense_word *e = bsearch(w, tense_words, sizeof(tense_words) / sizeof(tense_words[0]),
                                sizeof(tense_words[0]), tense_cmp);
  return e ? e->tense : 0;
}

/* Is w one of the NULL-terminated words? */
static int word_in(const char *w, const char *const *words) {
  for (; *words; words++)
    if (!strcmp(w, *words)) return 1;
  return 0;
}

static int is_alpha(unsigned char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* The next word of s[*i..to): its bounds and lower-cased copy (truncated). */
static int next_word(const char *s, size_t to, size_t *i, size_t *a, size_t *b, char *low) {
  while (*i < to && !is_alpha((unsigned char)s[*i])) (*i)++;
  if (*i >= to) return 0;
  *a = *i;
  while (*i < to && is_alpha((unsigned char)s[*i])) {
    if (*i - *a < 15) low[*i - *a] = (char)(s[*i] | 0x20);
    (*i)++;
  }
  *b = *i;
  low[*b - *a < 15 ? *b - *a : 15] = 0;
  return 1;
}

/* Words before a noun: "the plan", "its hopes". */
static const char *const determiners[] = {"a",     "an",    "the", "its",  "his",  "her",
                                          "their", "our",   "my",  "your", "this", "that",
                                          "these", "those", "new", "no",   NULL};
/* Future markers that are also nouns. */
static const char *const intent_nouns[] = {"plan", "plans", "hope", "hopes", "aim", "aims", "will",
                                           NULL};
/* The future of the writer's own time: "will", "shall", "'ll" (not
** "would", the future of a past told about). */
static const char *const modal_future[] = {"will", "shall", "ll", NULL};
/* The present of the writer's own time ("is", "says"): reported apart from
** the tenses, which it does not decide. */
static const char *const present_words[] = {"is",       "are",   "says",  "remains", "continues",
                                            "continue", "lives", "now",   "see",     "sees",
                                            NULL};
/* Adverbs between a determiner and a participle: "a still unspecified date". */
static const char *const adjective_adverbs[] = {"still", "yet", "newly", NULL};

/* An "-ed" word after a determiner is an adjective, no past: "an undisclosed
** sum", "the revised plan", "a still unspecified date". */
static int participle_adjective(const char *prev, const char *prev2) {
  return word_in(prev, determiners) ||
         (word_in(prev, adjective_adverbs) && word_in(prev2, determiners));
}

/* Past participles that do not end in "-ed", read after "has" and "have". */
static const char *const participles[] = {"been", "come", "gone", "done", "seen", "taken", "given",
                                          "fallen", "risen", "grown", "become", "made", "had",
                                          "paid", "sold", "lost", "won", "begun", "left",
                                          "cut", "kept", "held", "brought", "bought", NULL};

/* Words before the verb "last" ("would last", "to last"), and after it
** ("lasts into", "last until"). */
static const char *const modals[] = {"will", "would", "could", "may", "might", "should", "can",
                                     "must", "to", "ll", "shall", "not", NULL};
static const char *const lasting_words[] = {"into", "until", "till", "through", "beyond",
                                            "longer", NULL};

/* Words of intention: the "to" after them opens what is to come. */
static const char *const intent_words[] = {
    "agree",    "agreed",   "agrees",     "agreement", "decide",   "decided", "decides", "vote",
    "voted",    "votes",    "promise",    "promised",  "promises", "pledge",  "pledged", "pledges",
    "vow",      "vowed",    "vows",       "offer",     "offered",  "offers",  "propose", "proposed",
    "proposes", "threaten", "threatened", "threatens", NULL};
/* After "will be", "would be" or "to be", a participle is to come. */
static const char *const future_aux[] = {"will", "would", "to", "ll", "shall", NULL};
/* Adverbs between the auxiliary and "be": "would still be held". */
static const char *const aux_adverbs[] = {"still", "also", "then", "now", "likely", "probably",
                                          "soon", "only", "again", "first", NULL};

int nd_tense_marks(const char *s, size_t from, size_t to, nd_tense_fn fn, void *arg) {
  size_t i = from, a, b;
  char low[16], prev[16] = "", prev2[16] = "", prev3[16] = "";
  /* Words may not start inside a word cut by the window. */
  while (i > 0 && i < to && is_alpha((unsigned char)s[i]) && is_alpha((unsigned char)s[i - 1])) i++;
  while (next_word(s, to, &i, &a, &b, low)) {
    char t = listed_tense(low);
    size_t len = b - a;
    if (!t && len >= 4 && len < 15 && low[len - 2] == 'e' && low[len - 1] == 'd' &&
        !participle_adjective(prev, prev2))
      t = 'P';
    if (t == 'N') t = 0;
    /* "better-than-expected", "long-awaited": part of a compound adjective
    ** ("re-elected", "co-founded" stay verbs) */
    if (a > 3 && s[a - 1] == '-' && is_alpha((unsigned char)s[a - 2]) &&
        is_alpha((unsigned char)s[a - 3]) && is_alpha((unsigned char)s[a - 4]))
      t = 0;
    /* "will be sold", "to be released": a participle after "will be" is to come
    ** ("could be located" may be either, and stays past) */
    int modal = word_in(low, modal_future);
    if (t == 'P' && !strcmp(prev, "be") &&
        (word_in(prev2, future_aux) || (word_in(prev2, aux_adverbs) && word_in(prev3, future_aux)))) {
      t = 'F';
      modal = word_in(prev2, modal_future) || word_in(prev3, modal_future);
    }
    if (t == 'F' && !strcmp(low, "next")) {
      /* "next to" is a place */
      size_t j = b;
      while (j < to && s[j] == ' ') j++;
      if (j + 2 <= to && (s[j] | 0x20) == 't' && (s[j + 1] | 0x20) == 'o' &&
          (j + 2 == to || !is_alpha((unsigned char)s[j + 2])))
        t = 0;
    }
    if (t == 'P' && !strcmp(low, "last")) {
      /* "would last into the weekend", "is expected to last until Friday":
      ** the verb, no past */
      size_t j = i, c, d;
      char w2[16];
      if (word_in(prev, modals) ||
          (next_word(s, to, &j, &c, &d, w2) && word_in(w2, lasting_words)))
        t = 0;
    }
    if (t == 'F' && word_in(low, intent_nouns) && word_in(prev, determiners))
      t = 0; /* "announced the plan Aug. 21": a noun, no tense */
    if (t == 'F' && !strcmp(low, "planned") &&
        (!strcmp(prev, "as") || !strcmp(prev, "previously") || !strcmp(prev, "originally")))
      t = 'P';
    if (t == 'P' && (!strcmp(low, "was") || !strcmp(low, "were"))) {
      /* "were planning", "was going to": the plan speaks, not the past tense
      ** ("was scheduled to" stays past: plans of the past often are) */
      size_t j = i, c, d;
      char w2[16];
      if (next_word(s, to, &j, &c, &d, w2)) {
        size_t l2 = strlen(w2);
        if (listed_tense(w2) == 'F' && l2 > 3 && !strcmp(w2 + l2 - 3, "ing")) t = 0;
      }
    }
    if (!t && (!strcmp(low, "set") || !strcmp(low, "is") || !strcmp(low, "are"))) {
      /* "set to resume", "is to open": an arrangement to come */
      size_t j = i, c, d;
      char w2[16];
      if (next_word(s, to, &j, &c, &d, w2) && !strcmp(w2, "to")) t = 'F';
    }
    if (!t && word_in(low, present_words)) t = 'R';
    if (!t && !strcmp(low, "as")) {
      /* "as early as Tuesday", "as soon as Monday": the earliest a thing may come */
      size_t j = i, c, d;
      char w2[16], w3[16];
      if (next_word(s, to, &j, &c, &d, w2) && (!strcmp(w2, "early") || !strcmp(w2, "soon")) &&
          next_word(s, to, &j, &c, &d, w3) && !strcmp(w3, "as"))
        t = 'F';
    }
    if (!t && (!strcmp(low, "has") || !strcmp(low, "have"))) {
      /* "have come down from October", "has been": the present perfect
      ** tells of what is past */
      size_t j = i, c, d;
      char w2[16];
      if (next_word(s, to, &j, &c, &d, w2)) {
        size_t l2 = strlen(w2);
        if (word_in(w2, participles) ||
            (l2 >= 4 && !strcmp(w2 + l2 - 2, "ed") && listed_tense(w2) != 'F'))
          t = 'P';
      }
    }
    if (!t && !strcmp(low, "to") && word_in(prev, intent_words)) t = 'I';
    if (t == 'H') {
      /* "had been scheduled": the plan is past, skip the words that follow */
      size_t j = i, c, d;
      char w2[16];
      for (int k = 0; k < 2 && next_word(s, to, &j, &c, &d, w2); k++) {
        if (!strcmp(w2, "been")) continue;
        if (listed_tense(w2) == 'F' || !strcmp(w2, "set") || !strcmp(w2, "supposed")) i = j;
        break;
      }
      t = 'P';
    }
    if (t && fn(arg, a,
                t == 'I'              ? ND_TENSE_MARK_INTENT
                : t == 'S'            ? ND_TENSE_MARK_SPEECH
                : t == 'R'            ? ND_TENSE_MARK_PRESENT
                : t == 'F' && modal   ? ND_TENSE_MARK_MODAL
                                      : t == 'F'))
      return -1;
    memcpy(prev3, prev2, sizeof prev3);
    memcpy(prev2, prev, sizeof prev2);
    memcpy(prev, low, sizeof prev);
  }
  return 0;
}
