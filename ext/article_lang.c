/*
** Language of an article that does not state it: nd_guess_lang.
**
** How it works: letters are counted by script first. Scripts used by one
** language (or one main one) decide at once: Hangul (ko), kana (ja), Han
** (zh), Greek (el), Hebrew (he), Arabic (ar, or fa with Persian letters),
** Devanagari (hi), Thai (th), Armenian (hy), Georgian (ka). For Latin and
** Cyrillic text, the most frequent function words of 16 languages vote:
** a word shared by k languages gives each 1/k. The winner needs at least
** four votes and a clear lead over the runner-up; otherwise no guess
** (NULL), never a coin toss. Only the first 3,000 words are read, so the
** cost is bounded whatever the length.
**
** The stop-word table is sorted in byte order for binary search.
*/
#include <string.h>
#include <utf8proc.h>

#include "nd_alloc.h"
#include "nd_formats.h"
#include "nd_utf8.h"

static const char *const azLangCode[] = {"en", "fr", "es", "de", "it", "pt", "nl", "pl",
                                         "sv", "tr", "ro", "cs", "id", "ru", "uk", "bg"};
#define N_LANG 16
static const struct stopword {
  const char *word;
  unsigned mask; /* bit i: azLangCode[i] */
} aStop[] = {
    {"a", 0x800},       {"aan", 0x40},      {"ada", 0x1000},   {"after", 0x1},    {"akan", 0x1000},
    {"al", 0x4},        {"ale", 0x880},     {"alla", 0x10},    {"also", 0x1},     {"ama", 0x200},
    {"an", 0x1},        {"anche", 0x10},    {"and", 0x1},      {"ao", 0x20},      {"are", 0x1},
    {"as", 0x21},       {"at", 0x1},        {"att", 0x100},    {"au", 0x402},     {"auch", 0x8},
    {"auf", 0x8},       {"aus", 0x8},       {"aux", 0x2},      {"av", 0x100},     {"avec", 0x2},
    {"be", 0x1},        {"been", 0x1},      {"bei", 0x8},      {"bij", 0x40},     {"bir", 0x200},
    {"bu", 0x200},      {"but", 0x1},       {"by", 0x801},     {"byl", 0x800},    {"bylo", 0x800},
    {"był", 0x80},      {"ca", 0x400},      {"care", 0x400},   {"ce", 0x2},       {"cette", 0x2},
    {"che", 0x10},      {"com", 0x20},      {"comme", 0x2},    {"como", 0x4},     {"con", 0x14},
    {"cu", 0x400},      {"da", 0x220},      {"daha", 0x200},   {"dalam", 0x1000}, {"dan", 0x1000},
    {"dans", 0x2},      {"dari", 0x1000},   {"das", 0x28},     {"dat", 0x40},     {"de", 0x740},
    {"dei", 0x10},      {"del", 0x14},      {"della", 0x10},   {"delle", 0x10},   {"dem", 0x8},
    {"den", 0x108},     {"dengan", 0x1000}, {"der", 0x8},      {"des", 0xa},      {"desde", 0x4},
    {"det", 0x100},     {"di", 0x1010},     {"die", 0x48},     {"din", 0x400},    {"dit", 0x40},
    {"dla", 0x80},      {"do", 0x8a0},      {"donde", 0x4},    {"dos", 0x20},     {"du", 0x2},
    {"după", 0x400},    {"e", 0x10},        {"een", 0x40},     {"efter", 0x100},  {"ein", 0x8},
    {"eine", 0x8},      {"einer", 0x8},     {"el", 0x4},       {"elle", 0x2},     {"em", 0x20},
    {"en", 0x344},      {"entre", 0x6},     {"er", 0x40},      {"es", 0x4},       {"essere", 0x10},
    {"est", 0x2},       {"esta", 0x4},      {"este", 0x404},   {"et", 0x2},       {"ett", 0x100},
    {"fait", 0x2},      {"fi", 0x400},      {"foi", 0x20},     {"for", 0x1},      {"fost", 0x400},
    {"from", 0x1},      {"fue", 0x4},       {"för", 0x100},    {"für", 0x8},      {"gibi", 0x200},
    {"gli", 0x10},      {"göre", 0x200},    {"ha", 0x14},      {"had", 0x1},      {"har", 0x100},
    {"has", 0x1},       {"hat", 0x8},       {"have", 0x1},     {"he", 0x1},       {"heeft", 0x40},
    {"het", 0x40},      {"his", 0x1},       {"i", 0x80},       {"il", 0x12},      {"ile", 0x200},
    {"im", 0x8},        {"in", 0x1},        {"ini", 0x1000},   {"inte", 0x100},   {"is", 0x41},
    {"ise", 0x200},     {"ist", 0x8},       {"it", 0x1},       {"its", 0x1},      {"itu", 0x1000},
    {"için", 0x200},    {"jak", 0x80},      {"jako", 0x880},   {"je", 0x800},     {"jego", 0x80},
    {"jeho", 0x800},    {"jest", 0x80},     {"jsou", 0x800},   {"juga", 0x1000},  {"kadar", 0x200},
    {"kan", 0x100},     {"karena", 0x1000}, {"ke", 0x1000},    {"který", 0x800},  {"które", 0x80},
    {"la", 0x412},      {"las", 0x4},       {"le", 0x12},      {"les", 0x2},      {"leur", 0x2},
    {"lo", 0x4},        {"los", 0x4},       {"ma", 0x10},      {"maar", 0x40},    {"mai", 0x400},
    {"mais", 0x22},     {"med", 0x100},     {"men", 0x100},    {"met", 0x40},     {"mit", 0x8},
    {"más", 0x4},       {"na", 0x8a0},      {"naar", 0x40},    {"nach", 0x8},     {"nel", 0x10},
    {"nella", 0x10},    {"nicht", 0x8},     {"nie", 0x80},     {"niet", 0x40},    {"no", 0x20},
    {"noch", 0x8},      {"nog", 0x40},      {"non", 0x10},     {"not", 0x1},      {"nu", 0x400},
    {"não", 0x20},      {"o", 0x4a0},       {"och", 0x100},    {"också", 0x100},  {"od", 0x880},
    {"of", 0x1},        {"olan", 0x200},    {"olarak", 0x200}, {"oleh", 0x1000},  {"om", 0x100},
    {"on", 0x1},        {"ont", 0x2},       {"ook", 0x40},     {"op", 0x40},      {"oraz", 0x80},
    {"os", 0x20},       {"pada", 0x1000},   {"par", 0x2},      {"para", 0x24},    {"pas", 0x2},
    {"pe", 0x400},      {"pela", 0x20},     {"pelo", 0x20},    {"pentru", 0x400}, {"per", 0x10},
    {"pero", 0x4},      {"più", 0x10},      {"plus", 0x2},     {"po", 0x80},      {"por", 0x24},
    {"pour", 0x2},      {"pro", 0x800},     {"przez", 0x80},   {"på", 0x100},     {"que", 0x26},
    {"questo", 0x10},   {"qui", 0x2},       {"s", 0x800},      {"said", 0x1},     {"sau", 0x400},
    {"se", 0x824},      {"ser", 0x20},      {"ses", 0x2},      {"seu", 0x20},     {"sich", 0x8},
    {"sie", 0x8},       {"sig", 0x100},     {"sind", 0x8},     {"się", 0x80},     {"sobre", 0x4},
    {"som", 0x100},     {"sono", 0x10},     {"sonra", 0x200},  {"sont", 0x2},     {"stato", 0x10},
    {"su", 0x4},        {"sua", 0x20},      {"sur", 0x2},      {"sus", 0x4},      {"são", 0x20},
    {"să", 0x400},      {"také", 0x800},    {"także", 0x80},   {"también", 0x4},  {"também", 0x20},
    {"te", 0x40},       {"telah", 0x1000},  {"that", 0x1},     {"the", 0x1},      {"their", 0x1},
    {"they", 0x1},      {"this", 0x1},      {"tidak", 0x1000}, {"till", 0x100},   {"to", 0x881},
    {"um", 0x20},       {"uma", 0x20},      {"un", 0x410},     {"una", 0x14},     {"und", 0x8},
    {"une", 0x2},       {"untuk", 0x1000},  {"v", 0x800},      {"van", 0x40},     {"var", 0x100},
    {"ve", 0x200},      {"von", 0x8},       {"voor", 0x40},    {"w", 0x80},       {"was", 0x1},
    {"werd", 0x40},     {"werden", 0x8},    {"were", 0x1},     {"which", 0x1},    {"who", 0x1},
    {"will", 0x1},      {"wird", 0x8},      {"with", 0x1},     {"wordt", 0x40},   {"would", 0x1},
    {"wurde", 0x8},     {"y", 0x4},         {"yang", 0x1000},  {"z", 0x880},      {"zijn", 0x40},
    {"zu", 0x8},        {"är", 0x100},      {"çok", 0x200},    {"è", 0x10},       {"é", 0x20},
    {"été", 0x2},       {"être", 0x2},      {"în", 0x400},     {"über", 0x8},     {"że", 0x80},
    {"že", 0x800},      {"și", 0x400},      {"але", 0x4000},   {"було", 0x4000},  {"бъде", 0x8000},
    {"был", 0x2000},    {"было", 0x2000},   {"в", 0xe000},     {"від", 0x4000},   {"года", 0x2000},
    {"година", 0x8000}, {"да", 0x8000},     {"для", 0x6000},   {"до", 0x4000},    {"е", 0x8000},
    {"его", 0x2000},    {"з", 0x4000},      {"за", 0xe000},    {"и", 0xa000},     {"из", 0x2000},
    {"його", 0x4000},   {"к", 0x2000},      {"как", 0x2000},   {"като", 0x8000},  {"които", 0x8000},
    {"на", 0xe000},     {"не", 0xe000},     {"но", 0x2000},    {"о", 0x2000},     {"он", 0x2000},
    {"она", 0x2000},    {"они", 0x2000},    {"от", 0xa000},    {"по", 0xa000},    {"после", 0x2000},
    {"при", 0x2000},    {"після", 0x4000},  {"році", 0x4000},  {"с", 0xa000},     {"са", 0x8000},
    {"се", 0x8000},     {"след", 0x8000},   {"та", 0x4000},    {"также", 0x2000}, {"також", 0x4000},
    {"това", 0x8000},   {"у", 0x4000},      {"це", 0x4000},    {"че", 0x8000},    {"что", 0x2000},
    {"ще", 0x8000},     {"що", 0x4000},     {"это", 0x2000},   {"як", 0x4000},    {"які", 0x4000},
    {"і", 0x4000},
};

