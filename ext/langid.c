/*
** Language identification (see nd_langid.h).
**
** How it works: one pass over at most 64 KiB counts letters per writing
** system and looks every lower-cased word up in a table of function words
** (the thirty or so most frequent words of each language: articles,
** prepositions, pronouns, auxiliaries). A non-Latin, non-Cyrillic script
** that makes up most letters decides alone. Otherwise each function word
** votes for its languages, a word shared by k of them giving each 1/k, and
** the language with most votes wins if it leads clearly; ties and texts
** with too few function words give NULL rather than a guess.
*/
#include "nd_langid.h"

#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

#include "nd_utf8.h"

#define LANGID_MAX_BYTES (64 * 1024)
#define LANGID_MIN_HITS 3
/* One whole vote, divisible by any number of languages sharing a word. */
#define VOTE 27720

static const struct {
  const char *code;
  const char *words; /* space-separated, lower case */
} k_langs[] = {
    {"en", "the of and to in is that for it was on with as by he at from his said have are this "
           "be an has were which not but they will had would their its been who after also into "
           "about than more"},
    {"fr", "le la les de des et est un une dans que qui du pour pas sur au avec il sont ce par plus "
           "ne se aux été mais ont cette leur elle à l d qu"},
    {"es", "el la los las de que y en un una es por con para del al se su lo como más pero sus le "
           "fue ha este esta son también"},
    {"de", "der die und das ist nicht den von zu mit sich des auf für im dem ein eine auch es an "
           "werden aus er hat dass sie nach wird bei"},
    {"it", "il di che e la per un una non in con del della sono è le si da al lo gli anche nel "
           "alla più ha come dei ma questo l"},
    {"pt", "o de que e do da em um para é com não uma os no se na por mais as dos como mas ao ele "
           "das à seu sua foi"},
    {"nl", "de het een en van is dat op te in zijn voor niet met die aan er ook als bij door maar "
           "om heeft wordt werd nog naar dit hij"},
    {"sv", "och att det som en på är av för med till den har de inte om ett var jag sig men han "
           "vid från så kan hade eller när efter"},
    {"da", "og i at det er en til på de med for af den ikke der som et har var om men han fra vil "
           "kan blev efter også sig skal"},
    {"no", "og i det er en til på som at for med av de ikke den har om et var men han fra vil kan "
           "ble etter også seg skal hun"},
    {"pl", "i w się na nie z że do to jest o jak ale po co tak za od jego przez być są dla też "
           "już oraz który może tym jej"},
    {"ro", "și de în a la cu să pe nu care din este o un mai pentru se ca sunt fost au ce al sau "
           "lui dar prin acest după fi"},
    {"tr", "ve bir bu da de için ile olarak çok daha ne gibi en olan kadar ama sonra o her var "
           "değil ise mi yeni ki"},
    {"cs", "a se na v je že to s z do o k i jako ale by pro jsou tak jeho které po byl podle "
           "který také už při jen bylo"},
    {"fi", "ja on ei se että oli hän mutta kun niin ovat myös tai joka sen jos kuin ole vain "
           "mukaan"},
    {"hu", "a az és hogy nem is egy van meg de csak már ki mint el volt még ezt azt vagy"},
    {"id", "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada adalah oleh "
           "karena mereka telah"},
    {"ru", "и в не на что с по он как это из за к о так его от для но же она был все они также "
           "было при или бы уже"},
    {"uk", "і в у на що не з до та як це за від для по він але його також вона було був їх є "
           "ще які який щоб вже при"},
    {"bg", "и на в за да се от не с че е по са това като до той но ще му които който беше или си "
           "след при вече тя"},
};
#define N_LANGS (sizeof(k_langs) / sizeof(k_langs[0]))

/* Open-addressing table: word -> bit set of languages. */
#define TABLE_SIZE 2048
static struct {
  char word[24];
  unsigned langs;
} g_table[TABLE_SIZE];
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static unsigned hash_word(const char *w, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
  return h;
}

static void table_add(const char *w, size_t n, unsigned lang) {
  unsigned h = hash_word(w, n) & (TABLE_SIZE - 1);
  while (g_table[h].word[0] && (strlen(g_table[h].word) != n || memcmp(g_table[h].word, w, n)))
    h = (h + 1) & (TABLE_SIZE - 1);
  memcpy(g_table[h].word, w, n);
  g_table[h].word[n] = 0;
  g_table[h].langs |= 1u << lang;
}

static unsigned table_get(const char *w, size_t n) {
  unsigned h = hash_word(w, n) & (TABLE_SIZE - 1);
  while (g_table[h].word[0]) {
    if (strlen(g_table[h].word) == n && memcmp(g_table[h].word, w, n) == 0)
      return g_table[h].langs;
    h = (h + 1) & (TABLE_SIZE - 1);
  }
  return 0;
}

