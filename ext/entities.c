/*
** Raw text -> named entities: tokenize, tag with the built-in model, read
** the BIO tags as spans, give each its sentence, score, canonical form and
** key (see nd_entities.h).
**
** How it works: the text is tagged in documents of at most CHUNK bytes cut
** at sentence starts, so memory stays bounded and time linear whatever the
** input's size; the document-level pass of the tagger then sees one such
** piece at a time (a news article is far smaller). A span's score is the
** mean of its tokens' tag probabilities. Canonical forms come from
** nd_canonical over all the mentions of the text ("Putin" -> "Vladimir
** Putin"); the key is nd_normalize of the canonical form.
*/
#include <string.h>

#include "nd_alloc.h"
#include "nd_canonical.h"
#include "nd_entities.h"
#include "nd_function_words.h"
#include "nd_langid.h"
#include "nd_normalize.h"
#include "nd_sentences.h"
#include "nd_utf8.h"

#define CHUNK (1u << 20)

const char *nd_entity_type_name(int type) {
  static const char *const names[ND_ENT_TYPES] = {"PER", "ORG", "LOC", "MISC"};
  return type >= 0 && type < ND_ENT_TYPES ? names[type] : NULL;
}

typedef struct ent_list {
  nd_entity *a;
  size_t n, cap;
} ent_list;

static int add_entity(ent_list *L, size_t start, size_t len, int type, size_t sentence,
                      double score) {
  if (L->n == L->cap) {
    size_t cap = L->cap ? L->cap * 2 : 32;
    nd_entity *a = nd_realloc(L->a, cap * sizeof(*a));
    if (!a) return -1;
    L->a = a;
    L->cap = cap;
  }
  nd_entity *e = &L->a[L->n];
  memset(e, 0, sizeof(*e));
  e->start = start;
  e->len = len;
  e->type = type;
  e->sentence = sentence;
  e->score = score;
  L->n++;
  return 0;
}

/* True when text[at] lies on a line with no lower-case word of four
** letters or more (within 200 bytes each side): a menu or a list of links,
** no sentence ("Home | News | Sport", not "News announced a profit"). */
static int menu_line(const char *text, size_t n, size_t at) {
  size_t b = at, e = at;
  while (b > 0 && at - b < 200 && text[b - 1] != '\n') b--;
  while (e < n && e - at < 200 && text[e] != '\n') e++;
  for (size_t i = b; i < e; i++) {
    unsigned char prev = i == b ? ' ' : (unsigned char)text[i - 1];
    int starts = prev < 0x80 && !((prev | 32) >= 'a' && (prev | 32) <= 'z');
    if (!starts || text[i] < 'a' || text[i] > 'z') continue;
    size_t k = i;
    while (k < e && text[k] >= 'a' && text[k] <= 'z') k++;
    if (k - i >= 4) return 0;
  }
  return 1;
}

/* One word of a mention in lower case (ASCII and Latin-1 capitals: "É" is
** "é"), into w of cap bytes; 0 when it is longer or in capitals only. */
static int word_key(const char *s, size_t n, char *w, size_t cap) {
  int lower = 0;
  if (n >= cap) return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if ((c >= 'a' && c <= 'z') || (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0xA0))
      lower = 1;
    if (c >= 'A' && c <= 'Z') c += 32;
    else if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
      c += 0x20; /* U+00C0..U+00DE but U+00D7 */
    w[i] = (char)c;
  }
  w[n] = 0;
  return lower;
}