#define MAX_WORDS 3000

static unsigned stop_mask(const char *w, size_t n) {
  size_t lo = 0, hi = sizeof(aStop) / sizeof(aStop[0]);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const char *e = aStop[mid].word;
    size_t m = strlen(e);
    int c = memcmp(w, e, n < m ? n : m);
    if (c == 0) c = n < m ? -1 : n > m;
    if (c == 0) return aStop[mid].mask;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return 0;
}

enum {
  S_LATIN,
  S_CYRILLIC,
  S_GREEK,
  S_ARABIC,
  S_PERSIAN,
  S_HEBREW,
  S_HAN,
  S_KANA,
  S_HANGUL,
  S_DEVANAGARI,
  S_THAI,
  S_ARMENIAN,
  S_GEORGIAN,
  S_COUNT
};

static int script_of(int32_t cp) {
  if (cp < 0x250) return S_LATIN;
  if (cp >= 0x370 && cp < 0x400) return S_GREEK;
  if (cp >= 0x400 && cp < 0x530) return S_CYRILLIC;
  if (cp >= 0x530 && cp < 0x590) return S_ARMENIAN;
  if (cp >= 0x590 && cp < 0x600) return S_HEBREW;
  if (cp == 0x67E || cp == 0x686 || cp == 0x698 || cp == 0x6AF) return S_PERSIAN;
  if (cp >= 0x600 && cp < 0x700) return S_ARABIC;
  if (cp >= 0x900 && cp < 0x980) return S_DEVANAGARI;
  if (cp >= 0xE00 && cp < 0xE80) return S_THAI;
  if (cp >= 0x10A0 && cp < 0x1100) return S_GEORGIAN;
  if (cp >= 0x1E00 && cp < 0x1F00) return S_LATIN;
  if (cp >= 0x3040 && cp < 0x3100) return S_KANA;
  if ((cp >= 0x4E00 && cp < 0xA000) || (cp >= 0x3400 && cp < 0x4DC0)) return S_HAN;
  if (cp >= 0xAC00 && cp < 0xD7B0) return S_HANGUL;
  return -1;
}