static void table_build(void) {
  for (unsigned l = 0; l < N_LANGS; l++) {
    const char *p = k_langs[l].words;
    while (*p) {
      const char *e = strchr(p, ' ');
      size_t n = e ? (size_t)(e - p) : strlen(p);
      if (n > 0 && n < sizeof g_table[0].word) table_add(p, n, l);
      p += n;
      while (*p == ' ') p++;
    }
  }
}

/* Writing systems that name a language on their own. */
enum { S_LATIN, S_CYRILLIC, S_GREEK, S_ARABIC, S_PERSIAN, S_HEBREW, S_KANA, S_HANGUL, S_HAN,
       S_THAI, S_DEVANAGARI, S_GEORGIAN, S_ARMENIAN, S_COUNT };
static const char *const k_script_lang[S_COUNT] = {
    NULL, NULL, "el", "ar", "fa", "he", "ja", "ko", "zh", "th", "hi", "ka", "hy"};

static int script_of(int32_t c) {
  if (c < 0x250) return S_LATIN;
  if (c >= 0x370 && c < 0x400) return S_GREEK;
  if (c >= 0x400 && c < 0x530) return S_CYRILLIC;
  if (c >= 0x530 && c < 0x590) return S_ARMENIAN;
  if (c >= 0x590 && c < 0x600) return S_HEBREW;
  /* Letters Persian has and Arabic lacks: pe, che, zhe, gaf. */
  if (c == 0x67E || c == 0x686 || c == 0x698 || c == 0x6AF) return S_PERSIAN;
  if (c >= 0x600 && c < 0x700) return S_ARABIC;
  if (c >= 0x900 && c < 0x980) return S_DEVANAGARI;
  if (c >= 0xE00 && c < 0xE80) return S_THAI;
  if (c >= 0x10A0 && c < 0x1100) return S_GEORGIAN;
  if (c >= 0x1E00 && c < 0x1F00) return S_LATIN;
  if (c >= 0x1F00 && c < 0x2000) return S_GREEK;
  if (c >= 0x3040 && c < 0x3100) return S_KANA;
  if ((c >= 0x1100 && c < 0x1200) || (c >= 0xAC00 && c < 0xD7B0)) return S_HANGUL;
  if (c >= 0x4E00 && c < 0xA000) return S_HAN;
  return -1;
}

const char *nd_langid(const char *text, size_t n) {
  pthread_once(&g_once, table_build);
  if (n > LANGID_MAX_BYTES) n = LANGID_MAX_BYTES;
  const unsigned char *s = (const unsigned char *)text;
  size_t letters[S_COUNT] = {0}, total = 0, hits[N_LANGS] = {0};
  char word[24];
  size_t wlen = 0;
  int overflow = 0;
  for (size_t i = 0; i <= n;) {
    int32_t c = 0;
    size_t k = 1;
    if (i < n) k = nd_utf8_decode(s + i, n - i, &c);
    utf8proc_category_t cat = i < n ? utf8proc_category(c) : UTF8PROC_CATEGORY_CN;
    int letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;
    if (letter) {
      int sc = script_of(c);
      if (sc >= 0 && cat <= UTF8PROC_CATEGORY_LO) letters[sc]++, total++;
      char buf[4];
      size_t m = nd_utf8_encode(utf8proc_tolower(c), buf);
      if (wlen + m < sizeof word) memcpy(word + wlen, buf, m), wlen += m;
      else overflow = 1;
    } else if (wlen || overflow) {
      unsigned langs = overflow ? 0 : table_get(word, wlen);
      unsigned share = langs ? VOTE / (unsigned)__builtin_popcount(langs) : 0;
      for (unsigned l = 0; langs; l++, langs >>= 1)
        if (langs & 1) hits[l] += share;
      wlen = 0;
      overflow = 0;
    }
    i += k;
  }
  if (total < 20) return NULL;
  /* Kana mixed with Han is Japanese; Han alone is Chinese. */
  if (letters[S_KANA] * 10 >= total) return "ja";
  for (int sc = S_GREEK; sc < S_COUNT; sc++) {
    if (sc == S_KANA || sc == S_PERSIAN) continue;
    if (letters[sc] * 2 > total) {
      if (sc == S_ARABIC && letters[S_PERSIAN] * 50 > letters[S_ARABIC]) return "fa";
      return k_script_lang[sc];
    }
  }
  size_t best = 0, second = 0;
  unsigned bl = 0;
  for (unsigned l = 0; l < N_LANGS; l++) {
    if (hits[l] > best) second = best, best = hits[l], bl = l;
    else if (hits[l] > second) second = hits[l];
  }
  if (best < LANGID_MIN_HITS * VOTE || best * 4 < second * 5) return NULL;
  return k_langs[bl].code;
}
