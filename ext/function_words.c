/*
** Function words of German, French, Spanish, Italian, Portuguese and Dutch
** (see nd_function_words.h). Each language has two lists: the articles and
** contractions of a preposition with an article, which may open a name's
** span ("La Junta", "Im Herbst"), and the other function words (pronouns,
** prepositions, conjunctions, common adverbs) that are never a name alone.
** The words go into one hash table, built once per process (pthread_once)
** and read-only after: lookups cost about as much as hashing the word.
*/
#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

#include "nd_function_words.h"
#include "nd_utf8.h"

static const struct {
  const char *code;
  const char *articles;
  const char *others;
} aLang[] = {
    {"de", "der die das den dem des ein eine einen einem einer eines im am zum zur vom beim ins",
     "und oder aber doch denn wir ihr sie er es ich du man nach seit laut gemäß trotz wegen "
     "während bei mit von zu für auf aus an in über unter vor neben zwischen durch gegen ohne um "
     "bis als wenn dass weil ob auch noch schon nur so dann da hier dort heute gestern morgen "
     "jetzt nun dies diese dieser dieses jede jeder jedes alle unser unsere"},
    {"fr", "le la les un une du des au aux",
     "de et ou mais donc car ni nous vous ils elles il elle on je tu selon depuis pendant avant "
     "après avec sans sous sur dans pour par chez entre vers contre malgré lors dès si quand "
     "comme alors ainsi aussi puis ce cette ces cet aujourd hier demain cependant toutefois "
     "enfin notre nos leur leurs"},
    {"es", "el la los las lo un una unos unas del al",
     "de y o pero sino ni nosotros vosotros ellos ellas él ella usted yo tú según desde durante "
     "antes después con sin sobre bajo en para por entre hacia hasta contra tras si cuando como "
     "también ya hoy ayer mañana este esta estos estas ese esa aquel además nuestro nuestra"},
    {"it", "il lo la i gli le un uno una del della dei degli delle al alla ai agli alle nel nella",
     "di e o ma però noi voi loro lui lei io tu secondo da durante prima dopo con senza sopra sotto "
     "in per tra fra verso contro se quando come anche già oggi ieri domani questo questa questi "
     "queste nostro nostra"},
    {"pt", "o a os as um uma uns umas do da dos das no na nos nas ao aos",
     "de e ou mas nós vós eles elas ele ela eu tu segundo desde durante antes depois com sem sobre "
     "sob em para por entre até contra se quando como também já hoje ontem amanhã este esta "
     "estes estas esse essa nosso nossa"},
    {"nl", "de het een",
     "en of maar wij jullie zij hij ik je volgens sinds tijdens voor na met zonder over onder "
     "in op bij door tegen als wanneer ook al vandaag gisteren morgen deze dit die dat ons onze"},
};

#define N_LANG (sizeof(aLang) / sizeof(aLang[0]))

unsigned nd_function_lang_bit(const char *lang) {
  if (!lang) return 0;
  for (size_t i = 0; i < N_LANG; i++)
    if (strcmp(lang, aLang[i].code) == 0) return 1u << i;
  return 0;
}

/* All the words in one open-addressing table, built once: a word's entry
** holds its languages as an article and as any function word. */
#define SLOTS 2048 /* a power of two, over twice the words listed */

typedef struct slot {
  const char *word; /* into aLang's strings; NULL when empty */
  unsigned char len, articles, all;
} slot;

static slot aSlot[SLOTS];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static unsigned hash_word(const char *w, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
  return h;
}

static slot *find_slot(const char *w, size_t n) {
  for (unsigned h = hash_word(w, n);; h++) {
    slot *e = &aSlot[h & (SLOTS - 1)];
    if (!e->word || (e->len == n && memcmp(e->word, w, n) == 0)) return e;
  }
}

static void add_words(const char *list, unsigned bit, int article) {
  for (const char *p = list; *p;) {
    const char *e = strchr(p, ' ');
    size_t k = e ? (size_t)(e - p) : strlen(p);
    slot *x = find_slot(p, k);
    x->word = p;
    x->len = (unsigned char)k;
    x->all |= (unsigned char)bit;
    if (article) x->articles |= (unsigned char)bit;
    if (!e) break;
    p = e + 1;
  }
}

static void build_table(void) {
  for (size_t i = 0; i < N_LANG; i++) {
    add_words(aLang[i].articles, 1u << i, 1);
    add_words(aLang[i].others, 1u << i, 0);
  }
}

unsigned nd_function_word_langs(const char *w, size_t n, int articles_only) {
  char low[32];
  size_t o = 0;
  if (n == 0 || n >= sizeof low) return 0; /* longer than any function word */
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)w[i];
    if (c < 0x80) { /* ASCII without decoding */
      low[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
      continue;
    }
    int32_t cp;
    size_t k = nd_utf8_decode((const unsigned char *)w + i, n - i, &cp);
    char enc[4];
    size_t m = nd_utf8_encode(utf8proc_tolower(cp), enc);
    if (o + m >= sizeof low) return 0; /* longer than any function word */
    memcpy(low + o, enc, m);
    o += m;
    i += k ? k : 1;
  }
  pthread_once(&table_once, build_table);
  const slot *e = find_slot(low, o);
  if (!e->word) return 0;
  return articles_only ? e->articles : e->all;
}