const char *nd_guess_lang(const char *s, size_t n) {
  size_t script[S_COUNT] = {0}, letters = 0;
  double votes[N_LANG] = {0};
  char word[32];
  size_t wlen = 0, words = 0;
  int too_long = 0;
  for (size_t i = 0; i <= n && words < MAX_WORDS;) {
    int32_t cp = 0;
    size_t k = 1;
    if (i < n) k = nd_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    utf8proc_category_t c = i < n ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
    int letter = c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
    if (letter) {
      int sc = script_of(cp);
      if (sc >= 0) script[sc]++;
      letters++;
      char enc[4];
      size_t e = nd_utf8_encode(utf8proc_tolower(cp), enc);
      if (wlen + e < sizeof word) {
        memcpy(word + wlen, enc, e);
        wlen += e;
      } else {
        too_long = 1;
      }
    } else if (wlen) {
      unsigned mask = too_long ? 0 : stop_mask(word, wlen);
      if (mask) {
        int shared = __builtin_popcount(mask);
        for (int l = 0; l < N_LANG; l++)
          if (mask & (1u << l)) votes[l] += 1.0 / shared;
      }
      words++;
      wlen = 0;
      too_long = 0;
    }
    i += k;
  }
  if (letters < 20) return NULL;
  /* Scripts of one language. */
  static const struct {
    int script;
    const char *code;
  } aScript[] = {{S_HANGUL, "ko"}, {S_KANA, "ja"},     {S_HAN, "zh"},     {S_GREEK, "el"},
                 {S_HEBREW, "he"}, {S_PERSIAN, "fa"},  {S_ARABIC, "ar"},  {S_DEVANAGARI, "hi"},
                 {S_THAI, "th"},   {S_ARMENIAN, "hy"}, {S_GEORGIAN, "ka"}};
  if (script[S_HANGUL] * 5 > letters) return "ko";
  if (script[S_KANA] * 10 > letters) return "ja";
  if (script[S_PERSIAN] && (script[S_ARABIC] + script[S_PERSIAN]) * 2 > letters) return "fa";
  for (size_t i = 0; i < sizeof(aScript) / sizeof(aScript[0]); i++)
    if (aScript[i].script != S_PERSIAN && script[aScript[i].script] * 2 > letters)
      return aScript[i].code;
  int best = -1, second = -1;
  for (int l = 0; l < N_LANG; l++) {
    if (best < 0 || votes[l] > votes[best]) {
      second = best;
      best = l;
    } else if (second < 0 || votes[l] > votes[second]) {
      second = l;
    }
  }
  if (best < 0 || votes[best] < 4) return NULL;
  if (second >= 0 && votes[best] < 1.5 * votes[second]) return NULL;
  return azLangCode[best];
}