/* "Privacy Policy", "Contact Us", "Terms of Use": the links of every
** page's footer, and on a line of a menu "News / Local", "Économie": a
** site's sections. A tagger reads them as names in a dump of a whole page.
** True when every word of the span is such a word; an all-capitals word
** ("US", "NOTICIAS") is a name. No gold entity of CoNLL-2003 train or dev
** is made of footer words; section words are such only on a menu line,
** as "News announced a profit" (News Corp) is a name. */
static int web_furniture(const char *text, size_t n, size_t start, size_t len) {
  static const char *const azFooter[] = {
      "about", "accessibility", "advertise", "advertising", "careers", "conditions", "contact",
      "cookie", "cookies", "copyright", "faq", "feedback", "help", "home", "log", "login",
      "menu", "newsletter", "newsletters", "notice", "of", "policy", "preferences", "privacy",
      "reserved", "rights", "search", "service", "services", "settings", "sign", "sitemap",
      "subscribe", "subscription", "terms", "us", "use", "impressum", "datenschutz",
      "datenschutzerklärung", "kontakt", "anmelden", "abmelden", "registrieren", "connexion",
      "mentions", "légales", "contacto", "aviso", "privacidad", "contatti", NULL};
  static const char *const azSection[] = {
      "news", "world", "business", "sport", "sports", "politics", "culture", "opinion",
      "lifestyle", "weather", "video", "videos", "local", "entertainment", "tech", "technology",
      "science", "health", "travel", "markets", "latest", "trending", "live", "podcasts", "share",
      "economy", "money", "arts", "style", "food", "books", "media", "education", "environment",
      "climate", "accueil", "actualités", "économie", "politique", "partager", "inicio", "portada",
      "noticias", "deportes", "economía", "startseite", "nachrichten", "wirtschaft", "politik",
      "kultur", "teilen", NULL};
  const char *s = text + start;
  int words = 0, sections = 0;
  for (size_t i = 0; i < len;) {
    while (i < len && (s[i] == ' ' || s[i] == '-' || s[i] == '&' || s[i] == '/' || s[i] == '|'))
      i++;
    size_t b = i;
    while (i < len && s[i] != ' ' && s[i] != '-' && s[i] != '&' && s[i] != '/' && s[i] != '|')
      i++;
    if (i == b) break;
    char w[24];
    if (!word_key(s + b, i - b, w, sizeof w)) return 0;
    int footer = 0, section = 0;
    for (int k = 0; azFooter[k] && !footer; k++) footer = strcmp(w, azFooter[k]) == 0;
    for (int k = 0; !footer && azSection[k] && !section; k++) section = strcmp(w, azSection[k]) == 0;
    if (!footer && !section) return 0;
    sections += section;
    words++;
  }
  return words > 0 && (!sections || menu_line(text, n, start));
}

/* The input's language, worked out only when a mention opens with a word
** that is a function word somewhere: English text pays nothing. */
typedef struct input_lang {
  const char *text;
  size_t n;
  int known;
  unsigned bit; /* nd_function_lang_bit of the input's language */
} input_lang;

static unsigned lang_of(input_lang *il) {
  if (!il->known) {
    /* the first 2 KB tell a news text's language well enough */
    il->bit = nd_function_lang_bit(nd_langid(il->text, il->n < 2048 ? il->n : 2048));
    il->known = 1;
  }
  return il->bit;
}

static int lower_start(const char *piece, const nd_token *t) {
  return piece[t->start] >= 'a' && piece[t->start] <= 'z';
}

/* Particles inside people's names ("Ursula von der Leyen", "Luiz Inácio
** Lula da Silva"), which are also function words. */
static int name_particle(const char *w, size_t n) {
  static const char *const azParticle[] = {"von", "van", "de", "da", "di", "del",
                                           "della", "dos", "das", "do", "du", "la", "le", "y",
                                           "zu", "ter", "ten", NULL};
  for (int i = 0; azParticle[i]; i++)
    if (strlen(azParticle[i]) == n && memcmp(azParticle[i], w, n) == 0) return 1;
  return 0;
}

/* Nothing but white space and sentence punctuation before piece[at]. */
static int opens_sentence(const char *piece, size_t at) {
  while (at > 0 && (piece[at - 1] == ' ' || piece[at - 1] == '\t')) at--;
  if (at == 0) return 1;
  unsigned char c = (unsigned char)piece[at - 1];
  return !(c == ',' || c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'));
}

/* Tokens [*first, last) of a mention of the given type in a text of another
** language (German, French, Spanish, Italian, Portuguese, Dutch), where
** capitals mark more than names. Returns 0 when it is no name: a lone
** function word ("Selon", "Wir"); a mention whose opening function word,
** left out, leaves a word in lower case ("la ministra de Vivienda"); a
** person with a function word inside ("Preise für Fernwärme") or right
** after an article ("die Erhöhung", a noun). The opening word is left out
** when written in lower case ("la Junta") or, opening a sentence, before
** two words or more ("La Junta de Castilla"), so that "Le Pen" and "De
** Jong" keep theirs; German has no such names ("Der Deich" is a noun). */
static int foreign_mention(input_lang *il, const char *piece, const nd_token *tok, size_t *first,
                           size_t last, int type) {
  size_t i = *first;
  int trimmed = 0; /* an article left out */
  /* an acronym ("EU", "OB") is no function word */
  int caps = tok[i].len >= 2;
  for (size_t k = 0; k < tok[i].len && caps; k++)
    caps = piece[tok[i].start + k] >= 'A' && piece[tok[i].start + k] <= 'Z';
  unsigned langs = caps ? 0 : nd_function_word_langs(piece + tok[i].start, tok[i].len, 0);
  if (langs && (langs & lang_of(il))) {
    unsigned article = nd_function_word_langs(piece + tok[i].start, tok[i].len, 1) & il->bit;
    if (last - i == 1) return 0;
    if (lower_start(piece, &tok[i]) || (last - i >= 3 && opens_sentence(piece, tok[i].start)) ||
        (article & nd_function_lang_bit("de"))) {
      trimmed = article != 0;
      *first = ++i;
      if (lower_start(piece, &tok[i])) return 0;
    }
  }
  if (type != 0 /* PER */) return 1;
  int inner = 0;
  for (size_t k = i + 1; k < last && !inner; k++)
    inner = lower_start(piece, &tok[k]) && !name_particle(piece + tok[k].start, tok[k].len) &&
            (nd_function_word_langs(piece + tok[k].start, tok[k].len, 0) & lang_of(il));
  int after_article = trimmed || (i > 0 && lower_start(piece, &tok[i - 1]) &&
                                  (nd_function_word_langs(piece + tok[i - 1].start,
                                                          tok[i - 1].len, 1) &
                                   lang_of(il)));
  return !inner && !after_article;
}

/* Canonical forms (nd_canonical, over the whole text) and their keys. */
static int name_entities(const char *text, size_t n, ent_list *L) {
  if (L->n == 0) return 0;
  nd_mention *m = nd_malloc(L->n * sizeof(*m));
  char **canon = nd_malloc(L->n * sizeof(char *));
  size_t *clen = nd_malloc(L->n * sizeof(size_t));
  int rc = (!m || !canon || !clen) ? -1 : 0;
  if (rc == 0) {
    for (size_t i = 0; i < L->n; i++)
      m[i] = (nd_mention){L->a[i].start, L->a[i].len, L->a[i].type};
    rc = nd_canonical(text, n, m, L->n, canon, clen);
  }
  for (size_t i = 0; i < L->n && rc == 0; i++) {
    nd_entity *e = &L->a[i];
    e->canonical = canon[i];
    e->canonical_len = clen[i];
    canon[i] = NULL;
    e->key = nd_normalize(e->canonical, e->canonical_len, &e->key_len);
    if (!e->key) rc = -1;
  }
  if (canon && rc)
    for (size_t i = 0; i < L->n; i++) nd_free(canon[i]);
  nd_free(m);
  nd_free(canon);
  nd_free(clen);
  return rc;
}

/* End of the piece that starts at byte a: the last sentence start within
** CHUNK bytes, else the last white space, else a character boundary. */
static size_t chunk_end(const char *text, size_t n, size_t a, const nd_span *sp, size_t nsp,
                        size_t *si) {
  if (n - a <= CHUNK) return n;
  size_t limit = a + CHUNK, best = 0;
  while (*si < nsp && sp[*si].start <= limit) {
    if (sp[*si].start > a) best = sp[*si].start;
    (*si)++;
  }
  if (*si > 0) (*si)--;
  if (best) return best;
  for (size_t i = limit; i > a + CHUNK / 2; i--)
    if (text[i] == ' ' || text[i] == '\n') return i;
  size_t i = limit;
  while (i > a + 1 && ((unsigned char)text[i] & 0xC0) == 0x80) i--;
  return i;
}

/* Tag text[a..b) and append its entities. */
static int tag_piece(const nd_ner_model *m, nd_ner_cache *cache, int scores, const char *text,
                     size_t n, size_t a, size_t b, const nd_span *sp, size_t nsp, input_lang *il,
                     ent_list *L) {
  nd_token *tok;
  size_t nt;
  /* The whole text is one piece (any article): its sentences are known. */
  int split = a == 0 && b == n ? nd_tokenize_split(text, n, sp, nsp, &tok, &nt)
                               : nd_tokenize(text + a, b - a, &tok, &nt);
  if (split) return -1;
  unsigned char *tags = nd_malloc(nt ? nt : 1);
  float *conf = scores ? nd_malloc((nt ? nt : 1) * sizeof(float)) : NULL;
  int rc = (!tags || (scores && !conf)) ? -1
                                        : nd_ner_tag_cached(m, cache, text + a, tok, nt, tags, conf);
  for (size_t i = 0; i < nt && rc == 0;) {
    if (tags[i] == 0) {
      i++;
      continue;
    }
    int type = (tags[i] - 1) / 2;
    size_t j = i + 1, first = i;
    while (j < nt && tags[j] == 2 + 2 * type) j++;
    if (!foreign_mention(il, text + a, tok, &first, j, type)) {
      i = j;
      continue;
    }
    double sum = 0;
    for (size_t k = first; conf && k < j; k++) sum += conf[k];
    /* Ends where SQLite starts a character, so that substr() agrees on
    ** invalid input (continuation bytes glued to an earlier lead byte). */
    size_t start = nd_utf8_boundary(text, n, a + tok[first].start);
    size_t end = nd_utf8_boundary(text, n, a + tok[j - 1].start + tok[j - 1].len);
    if (end > start && !web_furniture(text, n, start, end - start))
      rc = add_entity(L, start, end - start, type, nd_sentence_of(sp, nsp, start),
                      sum / (double)(j - first));
    i = j;
  }
  nd_free(tags);
  nd_free(conf);
  nd_free(tok);
  return rc;
}

int nd_entities_find(const char *text, size_t n, nd_entity **out, size_t *count) {
  return nd_entities_find_cached(NULL, text, n, out, count);
}

int nd_entities_find_cached(nd_ner_cache *cache, const char *text, size_t n, nd_entity **out,
                            size_t *count) {
  return nd_entities_find_opts(cache, ND_ENT_ALL, text, n, out, count);
}

int nd_entities_find_opts(nd_ner_cache *cache, unsigned want, const char *text, size_t n,
                          nd_entity **out, size_t *count) {
  *out = NULL;
  *count = 0;
  const nd_ner_model *m = nd_ner_builtin();
  if (!m || n == 0) return 0;
  nd_span *sp;
  size_t nsp;
  if (nd_sentences_split(text, n, &sp, &nsp)) return -1;
  ent_list L = {0};
  input_lang il = {text, n, 0, 0};
  int rc = 0;
  size_t si = 0;
  for (size_t a = 0; a < n && rc == 0;) {
    size_t b = chunk_end(text, n, a, sp, nsp, &si);
    rc = tag_piece(m, cache, (want & ND_ENT_SCORES) != 0, text, n, a, b, sp, nsp, &il, &L);
    a = b;
  }
  nd_free(sp);
  if (rc == 0 && (want & ND_ENT_NAMES)) rc = name_entities(text, n, &L);
  if (rc) {
    nd_entities_free(L.a, L.n);
    return -1;
  }
  *out = L.a;
  *count = L.n;
  return 0;
}

void nd_entities_free(nd_entity *e, size_t count) {
  if (!e) return;
  for (size_t i = 0; i < count; i++) {
    nd_free(e[i].canonical);
    nd_free(e[i].key);
  }
  nd_free(e);
}
